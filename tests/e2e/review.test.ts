import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, gitInit } from '../helpers/gitRepo.js';
import { EXAMPLE, kam, kamJson } from '../helpers/kamInProcess.js';
import { stylishRows } from '../helpers/stylish.js';
import { copyRepo, makeRepo, tmpDir } from '../helpers/tmpRepo.js';
import { account, plan, write } from './git.fixture.js';

const TODAY = ['--today', '2026-11-23'];
const exampleJson = (await kamJson(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json'])).json;

/** The example repo in a fresh git repo with one commit. */
function exampleInGit(): string {
  const dir = copyRepo(EXAMPLE);
  gitInit(dir);
  commitAll(dir, 'plans as they were', '2026-11-01');
  return dir;
}

/** Adds an action without an owner (an error) and two lines at the top (every line shifts). */
function addErrorAndShift(dir: string): void {
  const file = join(dir, 'plans/vantor-pharma.yaml');
  const text = readFileSync(file, 'utf8');
  const changed = text.replace('    shared: true\n\nrisks:', '    shared: true\n  - title: Book the steering committee\n    due: 2027-02-01\n    status: open\n\nrisks:');
  expect(changed).not.toBe(text);
  writeFileSync(file, `# reviewed with Sofia\n# and again\n${changed}`);
}

describe('kam check in the terminal (stylish)', () => {
  it("groups each plan's checklist reminders into one row while JSON keeps every finding", async () => {
    const run = await kam(['check', ...TODAY, '--max-findings', 'all'], { cwd: EXAMPLE });
    const rows = stylishRows(run.stdout);
    const questionRows = rows.filter((l) => l.endsWith('  unanswered_question'));
    const plansWithQuestions = new Set(exampleJson.findings.filter((f: any) => f.rule === 'unanswered_question').map((f: any) => f.file));
    expect(questionRows).toHaveLength(plansWithQuestions.size);
    expect(exampleJson.findings.filter((f: any) => f.rule === 'unanswered_question')).toHaveLength(83);
    expect(run.stdout).toContain('plans/coralsea-telecom.yaml\n');
    expect(questionRows).toContain('  plans/coralsea-telecom.yaml:32:3  warning  23 questions open: our_team (4), their_team (5), needs (6), …  unanswered_question');
    // Several missing roles of one plan are one row too (the example's profiles ask little of
    // coralsea-telecom's tier, so drop them to ask for every role).
    const everyRole = copyRepo(EXAMPLE);
    const cfgFile = join(everyRole, 'kam.yaml');
    writeFileSync(cfgFile, readFileSync(cfgFile, 'utf8').replace(/^profiles:[\s\S]*?(?=^\S)/m, ''));
    const roleRows = stylishRows((await kam(['check', ...TODAY, '--max-findings', 'all'], { cwd: everyRole })).stdout);
    expect(roleRows).toContain('  plans/coralsea-telecom.yaml:7:1  warning  4 roles missing on the account team: collaborator, project_manager, …  missing_role');
    // --verbose, or the annotations, list them all.
    expect((await kam(['check', ...TODAY, '-f', 'github', 'plans/coralsea-telecom.yaml'], { cwd: everyRole })).stdout).toContain('::4 roles missing on the account team: collaborator, project_manager, innovator, results_driver\n');
    // Errors first: the files with errors lead, and in a file the error comes before its warnings.
    expect(rows[0]).toContain('  error  ');
    expect(rows[1]).toContain('  error  ');
    expect(rows.slice(2).every((l) => !l.includes('  error  '))).toBe(true);
    // A per-rule tally, and the summary still counts every finding.
    expect(run.stdout).toMatch(/Findings by rule\n {2}action_without_owner +1 error\n {2}missing_plan +1 error\n {2}unanswered_question +83 warnings\n/);
    expect(run.stdout).toContain('✖ 102 problems (2 errors, 100 warnings) in 15 accounts, 7 plans');
    // Rows fit 100 columns where the message allows: a group's list is cut with "…".
    for (const row of run.stdout.split('\n').filter((l) => / open: | missing on /.test(l))) expect(row.length).toBeLessThanOrEqual(100);
  });

  it('--verbose lists each finding; --quiet lists errors only', async () => {
    const verbose = await kam(['check', '-C', EXAMPLE, ...TODAY, '--verbose', '--max-findings', 'all']);
    expect(stylishRows(verbose.stdout)).toHaveLength(102);
    const quiet = await kam(['check', '-C', EXAMPLE, ...TODAY, '--quiet']);
    expect(stylishRows(quiet.stdout)).toHaveLength(2);
    expect(quiet.stdout).toContain('100 warnings not listed (--quiet)');
    expect(quiet.code).toBe(1);
  });

  it('a plan whose account does not exist shows its one error, not its reminders', async () => {
    const root = makeRepo({ 'plans/ghost.yaml': plan('ghost', {}) });
    const run = await kam(['check', ...TODAY], { cwd: root });
    const rows = stylishRows(run.stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^ {2}plans\/ghost.yaml:\d+:\d+ {2}error {4}.*unknown_account$/);
    expect(run.stdout).toMatch(/ {2}\d+ more findings? held back until the account exists \(--verbose lists them\)/);
    const json = (await kamJson(['check', '-C', root, ...TODAY, '-f', 'json'])).json;
    expect(json.findings.length).toBeGreaterThan(1);
  });

  it("--manager and --tier give one manager's or one tier's to-do list", async () => {
    const dana = (await kamJson(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json', '--manager', 'dana   WHITFIELD'])).json;
    const danas = ['halvorsen-industrial', 'kestrel-retail', 'meridian-freight', 'ridgeline-power', 'tasman-mutual'];
    expect(new Set(dana.findings.map((f: any) => f.account))).toEqual(new Set(danas.filter((a) => exampleJson.findings.some((f: any) => f.account === a))));
    expect(dana.findings).toContainEqual(expect.objectContaining({ rule: 'manager_over_capacity', manager: 'Dana Whitfield' }));
    expect(dana.summary.accounts).toBe(5);
    const tier1 = (await kamJson(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json', '--tier', 'Tier 1'])).json;
    expect(tier1.summary).toMatchObject({ errors: 0, accounts: 3 });
    expect(tier1.findings.every((f: any) => f.account !== null)).toBe(true);
    const unknown = await kam(['check', '-C', EXAMPLE, '--tier', 'Gold']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('kam: --tier "Gold" is not a tier; tiers are "Tier 1", "Tier 2", "Tier 3", "Not key", "needs rating"\n');
    expect((await kam(['check', '-C', EXAMPLE, '--manager', 'Dana Whitfeld'])).stderr).toContain('did you mean "Dana Whitfield"?');
  });
});

describe('kam render --all --manager/--tier', () => {
  it("renders one manager's or one tier's plans", async () => {
    const out = tmpDir();
    const run = await kam(['render', '--all', '--manager', 'DANA whitfield', '-f', 'md', '--out', out, ...TODAY], { cwd: EXAMPLE });
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['halvorsen-industrial.md', 'kestrel-retail.md', 'meridian-freight.md']);
    const tierOut = tmpDir();
    expect((await kam(['render', '--all', '--tier', 'tier 1', '-f', 'md', '--out', tierOut, ...TODAY], { cwd: EXAMPLE })).code).toBe(0);
    expect(readdirSync(tierOut).length).toBeGreaterThan(0);
    expect(readdirSync(tierOut).length).toBeLessThan(7);
    const bad = await kam(['render', '--all', '--tier', 'Tier 9', '--out', tmpDir()], { cwd: EXAMPLE });
    expect(bad).toMatchObject({ code: 2, stderr: 'kam: --tier "Tier 9" is not a tier; did you mean "Tier 1"?\n' });
  });
});

describe('kam check --since <rev>', () => {
  it('after a commit that adds an error and shifts every line, reports exactly the new finding', async () => {
    const dir = exampleInGit();
    addErrorAndShift(dir);
    commitAll(dir, 'a new action', '2026-11-20');
    const run = await kamJson(['check', '-C', dir, ...TODAY, '-f', 'json', '--since', 'HEAD~1']);
    expect(run.json.findings).toEqual([
      expect.objectContaining({ rule: 'action_without_owner', file: 'plans/vantor-pharma.yaml', path: ['actions', 3, 'owner'], severity: 'error' }),
    ]);
    expect(run.json.summary).toMatchObject({ errors: 1, warnings: 0 });
    expect(run.json.since).toMatchObject({ rev: 'HEAD~1', existing: 102 });
    expect(run.code).toBe(1);
    const stylish = await kam(['check', '-C', dir, ...TODAY, '--since', 'HEAD~1']);
    expect(stylish.stdout).toContain('102 findings that already existed at HEAD~1 left out (--since)');
  });

  it('exits 0 when every error already existed, and counts what it left out', async () => {
    const dir = exampleInGit();
    const run = await kam(['check', '-C', dir, ...TODAY, '--since', 'HEAD']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('102 findings that already existed at HEAD left out (--since)');
    expect(run.stdout).toContain('✔ no problems');
  });

  it("compares with the revision's own kam.yaml", async () => {
    const dir = exampleInGit();
    const config = join(dir, 'kam.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('  unrated_criterion: warning', '  unrated_criterion: warning\n  unanswered_question: off'));
    commitAll(dir, 'questions off', '2026-11-10');
    writeFileSync(config, readFileSync(config, 'utf8').replace('  unanswered_question: off\n', ''));
    const run = (await kamJson(['check', '-C', dir, ...TODAY, '-f', 'json', '--since', 'HEAD'])).json;
    expect(run.findings).toHaveLength(83);
    expect(run.findings.every((f: any) => f.rule === 'unanswered_question')).toBe(true);
  });

  it('an unknown revision is a usage error (exit 2)', async () => {
    const run = await kam(['check', '-C', exampleInGit(), '--since', 'nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown revision "nope"');
  });

  it('warns on stderr when it needs history a shallow clone lacks', async () => {
    const origin = tmpDir();
    gitInit(origin);
    write(origin, { 'kam.yaml': 'version: 1\n', 'accounts/acme.yaml': account('Acme', 5), 'plans/acme.yaml': plan('acme', {}) });
    commitAll(origin, 'one', '2026-01-01');
    writeFileSync(join(origin, 'accounts/acme.yaml'), account('Acme', 4));
    commitAll(origin, 'two', '2026-02-01');
    const clone = join(tmpDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone], { env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' } });
    const run = await kam(['check', '-C', clone, ...TODAY]);
    expect(run.stderr).toContain('kam: warning: this is a shallow clone');
    expect(run.stderr).toContain('fetch-depth: 0');
    expect((await kam(['check', '-C', origin, ...TODAY])).stderr).toBe('');
  });
});

describe('kam check --format github within GitHub limits', () => {
  it('annotates errors first, groups questions, ends with a notice, and writes every finding to the step summary', async () => {
    const summaryFile = join(tmpDir(), 'summary.md');
    writeFileSync(summaryFile, '# earlier step output\n');
    const run = await kam(['check', ...TODAY, '-f', 'github'], { cwd: EXAMPLE, env: { GITHUB_STEP_SUMMARY: summaryFile } });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    const annotations = lines.filter((l) => /^::(error|warning) /.test(l));
    expect(annotations.filter((l) => l.startsWith('::error'))).toHaveLength(2);
    expect(annotations.filter((l) => l.startsWith('::warning'))).toHaveLength(10);
    expect(annotations.slice(0, 2).every((l) => l.startsWith('::error'))).toBe(true);
    // One annotation per plan for its open questions.
    expect(annotations.filter((l) => l.includes('title=kam unanswered_question')).every((l) => /::\d+ questions open: /.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^::notice title=kam%3A more findings::\d+ more findings than GitHub shows as annotations .*job summary/);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary.startsWith('# earlier step output\n## kam check\n')).toBe(true);
    expect(summary).toContain('| `unanswered_question` | 0 | 83 |');
    expect(summary).toContain('| kestrel-retail | 1 | 11 |');
    expect(summary).toContain('<details><summary>All 102 findings</summary>');
    const rows = summary.split('\n').filter((l) => /^\| (accounts|plans)\/.*:\d+:\d+ \|/.test(l));
    expect(rows).toHaveLength(102);
    expect(rows).toContain('| plans/kestrel-retail.yaml:159:5 | error | `action_without_owner` | action "Hire or assign a customer success manager for the account" has no owner; add owner: &lt;name&gt; |');
  });

  it('with --since, lists findings in changed files first', async () => {
    const dir = exampleInGit();
    // A new warning in the changed plan (an action without a due date)...
    const file = join(dir, 'plans/vantor-pharma.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    shared: true\n\nrisks:', '    shared: true\n  - title: Call the CFO\n    owner: Sofia Lindqvist\n    status: open\n\nrisks:'));
    // ...and new warnings in account files the change does not touch (listed before plans/ in file order).
    const config = join(dir, 'kam.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/max_accounts_per_manager: \d+/, 'max_accounts_per_manager: 1'));
    const run = await kam(['check', ...TODAY, '-f', 'github', '--since', 'HEAD'], { cwd: dir });
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings[0]).toMatch(/^::warning file=plans\/vantor-pharma.yaml,.*title=kam action_without_due::/);
    expect(warnings.slice(1).length).toBeGreaterThan(0);
    expect(warnings.slice(1).every((l) => l.includes('file=accounts/') && l.includes('manager_over_capacity'))).toBe(true);
  });
});

describe('kam check --format gitlab', () => {
  it('is a Code Quality report with unique fingerprints that survive line moves', async () => {
    const dir = exampleInGit();
    const before = (await kamJson(['check', '-C', dir, ...TODAY, '-f', 'gitlab'])).json as any[];
    expect(before).toHaveLength(102);
    expect(new Set(before.map((i) => i.fingerprint)).size).toBe(102);
    expect(before.every((i) => /^[0-9a-f]{64}$/.test(i.fingerprint))).toBe(true);
    const owner = before.find((i) => i.check_name === 'action_without_owner');
    expect(owner).toMatchObject({ severity: 'major', location: { lines: { begin: 159 } } });
    expect(owner.location.path).toMatch(/plans\/kestrel-retail.yaml$/);
    expect(before.find((i) => i.check_name === 'stale_plan').severity).toBe('minor');
    expect(Object.keys(owner).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
    // Same run again: same fingerprints. Every line moved: still the same fingerprints.
    expect((await kamJson(['check', '-C', dir, ...TODAY, '-f', 'gitlab'])).json.map((i: any) => i.fingerprint)).toEqual(before.map((i) => i.fingerprint));
    addErrorAndShift(dir);
    const after = (await kamJson(['check', '-C', dir, ...TODAY, '-f', 'gitlab'])).json as any[];
    const old = new Set(before.map((i) => i.fingerprint));
    expect(after.filter((i) => !old.has(i.fingerprint)).map((i) => i.check_name)).toEqual(['action_without_owner']);
  });
});

describe('kam codeowners', () => {
  const CONFIG = `version: 1
people:
  Dana Whitfield: "@dwhitfield"
  Omar Haddad: { handle: "@ohaddad" }
approvals:
  Tier 1: ["@acme/sales-leads"]
  Tier 2: ["@acme/regional-leads"]
`;
  function repo(): string {
    const dir = makeRepo({
      'kam.yaml': CONFIG,
      'accounts/big.yaml': account('Big', 5).replace('Dana Whitfield', 'dana  whitfield'),
      'accounts/mid.yaml': account('Mid', 4).replace('Dana Whitfield', 'Omar Haddad'),
      'plans/big.yaml': plan('big', {}),
      '.github/CODEOWNERS': '# team rules\n* @acme/admins\n',
    });
    gitInit(dir);
    return dir;
  }

  it('prints, writes and checks the block: managers plus tier approvers, kam.yaml by the highest tier', async () => {
    const dir = repo();
    const block = await kam(['codeowners'], { cwd: dir });
    expect(block.code).toBe(0);
    expect(block.stdout).toContain('/kam.yaml @acme/sales-leads\n');
    expect(block.stdout).toContain('/accounts/big.yaml @dwhitfield @acme/sales-leads\n');
    expect(block.stdout).toContain('/plans/big.yaml @dwhitfield @acme/sales-leads\n');
    expect(block.stdout).toContain('/accounts/mid.yaml @ohaddad @acme/regional-leads\n');
    expect(block.stdout).toContain('/plans/mid.yaml @ohaddad @acme/regional-leads\n');
    expect((await kam(['codeowners', '--check'], { cwd: dir })).code).toBe(1);
    expect((await kam(['codeowners', '--write'], { cwd: dir })).stdout).toContain('.github/CODEOWNERS: updated');
    const written = readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8');
    expect(written.startsWith('# team rules\n* @acme/admins\n\n# BEGIN kam codeowners')).toBe(true);
    expect(written.endsWith('# END kam codeowners\n')).toBe(true);
    expect(await kam(['codeowners', '--check'], { cwd: dir })).toMatchObject({ code: 0 });
    expect((await kam(['codeowners', '--write'], { cwd: dir })).stdout).toContain('unchanged');
  });

  it('--check fails after a manager changes, and --write fixes it keeping every other line', async () => {
    const dir = repo();
    await kam(['codeowners', '--write'], { cwd: dir });
    writeFileSync(join(dir, '.github/CODEOWNERS'), `${readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')}/docs/ @acme/writers\n`);
    writeFileSync(join(dir, 'accounts/mid.yaml'), account('Mid', 4));
    const check = await kam(['codeowners', '--check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('.github/CODEOWNERS is out of date');
    expect(check.stderr).toContain('  - /accounts/mid.yaml @ohaddad @acme/regional-leads');
    expect(check.stderr).toContain('  + /accounts/mid.yaml @dwhitfield @acme/regional-leads');
    await kam(['codeowners', '--write'], { cwd: dir });
    const text = readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8');
    expect(text).toContain('/accounts/mid.yaml @dwhitfield @acme/regional-leads\n');
    expect(text.startsWith('# team rules\n* @acme/admins\n')).toBe(true);
    expect(text.endsWith('# END kam codeowners\n/docs/ @acme/writers\n')).toBe(true);
    expect((await kam(['codeowners', '--check'], { cwd: dir })).code).toBe(0);
  });

  it('paths start at the git root when the plan repo is a subfolder; a manager without a handle is a warning', async () => {
    const top = tmpDir();
    gitInit(top);
    write(top, { 'sales/kam.yaml': 'version: 1\n', 'sales/accounts/acme.yaml': account('Acme', 5) });
    const run = await kam(['codeowners', '--write'], { cwd: join(top, 'sales') });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('kam: warning: the manager "Dana Whitfield" (acme) has no handle under people: in kam.yaml');
    const text = readFileSync(join(top, '.github/CODEOWNERS'), 'utf8');
    expect(text).toContain('# /sales/accounts/acme.yaml: no owner');
    expect(existsSync(join(top, 'sales/.github'))).toBe(false);
  });
});

describe('kam init --ci', () => {
  it('github (default): full history, --since on pull requests, CODEOWNERS check, diff to the summary; next steps name KAM_PACKAGE', async () => {
    const dir = tmpDir();
    const run = await kam(['init', '--yes', '--no-git'], { cwd: dir });
    expect(run.stdout).toContain('set KAM_PACKAGE in .github/workflows/kam.yml');
    const workflow = readFileSync(join(dir, '.github/workflows/kam.yml'), 'utf8');
    // The next step names the one line to edit, and it is that line.
    const line = Number(/kam\.yml, line (\d+),/.exec(run.stdout)?.[1]);
    expect(workflow.split('\n')[line - 1]).toMatch(/^ {2}KAM_PACKAGE: github:your-org\/kam#v\S+$/);
    expect(run.stdout).toContain('replace your-org/kam, keep the release tag');
    const checkJob = workflow.slice(workflow.indexOf('  check:'), workflow.indexOf('  diff:'));
    expect(checkJob).toContain('fetch-depth: 0');
    expect(checkJob).toContain('kam check --format github --since "origin/$BASE_REF"');
    expect(checkJob).toContain('kam codeowners --check');
    expect(workflow).toContain('kam diff "origin/$BASE_REF" --format markdown >> "$GITHUB_STEP_SUMMARY"');
    expect(existsSync(join(dir, '.gitlab-ci.yml'))).toBe(false);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('Require review from Code Owners');
  });

  it('gitlab: a pipeline with the Code Quality report as an artifact; none: no pipeline', async () => {
    const dir = tmpDir();
    const run = await kam(['init', '--yes', '--no-git', '--ci', 'gitlab'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('set KAM_PACKAGE in .gitlab-ci.yml');
    const pipeline = readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8');
    expect(pipeline).toContain('kam check --format gitlab --output gl-code-quality-report.json');
    expect(pipeline).toMatch(/reports:\n {6}codequality: gl-code-quality-report.json/);
    expect(pipeline).toContain('GIT_DEPTH: "0"');
    expect(existsSync(join(dir, '.github'))).toBe(false);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('(`.gitlab-ci.yml`');
    const none = tmpDir();
    expect((await kam(['init', '--yes', '--no-git', '--ci', 'none'], { cwd: none })).stdout).not.toContain('KAM_PACKAGE');
    expect(existsSync(join(none, '.github')) || existsSync(join(none, '.gitlab-ci.yml'))).toBe(false);
    expect((await kam(['init', '--ci', 'jenkins'], { cwd: tmpDir() })).code).toBe(2);
  });
});
