// What an adversarial review broke (issue 14), one test per finding: each failed before its fix.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KAM_BIN, runKam } from '../helpers/kam.js';
import { EXAMPLE, kam } from '../helpers/kamInProcess.js';
import { commitAll, gitInit } from '../helpers/gitRepo.js';
import { copyRepo, snapshotTree, tmpDir } from '../helpers/tmpRepo.js';
import { expectNoStackTrace, runHostile, runHostileProcess } from './harness.js';

describe('kam check -o never replaces a repo file, however its path is spelled', () => {
  const spellings: [string, (root: string) => string][] = [
    ['here/../kam.yaml', () => 'accounts/../kam.yaml'],
    ['/proc/self/cwd/kam.yaml', () => '/proc/self/cwd/kam.yaml'],
    ['a link to the repo', (root) => {
      const elsewhere = tmpDir();
      symlinkSync(root, join(elsewhere, 'repo'));
      return join(elsewhere, 'repo', 'plans', readdirSync(join(root, 'plans'))[0]!);
    }],
    ['a link to the file', (root) => {
      const elsewhere = tmpDir();
      symlinkSync(join(root, 'kam.yaml'), join(elsewhere, 'report.txt'));
      return join(elsewhere, 'report.txt');
    }],
  ];
  it.each(spellings)('%s: exit 2, nothing written', async (_, spell) => {
    const root = copyRepo(EXAMPLE);
    const target = spell(root);
    // /proc/self/cwd is the working folder of the process that resolves it: kam's own, so a process of its own.
    const run = target.startsWith('/proc/self/cwd') ? runHostileProcess(root, ['check', '-o', target], 2) : await runHostile(root, ['check', '-o', target], 2);
    expect(run.stderr).toMatch(/is one of the plan repo's own files; kam check will not write a report over it/);
  });

  it("an empty -o is a usage error that says so", async () => {
    const root = copyRepo(EXAMPLE);
    const run = await runHostile(root, ['check', '-o', ''], 2);
    expect(run.stderr).toBe('kam: -o/--output needs a file name (it was empty); e.g. -o report.sarif, or leave it out to print to standard output\n');
    for (const args of [['render', '--all', '--out', ''], ['schema', '--out', '']]) {
      const other = await runHostile(root, args, 2);
      expect(other.stderr).toContain('--out needs a folder name (it was empty)');
    }
  });
});

describe('kam import writes only inside the repo', () => {
  it('refuses an accounts/ folder that links out of the repo (exit 2), like kam new', async () => {
    const root = copyRepo(EXAMPLE);
    const outside = tmpDir();
    for (const f of readdirSync(join(root, 'accounts'))) writeFileSync(join(outside, f), readFileSync(join(root, 'accounts', f)));
    rmSync(join(root, 'accounts'), { recursive: true });
    symlinkSync(outside, join(root, 'accounts'));
    writeFileSync(join(root, 'crm.csv'), 'name,industry\nZephyr Mining,Mining\n');
    const before = snapshotTree(outside);
    const run = await runHostile(root, ['import', 'crm.csv'], 2);
    expect(run.stderr).toBe('kam: accounts leads out of the repo (a symbolic link to elsewhere); kam writes only inside the repo: make it a real folder\n');
    expect(snapshotTree(outside)).toEqual(before);
  });
});

describe('write errors are I/O problems: exit 2 with the path and the reason, never "internal error"', () => {
  const long = 'x'.repeat(300);
  const cases: [string, (root: string) => string[], RegExp][] = [
    ['render --out onto a file (EEXIST)', (root) => (writeFileSync(join(root, 'afile'), 'x'), ['render', '--all', '--out', 'afile']), /^kam: cannot write afile: something is already there .*\(EEXIST\)/],
    ['schema --out through a file (ENOTDIR)', (root) => (writeFileSync(join(root, 'afile'), 'x'), ['schema', '--out', 'afile/sub']), /^kam: cannot write afile\/sub: a part of the path is a file, not a folder \(ENOTDIR\)/],
    ['render --out with a name too long (ENAMETOOLONG)', () => ['render', '--all', '--out', long], /^kam: cannot write x+: the name is too long \(ENAMETOOLONG\)/],
    ['new account with a name too long (ENAMETOOLONG)', () => ['new', 'account', long], /^kam: cannot write accounts\/x+\.yaml: the name is too long \(ENAMETOOLONG\)/],
  ];
  it.each(cases)('%s', async (_, setup, message) => {
    const root = copyRepo(EXAMPLE);
    const args = setup(root);
    const run = await kam(args, { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain('internal error');
    expectNoStackTrace(run);
  });

  it('stdout on a full disk (/dev/full) is exit 2', async () => {
    const root = copyRepo(EXAMPLE);
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${KAM_BIN}" schema config > /dev/full`], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('kam: cannot write to standard output (ENOSPC: no space left on device); free some space or redirect the output elsewhere\n');
  });

  it('kam init that fails half-way removes what it made: no half-made repo', async () => {
    const parent = tmpDir();
    const root = join(parent, 'plans-repo');
    mkdirSync(root);
    writeFileSync(join(root, 'schema'), 'a file where init wants its schema/ folder');
    const run = await kam(['init', root, '--yes', '--no-git'], { cwd: parent });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kam: cannot write plans-repo\/schema.*(EEXIST|ENOTDIR)/);
    expect(Object.keys(snapshotTree(root))).toEqual(['schema']);

    const fresh = join(parent, 'new', 'repo');
    writeFileSync(join(parent, 'new'), 'a file where a folder should be');
    const nested = await kam(['init', fresh, '--yes', '--no-git'], { cwd: parent });
    expect(nested.code).toBe(2);
    expect(nested.stderr).toMatch(/^kam: cannot write .*a part of the path is a file, not a folder \(ENOTDIR\)/);
    expect(readFileSync(join(parent, 'new'), 'utf8')).toBe('a file where a folder should be');
  });
});

describe('templates are bounded: arguments, work, output, no writes to kam’s output', () => {
  function withPlanTemplate(text: string, partials: Record<string, string> = {}): string {
    const root = copyRepo(EXAMPLE);
    mkdirSync(join(root, 'templates', 'partials'), { recursive: true });
    writeFileSync(join(root, 'templates', 'plan.md.hbs'), text);
    for (const [name, body] of Object.entries(partials)) writeFileSync(join(root, 'templates', 'partials', `${name}.md.hbs`), body);
    return root;
  }
  const ID = 'banco-austral';
  const eachRoot = (n: number) => '{{#each @root}}'.repeat(n) + 'x' + '{{/each}}'.repeat(n);

  it.each([
    ['{{bar 100 200000000}}', /rendering failed: \{\{bar\}\}: the width must be a whole number from 0 to 200, not 200000000/],
    ['{{num 1 500}}', /\{\{num\}\}: the number of decimals must be a whole number from 0 to 10, not 500/],
    [eachRoot(10), /rendering stopped: the template ran more than 2,000,000 block bodies/],
    ['{{lookup}}', /plan\.md\.hbs:1: template error: \{\{lookup\}\} takes two arguments/],
    ['\n{{#blockHelperMissing}}x{{/blockHelperMissing}}', /plan\.md\.hbs:2: template error: "blockHelperMissing" is handlebars' own machinery/],
  ])('%s: exit 2 with a clear message', async (text, message) => {
    const root = withPlanTemplate(text);
    const run = await runHostile(root, ['render', ID], 2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain('Cannot read properties');
    expect(run.stdout).toBe('');
  });

  it('a partial that includes itself stops with exit 2', async () => {
    const root = withPlanTemplate('{{> self}}', { self: '{{> self}}' });
    expect((await runHostile(root, ['render', ID], 2)).stderr).toMatch(/rendering stopped: the template nests too deep/);
  });

  it('{{log}} does not write to kam’s output', async () => {
    const root = withPlanTemplate('{{log "LOGGED" level="error"}}{{log "LOGGED"}}body');
    const run = await kam(['render', ID], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('LOGGED');
    expect(run.stderr).not.toContain('LOGGED');
    expect(run.stdout).toContain('body');
  });
});

describe('no terminal control from a repo: C0/C1 characters are shown escaped in human formats', () => {
  const ESC = '\x1b';
  const hostileRepo = () => {
    const root = copyRepo(EXAMPLE);
    const account = readdirSync(join(root, 'accounts'))[0]!;
    const file = join(root, 'accounts', account);
    const text = readFileSync(file, 'utf8')
      .replace(/^name: .*$/m, `name: "Evil${ESC}]0;title${ESC}\\\\ Corp"`)
      .replace(/^manager: .*$/m, `manager: "Mal${ESC}[2Jlo\\rry"`);
    writeFileSync(file, `${text}"bad${ESC}[H\\rkey": 1\n`);
    writeFileSync(join(root, 'accounts', `x${ESC}[31m.yaml`), 'name: [\n');
    return root;
  };
  const noControl = (text: string) => {
    // Colour is off (NO_COLOR), so no ESC at all may reach the terminal; nor a bare CR.
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\r');
    expect(text).not.toContain('\u009b');
  };

  it('validate and check (stylish)', async () => {
    const root = hostileRepo();
    for (const cmd of ['validate', 'check']) {
      const run = await kam([cmd], { cwd: root });
      expect(run.code).toBe(1);
      noControl(run.stdout);
      noControl(run.stderr);
      expect(run.stdout).toContain('\\x1b[H\\rkey');
      expect(run.stdout).toContain('accounts/x\\x1b[31m.yaml');
    }
  });

  it('score table and --explain', async () => {
    const root = hostileRepo();
    // The bad key makes the account invalid: drop it so the account is scored with its hostile texts.
    for (const f of readdirSync(join(root, 'accounts'))) {
      const p = join(root, 'accounts', f);
      if (f.startsWith('x')) rmSync(p);
      else writeFileSync(p, readFileSync(p, 'utf8').replace(/^"bad.*\n/m, ''));
    }
    const table = await kam(['score'], { cwd: root });
    noControl(table.stdout);
    expect(table.stdout).toContain('Mal\\x1b[2Jlo\\rry');
    const id = readdirSync(join(root, 'accounts'))[0]!.replace(/\.yaml$/, '');
    const explain = await kam(['score', '--explain', id], { cwd: root });
    expect(explain.code).toBe(0);
    noControl(explain.stdout);
    expect(explain.stdout).toContain('Evil\\x1b]0;title\\x1b\\ Corp');
  });
});

describe('git: kam history reads no blob over the size limit; kam diff names ranges', () => {
  it('a huge historical account file is reported for its commit, not read, and later commits are scored', async () => {
    const root = copyRepo(EXAMPLE);
    gitInit(root);
    commitAll(root, 'start', '2026-01-05');
    const id = 'banco-austral';
    const file = join(root, 'accounts', `${id}.yaml`);
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, `${good}notes: "${'x'.repeat(3 * 1024 * 1024)}"\n`);
    commitAll(root, 'huge notes', '2026-02-05');
    writeFileSync(file, good);
    commitAll(root, 'back to normal', '2026-03-05');
    const run = await kam(['history', id, '--format', 'json'], { cwd: root });
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout).history as { subject: string; score: number | null }[];
    expect(rows.map((r) => r.subject)).toEqual(['start', 'huge notes', 'back to normal']);
    expect(rows[1]!.score).toBeNull();
    expect(rows[0]!.score).not.toBeNull();
    expect(rows[2]!.score).toBe(rows[0]!.score);
  });

  it('kam diff A..B says it takes two revisions', async () => {
    const root = copyRepo(EXAMPLE);
    gitInit(root);
    commitAll(root, 'one', '2026-01-05');
    writeFileSync(join(root, 'kam.yaml'), `${readFileSync(join(root, 'kam.yaml'), 'utf8')}\n`);
    commitAll(root, 'two', '2026-01-06');
    const run = await runHostile(root, ['diff', 'HEAD~1..HEAD'], 2);
    expect(run.stderr).toBe('kam: "HEAD~1..HEAD" is a range, but kam diff takes two revisions separated by a space: kam diff HEAD~1 HEAD\n');
    expect((await runHostile(root, ['diff', 'main...HEAD'], 2)).stderr).toContain('kam diff main HEAD (for the changes since the branches parted');
  });
});

describe('--today must be a day of the calendar', () => {
  it.each([
    ['2026-02-30', '"2026-02-30" is not a day of the calendar (February 2026 has 28 days)'],
    ['2028-02-30', '"2028-02-30" is not a day of the calendar (February 2028 has 29 days)'],
    ['2026-13-01', '"2026-13-01" is not a day of the calendar (months are 01-12)'],
    ['2026-04-31', '"2026-04-31" is not a day of the calendar (April 2026 has 30 days)'],
  ])('%s', async (date, message) => {
    const root = copyRepo(EXAMPLE);
    const run = await runHostile(root, ['check', '--today', date], 2);
    expect(run.stderr).toContain(message);
  });

  it('accepts a leap day', async () => {
    const root = copyRepo(EXAMPLE);
    expect((await kam(['check', '--today', '2028-02-29', '--format', 'json'], { cwd: root })).code).not.toBe(2);
  });
});
