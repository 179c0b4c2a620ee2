import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, gitInit } from '../helpers/gitRepo.js';
import { kam, kamJson } from '../helpers/kamInProcess.js';
import { makeRepo } from '../helpers/tmpRepo.js';

// Every command names accounts the same way: id, account or plan file path, or the account's name.
const RATED = 'ratings: { current_revenue: 4, growth_potential: 4, renewal_likelihood: 4, fit: 4 }\n';
const repo = () => {
  const dir = makeRepo({
    'accounts/creme-brulee.yaml': `name: Crème Brûlée AG\nmanager: Dana Whitfield\n${RATED}`,
    'accounts/acme.yaml': `name: Acme Corp\nmanager: Lee Park\n${RATED}`,
    'plans/creme-brulee.yaml': 'account: creme-brulee\nlast_reviewed: 2026-11-01\n',
  });
  gitInit(dir);
  commitAll(dir, 'Add accounts', '2026-11-01');
  return dir;
};

const NO_SUCH = 'kam: no account "acne"; did you mean "acme"? (name an account by its id, its file or its name; "kam score" lists them)\n';

describe('naming an account', () => {
  const dir = repo();
  const refs = ['creme-brulee', 'accounts/creme-brulee.yaml', 'plans/creme-brulee.yaml', 'Crème Brûlée AG', 'crème  brûlée ag'];

  it.each(refs)('score --explain, render, history and check take %j', async (ref) => {
    expect((await kamJson(['score', '-C', dir, '--explain', ref, '-f', 'json'])).json.account.id).toBe('creme-brulee');
    const render = await kam(['render', '-C', dir, ref, '--today', '2026-11-23']);
    expect(render.code, render.stderr).toBe(0);
    expect(render.stdout).toContain('# Crème Brûlée AG: account plan');
    expect((await kamJson(['history', '-C', dir, ref, '-f', 'json'])).json.account).toBe('creme-brulee');
    // check: a path is that one file; an id or a name is the account's files.
    const check = await kamJson(['check', '-C', dir, ref, '-f', 'json', '--today', '2026-11-23']);
    const isPath = ref.endsWith('.yaml');
    expect(check.json.summary.accounts + check.json.summary.plans).toBe(isPath ? 1 : 2);
  });

  it('paths work from a subfolder too', async () => {
    expect((await kamJson(['score', '--explain', '../accounts/acme.yaml', '-f', 'json'], { cwd: join(dir, 'plans') })).json.account.id).toBe('acme');
  });

  it.each([
    ['score', '--explain', 'acne'],
    ['render', 'acne'],
    ['history', 'acne'],
    ['check', 'acne'],
  ])('%s has one wording for no such account, with a did-you-mean', async (...args) => {
    const run = await kam([...args, '-C', dir]);
    expect(run.code).toBe(2);
    if (args[0] === 'history') expect(run.stderr).toMatch(/^kam: no account "acne".*did you mean "acme"\?/);
    else expect(run.stderr).toBe(NO_SUCH);
  });

  it('new plan takes a name, and says how to create a missing account', async () => {
    const d = repo();
    const made = await kam(['new', 'plan', 'Acme Corp', '-C', d]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('created plans/acme.yaml');
    const missing = await kam(['new', 'plan', 'acne', '-C', d]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`${NO_SUCH.trimEnd()}; create it first with: kam new account "Account Name" --id acne\n`);
  });
});

describe('kam new plan --update', () => {
  it('adds the checklist keys a plan lacks and keeps every answer byte for byte', async () => {
    const dir = repo();
    const checklist = (extra: string) =>
      `version: 1\nchecklist:\n  categories:\n    - id: needs\n      title: Needs\n      questions:\n        - { id: needs.budget_cycle, text: When does their budget cycle open? }\n${extra}`;
    writeFileSync(join(dir, 'kam.yaml'), checklist(''));
    expect((await kam(['new', 'plan', 'acme', '-C', dir])).code).toBe(0);
    const file = join(dir, 'plans/acme.yaml');
    // The team answers a question, in its own style.
    const answered = readFileSync(file, 'utf8').replace(/^ {2}needs\.budget_cycle:$/m, "  needs.budget_cycle: 'March, per Lee'   # verified");
    writeFileSync(file, answered);
    // A new question joins the checklist.
    writeFileSync(join(dir, 'kam.yaml'), checklist('        - { id: needs.renewal, text: When is the renewal decided? }\n'));
    const forced = await kam(['new', 'plan', 'acme', '--update', '--force', '-C', dir]);
    expect(forced.code).toBe(2);
    const run = await kam(['new', 'plan', 'acme', '--update', '-C', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('updated plans/acme.yaml: added 1 checklist question (needs.renewal)');
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(answered.slice(0, answered.indexOf('\nobjectives:')))).toBe(true);
    expect(after).toContain("  needs.budget_cycle: 'March, per Lee'   # verified\n");
    expect(after).toContain('  # When is the renewal decided?\n  needs.renewal:\n');
    expect((await kam(['validate', '-C', dir])).code).toBe(0);
    const again = await kam(['new', 'plan', 'acme', '--update', '-C', dir]);
    expect(again.stdout).toContain('nothing to add');
    expect(readFileSync(file, 'utf8')).toBe(after);
  });
});
