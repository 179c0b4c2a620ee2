import { describe, expect, it } from 'vitest';
import { EXAMPLE, kam, kamJson } from '../helpers/kamInProcess.js';
import { makeRepo, snapshotTree, tmpDir } from '../helpers/tmpRepo.js';
import { stylishRows } from '../helpers/stylish.js';

const broken = {
  'accounts/syntax.yaml': 'name: Syntax Co\nratings: { fit: 3\nmanager: Dana\n',
  'accounts/dupe.yaml': 'name: Dupe Co\nmanager: Dana\nmanager: Omar\n',
  'accounts/unknown.yaml': 'name: Unknown Co\nmanger: Dana\n',
  'accounts/scale.yaml': 'name: Scale Co\nratings:\n  fit: 9\n',
  'accounts/mismatch.yaml': 'id: other\nname: Mismatch Co\n',
  'accounts/fine.yaml': 'name: Fine Co\nratings: { fit: 4 }\n',
};

describe('kam validate', () => {
  it('reports every kind of problem at its exact line, and exits 1 without a stack trace', async () => {
    const root = makeRepo(broken);
    const run = await kam(['validate'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = [...stylishRows(run.stdout), ...run.stdout.split('\n')];
    expect(lines).toContain('  accounts/syntax.yaml:3:1  error    Flow map in block collection must be sufficiently indented and end with a }: check the indentation and quoting on this line  yaml_syntax');
    expect(lines).toContain('  accounts/dupe.yaml:3:1  error    duplicate key "manager": remove one of the two entries or merge them  duplicate_key');
    expect(lines).toContain('  accounts/unknown.yaml:2:1  error    unknown key "manger"; did you mean "manager"?  schema');
    expect(lines).toContain('  accounts/scale.yaml:3:8  error    "ratings.fit" must be from 1 to 5, not 9  schema');
    expect(lines).toContain('  accounts/mismatch.yaml:1:5  error    id "other" does not match the file name "mismatch"; make them equal (or remove the id line)  id_mismatch');
    expect(run.stdout).not.toContain('fine.yaml');
    expect(lines).toContain('✖ 5 problems (5 errors, 0 warnings) in 6 accounts, 0 plans');
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });

  it('groups findings by file with the file as a heading', async () => {
    const root = makeRepo({ 'accounts/a.yaml': 'name: A\nmanger: X\nregoin: EU\n' });
    const run = await kam(['validate'], { cwd: root });
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      'accounts/a.yaml',
      '  2:1  error    unknown key "manger"; did you mean "manager"?  schema',
      '  3:1  error    unknown key "regoin"; did you mean "region"?  schema',
    ]);
  });

  it('prints the spec’s findings object with --format json', async () => {
    const root = makeRepo(broken);
    const { code, json } = await kamJson(['validate', '--format', 'json'], { cwd: root });
    expect(code).toBe(1);
    expect(json.summary).toEqual({ errors: 5, warnings: 0, accounts: 6, plans: 0 });
    expect(json.findings).toContainEqual({
      rule: 'schema', severity: 'error', account: 'unknown', file: 'accounts/unknown.yaml', line: 2, column: 1,
      message: 'unknown key "manger"; did you mean "manager"?', path: ['manger'],
    });
    expect(json.findings.map((f: { rule: string }) => f.rule).sort()).toEqual(['duplicate_key', 'id_mismatch', 'schema', 'schema', 'yaml_syntax']);
  });

  it('finds the repo from a subfolder, and takes it from -C / --repo', async () => {
    const root = makeRepo({ 'accounts/a.yaml': 'name: A\n' });
    expect((await kam(['validate'], { cwd: `${root}/accounts` })).code).toBe(0);
    expect((await kam(['validate', '-C', root], { cwd: tmpDir() })).stdout).toContain('✔ no problems (1 account, 0 plans)');
    expect((await kam(['validate', '--repo', root], { cwd: tmpDir() })).code).toBe(0);
  });

  it('prints paths a terminal can open from the working folder', async () => {
    const root = makeRepo({ 'accounts/a.yaml': 'name: A\nmanger: X\n' });
    const parent = root.slice(0, root.lastIndexOf('/'));
    const name = root.slice(root.lastIndexOf('/') + 1);
    const run = await kam(['validate', '-C', name], { cwd: parent });
    expect(run.stdout).toContain(`${name}/accounts/a.yaml\n  2:1  error`);
    const json = (await kamJson(['validate', '-C', name, '-f', 'json'], { cwd: parent })).json;
    expect(json.findings[0].file).toBe('accounts/a.yaml');
  });

  it('exits 2 with a located report when kam.yaml is invalid', async () => {
    const root = makeRepo({ 'kam.yaml': 'version: 2\ncurency: EUR\n', 'accounts/a.yaml': 'name: A\n' });
    const run = await kam(['validate'], { cwd: root });
    expect(run.code).toBe(2);
    expect(stylishRows(run.stderr).join('\n')).toContain('kam.yaml:1:10  error    "version" must be 1');
    expect(stylishRows(run.stderr).join('\n')).toContain('kam.yaml:2:1  error    unknown key "curency"; did you mean "currency"?');
    expect(run.stderr).toContain('kam: kam.yaml is invalid; fix the problems above first');
    const json = await kamJson(['validate', '-f', 'json'], { cwd: root });
    expect(json.code).toBe(2);
    expect(json.json.findings.map((f: { line: number }) => f.line)).toEqual([1, 2]);
  });

  it('exits 2 with a hint when there is no plan repo', async () => {
    const dir = tmpDir();
    const run = await kam(['validate'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kam: no kam\.yaml found in .* run "kam init"/);
    const missing = await kam(['validate', '-C', 'nowhere'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('kam: nowhere: no such folder\n');
  });

  it('exits 2 for usage errors', async () => {
    const run = await kam(['validate', '--format', 'xml'], { cwd: EXAMPLE });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are stylish, json.");
    expect((await kam(['valdate'], { cwd: EXAMPLE })).stderr).toContain('(Did you mean validate?)');
  });

  it('accepts the bundled example and changes nothing', async () => {
    const before = snapshotTree(EXAMPLE);
    const run = await kam(['validate', '-C', EXAMPLE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ no problems (15 accounts, 7 plans)\n');
    expect(snapshotTree(EXAMPLE)).toEqual(before);
  });

  it('applies the severities of kam.yaml rules', async () => {
    const root = makeRepo({ 'kam.yaml': 'version: 1\nrules:\n  schema: warning\n', 'accounts/a.yaml': 'name: A\nmanger: X\n' });
    const run = await kamJson(['validate', '-f', 'json'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.json.summary).toEqual({ errors: 0, warnings: 1, accounts: 1, plans: 0 });
  });

  it('colours output only when asked or on a terminal', async () => {
    const root = makeRepo({ 'accounts/a.yaml': 'name: A\nmanger: X\n' });
    expect((await kam(['validate'], { cwd: root })).stdout).not.toContain('\u001b[');
    expect((await kam(['validate', '--color'], { cwd: root, env: { NO_COLOR: undefined } })).stdout).toContain('\u001b[');
    expect((await kam(['validate'], { cwd: root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).toContain('\u001b[31m');
    expect((await kam(['validate', '--no-color'], { cwd: root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });
});
