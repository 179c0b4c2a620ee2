import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKamJson } from '../helpers/kam.js';
import { makeRepo } from '../helpers/tmpRepo.js';
import { runHostile, runHostileProcess } from './harness.js';
import { stylishRows } from '../helpers/stylish.js';

/** Billion laughs: ten levels of nine aliases each, 9^10 strings if expanded. */
function billionLaughs(): string {
  const lines = ['lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++) lines.push(`lol${i}: &lol${i} [${Array(9).fill(`*lol${i - 1}`).join(', ')}]`);
  return `name: Laughs\n${lines.join('\n')}\n`;
}

// Each hostile file alone in a repo, the exact finding kam must print for it, and the exit code.
// spawn: run in a separate process, where a regression (a hang) stops at the 60 s timeout.
const cases: { name: string; file: string; content: string | Buffer; expected: string; spawn?: true }[] = [
  {
    name: 'a YAML syntax error',
    file: 'accounts/bad.yaml',
    content: 'name: Bad\nratings: { fit: 3\nmanager: Dana\n',
    expected: 'accounts/bad.yaml:3:1  error    Flow map in block collection must be sufficiently indented and end with a }: check the indentation and quoting on this line  yaml_syntax',
  },
  {
    name: 'a duplicate key',
    file: 'accounts/dupe.yaml',
    content: 'name: Dupe\nmanager: Dana\nregion: EU\nmanager: Omar\n',
    expected: 'accounts/dupe.yaml:4:1  error    duplicate key "manager": remove one of the two entries or merge them  duplicate_key',
  },
  {
    name: 'a duplicate key inside a nested flow mapping',
    file: 'accounts/dupe.yaml',
    content: 'name: Dupe\nratings: { fit: 3, logo: 2, fit: 4 }\n',
    expected: 'accounts/dupe.yaml:2:29  error    duplicate key "fit": remove one of the two entries or merge them  duplicate_key',
  },
  {
    name: 'an alias bomb (billion laughs)',
    file: 'accounts/laughs.yaml',
    content: billionLaughs(),
    expected: 'accounts/laughs.yaml:1:1  error    cannot expand the document: Excessive alias count indicates a resource exhaustion attack; use fewer aliases (at most 100 expansions)  yaml_syntax',
    spawn: true,
  },
  {
    name: 'invalid UTF-8',
    file: 'accounts/latin1.yaml',
    content: Buffer.from('name: Cr\xe8me Br\xfbl\xe9e\n', 'latin1'),
    expected: 'accounts/latin1.yaml:1:1  error    the file is not valid UTF-8 text; save it as UTF-8  yaml_syntax',
  },
  {
    name: 'a file of random bytes',
    file: 'accounts/noise.yaml',
    content: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    expected: 'accounts/noise.yaml:1:1  error    the file is not valid UTF-8 text; save it as UTF-8  yaml_syntax',
  },
  {
    name: 'UTF-16 (little-endian) without a byte order mark',
    file: 'accounts/utf16le.yaml',
    content: Buffer.from('name: Crème Brûlée\nmanager: Léa Dubois\n', 'utf16le'),
    expected: 'accounts/utf16le.yaml:1:1  error    the file is UTF-16LE text (without a byte order mark), and kam reads UTF-8: save it as UTF-8 (e.g. iconv -f UTF-16LE -t UTF-8)  yaml_syntax',
  },
  {
    name: 'UTF-16 (big-endian) without a byte order mark',
    file: 'accounts/utf16be.yaml',
    content: Buffer.from('name: Acme\n', 'utf16le').swap16(),
    expected: 'accounts/utf16be.yaml:1:1  error    the file is UTF-16BE text (without a byte order mark), and kam reads UTF-8: save it as UTF-8 (e.g. iconv -f UTF-16BE -t UTF-8)  yaml_syntax',
  },
  {
    name: 'UTF-16 with a byte order mark',
    file: 'accounts/utf16bom.yaml',
    content: Buffer.from('\uFEFFname: Acme\n', 'utf16le'),
    expected: 'accounts/utf16bom.yaml:1:1  error    the file is UTF-16LE text, and kam reads UTF-8: save it as UTF-8 (e.g. iconv -f UTF-16LE -t UTF-8)  yaml_syntax',
  },
  {
    name: 'NUL bytes in otherwise valid UTF-8',
    file: 'accounts/nul.yaml',
    content: 'name: Nul\u0000\n',
    expected: 'accounts/nul.yaml:1:1  error    the file contains NUL bytes: it is binary, not YAML  yaml_syntax',
  },
  {
    name: 'a !!js/function tag',
    file: 'accounts/fn.yaml',
    content: 'name: !!js/function "function () { require(\'fs\').writeFileSync(\'pwned\', \'x\') }"\n',
    expected: 'accounts/fn.yaml:1:7  error    Unresolved tag: tag:yaml.org,2002:js/function: kam files use plain YAML; remove the tag  yaml_syntax',
  },
  {
    name: 'a verbatim !<tag:yaml.org,2002:js/function> tag',
    file: 'accounts/fn.yaml',
    content: 'name: Fn\nnotes: !<tag:yaml.org,2002:js/function> "function () { globalThis.pwned = true }"\n',
    expected: 'accounts/fn.yaml:2:8  error    Unresolved tag: tag:yaml.org,2002:js/function: kam files use plain YAML; remove the tag  yaml_syntax',
  },
  {
    name: 'a !!python/object tag',
    file: 'accounts/py.yaml',
    content: 'name: !!python/object:os.system ["touch pwned"]\n',
    expected: 'accounts/py.yaml:1:7  error    Unresolved tag: tag:yaml.org,2002:python/object:os.system: kam files use plain YAML; remove the tag  yaml_syntax',
  },
  {
    name: 'a top-level list',
    file: 'accounts/list.yaml',
    content: '- name: Listed\n- name: Twice\n',
    expected: 'accounts/list.yaml:1:1  error    the file must be a mapping, not a list  schema',
  },
  {
    name: 'a top-level scalar',
    file: 'accounts/scalar.yaml',
    content: 'just some text\n',
    expected: 'accounts/scalar.yaml:1:1  error    the file must be a mapping, not text "just some text"  schema',
  },
  {
    name: 'an empty file',
    file: 'accounts/empty.yaml',
    content: '',
    expected: 'accounts/empty.yaml:1:1  error    the file is empty; it must be a YAML mapping (key: value lines)  schema',
  },
  {
    name: 'a file with only comments',
    file: 'accounts/comments.yaml',
    content: '# name: Commented out\n# manager: Nobody\n',
    expected: 'accounts/comments.yaml:1:1  error    the file is empty; it must be a YAML mapping (key: value lines)  schema',
  },
  {
    name: 'two documents in one file',
    file: 'accounts/two.yaml',
    content: 'name: One\n---\nname: Two\n',
    expected: 'accounts/two.yaml:2:1  error    Source contains multiple documents; please use YAML.parseAllDocuments(): keep one document per file (remove the extra "---")  yaml_syntax',
  },
  {
    name: 'a list used as a mapping key (no Node warning on stderr)',
    file: 'accounts/key.yaml',
    content: '? [a, b]\n: x\nname: Key\n',
    expected: 'accounts/key.yaml:1:3  error    a key must be text, not a list; write the key as plain text (e.g. name: value)  yaml_syntax',
  },
  {
    name: 'a plan that is a scalar',
    file: 'plans/scalar.yaml',
    content: '42\n',
    expected: 'plans/scalar.yaml:1:1  error    the file must be a mapping, not number 42  schema',
  },
];

describe('malformed input: a located finding, exit 1, no stack trace, nothing written', () => {
  it.each(cases)('$name', async ({ file, content, expected, spawn }) => {
    const root = makeRepo({ 'accounts/fine.yaml': 'name: Fine\n' });
    writeAt(root, file, content);
    const run = spawn ? runHostileProcess(root, ['validate'], 1) : await runHostile(root, ['validate'], 1);
    expect(stylishRows(run.stdout)).toContain(`  ${expected}`);
    expect(run.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\)/);
    expect(run.stderr).toBe('');
  });

  it('expands an alias bomb only as far as the limit: fast, whatever its size', async () => {
    // 30 levels: 9^30 strings if expanded; the limit stops it after a few hundred nodes.
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 30; i++) lines.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
    const root = makeRepo({ 'accounts/bomb.yaml': `name: Bomb\n${lines.join('\n')}\n` });
    const run = runHostileProcess(root, ['validate'], 1); // a process: an expanded bomb would hang this one
    expect(stylishRows(run.stdout).join('\n')).toContain('accounts/bomb.yaml:1:1  error    cannot expand the document');
  });

  it('accepts a few aliases (a legitimate use)', async () => {
    const root = makeRepo({ 'accounts/ok.yaml': 'name: &n Aliased\nnotes: *n\ntags: [&t a, *t]\n' });
    const run = await runHostile(root, ['validate'], 0);
    expect(run.stdout).toContain('✔ no problems (1 account, 0 plans)');
  });

  it('never runs a tagged payload: no file written, no global set', async () => {
    const root = makeRepo({
      'accounts/fn.yaml': 'name: !!js/function "function () { require(\'fs\').writeFileSync(\'pwned\', \'x\'); globalThis.pwned = 1 }"\nnotes: !<tag:yaml.org,2002:js/function> "() => process.exit(99)"\n',
    });
    // A process: the payload would exit it (99) or write pwned in its folder, the repo.
    const run = runHostileProcess(root, ['validate', '-f', 'json'], 1);
    expect(JSON.parse(run.stdout).findings.map((f: { rule: string; line: number }) => [f.rule, f.line])).toEqual([['yaml_syntax', 1], ['yaml_syntax', 2]]);
  });

  it('accepts a UTF-8 BOM and CRLF line ends, with positions still right', async () => {
    const root = makeRepo({
      'accounts/crlf.yaml': '\uFEFFname: Windows Co\r\nregion: EMEA\r\nmanger: Dana\r\nratings:\r\n  fit: 9\r\n',
      'accounts/clean.yaml': '\uFEFFname: Clean\r\nratings: { fit: 3 }\r\n',
    });
    const run = await runHostile(root, ['validate'], 1);
    const lines = [...stylishRows(run.stdout), ...run.stdout.split('\n')];
    expect(lines).toContain('  accounts/crlf.yaml:3:1  error    unknown key "manger"; did you mean "manager"?  schema');
    expect(lines).toContain('  accounts/crlf.yaml:5:8  error    "ratings.fit" must be from 1 to 5, not 9  schema');
    expect(run.stdout).not.toContain('clean.yaml');
    expect(lines).toContain('✖ 2 problems (2 errors, 0 warnings) in 2 accounts, 0 plans');
  });

  it('reports a broken kam.yaml with exit 2 and a located finding', async () => {
    const root = makeRepo({ 'kam.yaml': 'version: 1\nversion: 1\n' });
    const run = await runHostile(root, ['validate'], 2);
    expect(stylishRows(run.stderr).join('\n')).toContain('kam.yaml:2:1  error    duplicate key "version": remove one of the two entries or merge them  duplicate_key');
    expect(run.stderr).toContain('kam: kam.yaml is invalid; fix the problems above first');
  });

  it.each([
    ['a list', '- version: 1\n', 'kam.yaml:1:1  error    the file must be a mapping, not a list  schema'],
    ['empty', '', 'kam.yaml:1:1  error    the file is empty; it must be a YAML mapping (key: value lines)  schema'],
    ['an alias bomb', `version: 1\n${billionLaughs().replace('name: Laughs\n', '')}`, 'kam.yaml:1:1  error    cannot expand the document'],
  ])('reports a kam.yaml that is %s with exit 2', async (what, content, expected) => {
    const root = makeRepo({ 'kam.yaml': content });
    // An alias bomb in a process of its own: expanded, it would hang this one.
    const run = what === 'an alias bomb' ? runHostileProcess(root, ['validate'], 2) : await runHostile(root, ['validate'], 2);
    expect(stylishRows(run.stderr).join('\n')).toContain(expected);
  });

  it('reads a 1.8 MB flow mapping on one line in linear time (positions are not found by scanning the line)', async () => {
    const pairs = Array.from({ length: 120_000 }, (_, i) => `k${i}: ${i}`).join(', ');
    const root = makeRepo({ 'accounts/oneline.yaml': `name: One line\nextra: {${pairs}}\n` });
    const { code, json } = runKamJson(['validate', '-f', 'json'], { cwd: root }); // a process: a quadratic path stops at its timeout
    expect(code).toBe(1);
    expect(json.findings).toEqual([expect.objectContaining({ rule: 'schema', file: 'accounts/oneline.yaml', line: 2, column: 1 })]);
  });

  it('checks 20,000 keys in one file in linear time (no quadratic duplicate-key check)', async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const root = makeRepo({ 'accounts/wide.yaml': `name: Wide\n${keys}\nk19999: again\n`, 'accounts/unknown.yaml': `name: Unknown\n${keys}\n` });
    const { code, json } = runKamJson(['validate', '-f', 'json'], { cwd: root }); // a process: a quadratic path stops at its timeout
    expect(code).toBe(1);
    expect(json.findings.filter((f: { file: string }) => f.file === 'accounts/wide.yaml')).toEqual([
      expect.objectContaining({ rule: 'duplicate_key', line: 20_002, column: 1, message: 'duplicate key "k19999": remove one of the two entries or merge them' }),
    ]);
    // JSON lists every finding unless --max-findings is given.
    expect(json.findings).toHaveLength(20_001);
    expect(json.summary.errors).toBe(20_001);
  });
});

function writeAt(root: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
