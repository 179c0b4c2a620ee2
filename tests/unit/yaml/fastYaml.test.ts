// The fast path (js-yaml with a position listener) must answer exactly as the reference path
// (`yaml`) does, or not at all: same data, same positions, and only for files `yaml` reads
// without a finding. Checked on every YAML file in the repo and on generated and mutated texts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseYamlFast } from '../../../src/yaml/fastYaml.js';
import { parseWithYaml } from '../../../src/yaml/parseYaml.js';
import { initFiles } from '../../../src/init/init.js';
import { defaultConfig } from '../../../src/schema/config.js';

/** KAM_FUZZ_RUNS raises the number of generated cases for a deeper search outside `npm test`. */
const RUNS = { numRuns: Number(process.env.KAM_FUZZ_RUNS ?? 1500) };
const root = join(import.meta.dirname, '../../..');

/** The promise: when the fast path answers, it answers like `yaml`. Returns whether it answered. */
function expectAgreement(text: string): boolean {
  const fast = parseYamlFast(text);
  if (!fast) return false;
  const slow = parseWithYaml(text, 'x.yaml', 'x');
  expect(slow.findings, `yaml finds problems the fast path missed in:\n${text}`).toEqual([]);
  expect(fast.data, `different data for:\n${text}`).toStrictEqual(slow.data);
  expect(fast.index.toString(), `different positions for:\n${text}`).toBe(slow.index.toString());
  return true;
}

/**
 * The YAML files of the project under `dir`: what git tracks and what is not ignored yet, so
 * that what the project never ships (node_modules, the 60,000 generated files of bench/repos/,
 * reports) is not read.
 */
function yamlFiles(dir: string): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '*.yaml', '*.yml'], { cwd: dir, encoding: 'utf8' });
  return listed.split('\0').filter(Boolean).map((file) => join(dir, file));
}

describe('the fast YAML path', () => {
  it('reads every account and plan of the example repo, exactly as yaml does', () => {
    const files = yamlFiles(join(root, 'examples'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(expectAgreement(readFileSync(file, 'utf8')), file).toBe(true);
  });

  it('agrees with yaml on every YAML file in the repo, and on every YAML file kam init writes', () => {
    const files = yamlFiles(root).map((file) => relative(root, file).split(sep).join('/'));
    // The walk really finds them: the example repo and the CI workflow template, at least.
    expect(files).toContain('templates/init/kam.yml');
    expect(files.filter((f) => f.startsWith('examples/')).length).toBeGreaterThan(20);
    const texts = [
      ...files.map((file) => ({ name: file, text: readFileSync(join(root, file), 'utf8') })),
      ...initFiles(defaultConfig(), { withChecklist: true, today: '2026-11-23', version: '0.0.0' })
        .filter((f) => /\.ya?ml$/.test(f.path))
        .map((f) => ({ name: `kam init: ${f.path}`, text: f.content })),
    ];
    let answered = 0;
    for (const { text } of texts) if (expectAgreement(text)) answered++;
    // Most of them are plain YAML the fast path must answer for (it declines only what it documents).
    expect(answered).toBeGreaterThan(files.length * 0.9);
  });

  it('declines what it does not read like yaml, so yaml reports it', () => {
    const declined = [
      'a: 1\na: 2\n', // duplicate key: yaml names it
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !!str 1\n', // tags
      '? a\n: b\n', // explicit key
      '%YAML 1.2\n---\na: 1\n', // directive
      'a: 1\n---\nb: 2\n', // two documents
      '1: a\n', // a key that is not a string
      '- a\n', // not a mapping
      'a: [1, 2\n', // syntax error
      'a:\n\t- b\n', // tab indentation
      `${'k'.repeat(1100)}: v\n`, // implicit key over yaml's 1024-character limit
    ];
    for (const text of declined) expect(parseYamlFast(text), text).toBeUndefined();
  });

  it('resolves plain scalars with yaml 1.2 core rules, where js-yaml alone differs', () => {
    const fast = parseYamlFast('a: 0b101\nb: +.5\nc: -0x1F\nd: 0o17\ne: 1.5e400\nf: yes\ng: ~\nh: 1_000\n');
    expect(fast?.data).toStrictEqual({ a: '0b101', b: 0.5, c: '-0x1F', d: 15, e: Infinity, f: 'yes', g: null, h: '1_000' });
  });

  it('locates values, keys and empty values as yaml does', () => {
    const fast = parseYamlFast('# head\nname: Acme\nowner:\nteam:\n  - id: ana\n    roles: [a, b]\n')!;
    expect(fast.index.locate(['name'])).toEqual({ line: 2, column: 7 });
    expect(fast.index.locate(['owner'])).toEqual({ line: 3, column: 1 });
    expect(fast.index.locate(['team', 0, 'roles', 1])).toEqual({ line: 6, column: 16 });
    expect(fast.index.locate(['team', 0, 'id'], true)).toEqual({ line: 5, column: 5 });
  });

  it('agrees with yaml on generated documents in many styles', () => {
    fc.assert(fc.property(styledDocument, (text) => void expectAgreement(text)), RUNS);
  });

  it('agrees with yaml on mutated documents (broken indentation, stray indicators, comments)', () => {
    fc.assert(fc.property(mutatedDocument, (text) => void expectAgreement(text)), RUNS);
  });

  it('agrees with yaml on escapes, folding and chomping written by hand', () => {
    fc.assert(fc.property(handWritten, (text) => void expectAgreement(text)), RUNS);
  });

  it('answers for most generated documents (so the comparisons above compare something)', () => {
    const texts = fc.sample(styledDocument, { numRuns: 300, seed: 7 });
    expect(texts.filter((text) => parseYamlFast(text) !== undefined).length).toBeGreaterThan(200);
  });
});

const key = fc.oneof(
  fc.constantFrom('name', 'owner', 'ratings', 'revenue', 'team', 'actions', 'due', 'a', 'b', 'on', 'null', '1', 'true', 'x y', 'k:v', '#c', '- d', '"q"', "'s'", '', ' ', 'é'),
  fc.string({ maxLength: 8 }),
);
const scalar = fc.oneof(
  fc.constantFrom('', '~', 'null', 'Null', 'true', 'False', 'yes', '0', '-0', '+1', '007', '0o17', '0x1F', '0b11', '1e3', '.5', '+.5', '-.inf', '.NaN', '1_000', '2026-11-23', '12:30', 'a # b', 'a#b', 'line\nbreak', 'tab\there', ' lead', 'trail ', '@at', '`tick', '%p', '&a', '*b', '!c', '|', '>', '- x', '? y', 'k: v', '[x]', '{y}', "it's", 'say "hi"', 'ünï', '😀', '\u0085', '\u2028'),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('list')),
  map: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
  list: fc.array(tie('node'), { maxLength: 4 }),
})).node;
const docValue = fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 });

/** The same data written by `yaml` and by js-yaml with different layout choices. */
const styledDocument = fc
  .tuple(
    docValue,
    fc.record({
      indent: fc.integer({ min: 1, max: 4 }),
      indentSeq: fc.boolean(),
      flowLevel: fc.integer({ min: -1, max: 3 }),
      quote: fc.boolean(),
      width: fc.constantFrom(20, 80, 0),
      writer: fc.constantFrom('yaml', 'js-yaml'),
      crlf: fc.boolean(),
      comments: fc.boolean(),
    }),
  )
  .map(([data, o]) => {
    let text: string;
    if (o.writer === 'yaml') {
      text = stringify(data, { indent: o.indent + 1, indentSeq: o.indentSeq, defaultStringType: o.quote ? 'QUOTE_DOUBLE' : 'PLAIN', lineWidth: o.width, collectionStyle: o.flowLevel === 0 ? 'flow' : 'any' });
    } else {
      text = jsyaml.dump(data, { indent: o.indent + 1, flowLevel: o.flowLevel, forceQuotes: o.quote, lineWidth: o.width || -1, noArrayIndent: !o.indentSeq });
    }
    if (o.comments) text = text.replace(/\n/g, (m, at: number) => (at % 3 === 0 ? ' # note\n' : at % 5 === 0 ? '\n# line\n' : m));
    return o.crlf ? text.replace(/\n/g, '\r\n') : text;
  });

const indicator = fc.constantFrom(...':-[]{}&*!|>\'"#%@`?,\n \t\r'.split(''), '\n  ', ': ', '- ', ' #', '---\n', '...\n', '\\', '\u00a0', '\ufeff');

/** Documents with a few characters inserted, deleted or replaced. */
const mutatedDocument = fc
  .tuple(styledDocument, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), indicator, fc.constantFrom('insert', 'delete', 'replace')), { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) => {
    for (const [at, length, chars, op] of edits) {
      const i = text.length === 0 ? 0 : at % text.length;
      if (op === 'insert') text = text.slice(0, i) + chars + text.slice(i);
      else if (op === 'delete') text = text.slice(0, i) + text.slice(i + length + 1);
      else text = text.slice(0, i) + chars + text.slice(i + chars.length);
    }
    return text;
  });

/** Scalars in the forms people type: escapes in double quotes, '' in single quotes, block scalars. */
const handWritten = fc
  .tuple(
    fc.array(fc.constantFrom('a', ' ', 'é', '\\n', '\\t', '\\"', '\\\\', '\\/', '\\x41', '\\u00e9', '\\U0001F600', '\\N', '\\_', '\\L', '\\P', '\\0', '\\e', '\\ ', '\\q', '\n', '\n\n', '\\\n', "'"), { maxLength: 8 }),
    fc.array(fc.constantFrom('b', ' ', "''", '\n', '\n\n', '"', '#', ': '), { maxLength: 8 }),
    fc.array(fc.constantFrom('line', '', '  indented', '\ttab', '# not a comment'), { maxLength: 4 }),
    fc.constantFrom('|', '|-', '|+', '>', '>-', '>+', '|2', '>1-'),
    fc.constantFrom('', '\n', '\n\n'),
    fc.integer({ min: 1, max: 4 }),
  )
  .map(([dq, sq, lines, header, tail, indent]) => {
    const pad = ' '.repeat(indent);
    const block = lines.map((l) => (l === '' ? '' : pad + l)).join('\n');
    // Quotes appear only escaped (\" and ''), so each scalar stays one scalar.
    return `double: "${dq.join('')}"\nsingle: '${sq.join('')}'\nblock: ${header}\n${block}${tail}\nafter: x\n`;
  });
