import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { EXAMPLE, kam } from '../helpers/kamInProcess.js';
import { copyRepo, tmpDir } from '../helpers/tmpRepo.js';
import { runHostile, runHostileProcess } from './harness.js';

const ID = 'banco-austral';
const TODAY = ['--today', '2026-11-23'];

function withTemplate(name: string, text: string): string {
  const root = copyRepo(EXAMPLE);
  mkdirSync(dirname(join(root, 'templates', name)), { recursive: true });
  writeFileSync(join(root, 'templates', name), text);
  return root;
}

describe('user templates stay in handlebars’ sandbox', () => {
  it('prototype lookups render as nothing: constructor, __proto__, lookup', async () => {
    const root = withTemplate('probe.html.hbs', [
      '<!doctype html><html><body>',
      'A[{{constructor.constructor}}]',
      'B[{{#with this.__proto__}}{{polluted}}X{{/with}}]',
      'C[{{lookup this "constructor"}}]',
      'D[{{#with (lookup this "constructor")}}{{name}}{{/with}}]',
      'E[{{constructor.name}}][{{account.constructor}}][{{account.__proto__}}]',
      '</body></html>',
    ].join('\n'));
    const run = await runHostile(root, ['render', ID, '-t', 'probe', '-f', 'html', ...TODAY], 0);
    for (const probe of ['A[]', 'B[]', 'C[]', 'D[]', 'E[][][]']) expect(run.stdout).toContain(probe);
    expect(run.stderr).toBe('');
  });

  it('the classic constructor escape does not run: one-line error, exit 2, no file written', async () => {
    const root = withTemplate('escape.html.hbs', `<!doctype html><html><body>
{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}
{{this.push (lookup string.sub "constructor")}}{{this.pop}}
{{#with string.split as |codelist|}}{{this.pop}}
{{this.push "return require('fs').writeFileSync('pwned', 'x'), globalThis.process.exit(99);"}}{{this.pop}}
{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}
{{/with}}{{/with}}{{/with}}{{/with}}
</body></html>`);
    // A separate process: the payload calls process.exit(99). runHostileProcess proves no file appeared (pwned) and nothing changed; exit 2, not 99.
    const run = runHostileProcess(root, ['render', ID, '-t', 'escape', '-f', 'html', ...TODAY], 2);
    expect(run.stderr).toBe('kam: templates/escape.html.hbs: the template reads "split", which is not data of the plan: templates cannot reach JavaScript prototypes or methods; remove it\n');
    expect(run.stdout).toBe('');
  });

  it('a template calling methods on data is refused the same way', async () => {
    const root = withTemplate('method.md.hbs', '{{account.name.toUpperCase}}\n');
    const run = await runHostile(root, ['render', ID, '-t', 'method', ...TODAY], 2);
    expect(run.stderr).toBe('kam: templates/method.md.hbs: the template reads "toUpperCase", which is not data of the plan: templates cannot reach JavaScript prototypes or methods; remove it\n');
  });

  it('a partial that includes itself fails with exit 2, not a stack overflow trace', async () => {
    const root = withTemplate('partials/header.md.hbs', 'again {{> header}}\n');
    const run = await runHostile(root, ['render', ID, ...TODAY], 2);
    expect(run.stderr).toMatch(/^kam: .*templates\/plan\.md\.hbs: rendering stopped: the template nests too deep/);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('a template linked from outside the repo is not read', async () => {
    const outside = tmpDir();
    writeFileSync(join(outside, 'secret.md.hbs'), 'SECRET {{account.name}}\n');
    const root = copyRepo(EXAMPLE);
    mkdirSync(join(root, 'templates'));
    symlinkSync(join(outside, 'secret.md.hbs'), join(root, 'templates/plan.md.hbs'));
    const run = await runHostile(root, ['render', ID, ...TODAY], 2);
    expect(run.stderr).toMatch(/^kam: templates\/plan\.md\.hbs: the template is a symbolic link that points outside the repo \(to .+secret\.md\.hbs\); kam does not follow links out of the repo: copy it into templates\/\n$/);
    expect(run.stdout).not.toContain('SECRET');
  });

  // A separate process: reading a FIFO would block this one past any timeout.
  it('a FIFO, a folder or a Latin-1 file named like a template is an error, not a hang', () => {
    const root = copyRepo(EXAMPLE);
    mkdirSync(join(root, 'templates'));
    execFileSync('mkfifo', [join(root, 'templates/plan.md.hbs')]);
    expect((runHostileProcess(root, ['render', ID, ...TODAY], 2)).stderr).toBe('kam: templates/plan.md.hbs: this is not a regular file (a FIFO, socket or device); kam does not read it: remove it\n');
    mkdirSync(join(root, 'templates/plan.html.hbs'));
    expect((runHostileProcess(root, ['render', ID, '-f', 'html', ...TODAY], 2)).stderr).toContain('kam: templates/plan.html.hbs: the name ends in .hbs but this is a folder, not a file; rename it');
    writeFileSync(join(root, 'templates/portfolio.html.hbs'), Buffer.from('<p>Cr\xe8me</p>', 'latin1'));
    rmSync(join(root, 'templates/plan.html.hbs'), { recursive: true });
    expect((runHostileProcess(root, ['render', '--portfolio', '-f', 'html', ...TODAY], 2)).stderr).toBe('kam: templates/portfolio.html.hbs: the file is not valid UTF-8 text; save it as UTF-8\n');
  });
});

/** Every free-text string of a plan and its account replaced by markup that must never run. */
const PAYLOAD = '<img src=x onerror=alert(1)>"\'&{{7*7}}`';
const ENUM_KEYS = new Set(['account', 'stage', 'last_reviewed', 'role', 'influence', 'stance', 'status', 'due', 'close', 'likelihood', 'impact', 'roles', '$schema', 'id', 'period', 'reports_to', 'last_contact', 'objective', 'start', 'end', 'renewal', 'as_of', 'center', 'offering', 'side']);
function inject(value: unknown, key = ''): unknown {
  if (ENUM_KEYS.has(key)) return value;
  if (typeof value === 'string') return `${PAYLOAD}${key}`;
  if (Array.isArray(value)) return value.map((v) => inject(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inject(v, k)]));
  return value;
}

async function hostileRepo(): Promise<string> {
  const root = copyRepo(EXAMPLE);
  for (const file of [`plans/${ID}.yaml`, `accounts/${ID}.yaml`]) {
    const path = join(root, file);
    const data = inject(parse(readFileSync(path, 'utf8'))) as Record<string, unknown>;
    writeFileSync(path, stringify(data));
  }
  expect((await kam(['validate'], { cwd: root })).code).toBe(0);
  return root;
}

describe('user text is data, escaped everywhere', () => {
  let root: string;
  beforeAll(async () => {
    root = await hostileRepo();
  });

  it('HTML: no user string comes out as markup; {{ in a value is printed literally', async () => {
    const run = await runHostile(root, ['render', ID, '-f', 'html', ...TODAY], 0);
    expect(run.stdout).not.toContain('<img');
    expect(run.stdout).not.toContain('onerror=alert');
    const escaped = '&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;&quot;&#x27;&amp;{{7*7}}&#x60;';
    // Many fields carry the payload: names, titles, answers, actions, risks, KPIs, notes...
    expect(run.stdout.split(escaped).length - 1).toBeGreaterThan(40);
    expect(run.stdout).not.toMatch(/>49</);
  });

  it('Markdown: user strings cannot open HTML either', async () => {
    const run = await runHostile(root, ['render', ID, ...TODAY], 0);
    expect(run.stdout).not.toContain('<img');
    expect(run.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(run.stdout).toContain('{{7\\*7}}');
  });

  it('the portfolio overview escapes them too', async () => {
    const run = await runHostile(root, ['render', '--portfolio', '-f', 'html', ...TODAY], 0);
    expect(run.stdout).not.toContain('<img');
    expect(run.stdout).toContain('&lt;img src&#x3D;x');
  });
});
