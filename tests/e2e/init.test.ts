import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKam } from '../helpers/kam.js';
import { kam, kamJson } from '../helpers/kamInProcess.js';
import { makeRepo, snapshotTree, tmpDir } from '../helpers/tmpRepo.js';

const USER_FILES = [
  'kam.yaml',
  'accounts/brightline-grocers.yaml',
  'plans/brightline-grocers.yaml',
  '.github/workflows/kam.yml',
  'README.md',
  '.gitignore',
];
const SCHEMA_FILES = ['schema/kam.schema.json', 'schema/account.schema.json', 'schema/plan.schema.json'];

describe('kam init', () => {
  it('creates a valid, self-explaining plan repo in an empty folder', async () => {
    const dir = tmpDir();
    const run = await kam(['init', 'plans-repo', '--yes', '--organization', 'Contoso Analytics', '--currency', 'eur'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const root = join(dir, 'plans-repo');
    for (const file of [...USER_FILES, ...SCHEMA_FILES]) {
      expect(existsSync(join(root, file)), file).toBe(true);
      expect(run.stdout).toContain(`created  ${file}`);
    }
    expect(run.stdout).toContain('cd plans-repo');
    expect(run.stdout).toContain('Next steps:');

    const kamYaml = readFileSync(join(root, 'kam.yaml'), 'utf8');
    expect(kamYaml).toContain('organization: Contoso Analytics');
    expect(kamYaml).toContain('currency: EUR');
    expect(kamYaml).toContain('  criteria:\n    - { id: current_revenue, label: Current revenue, weight: 3, axis: current }');
    expect(kamYaml).toContain('# key_tiers: [ Tier 1, Tier 2 ]');
    expect(kamYaml).toContain('#   unanswered_question: warning');
    // Every YAML file starts with the schema line, and the schema it names exists.
    for (const [file, ref] of [['kam.yaml', 'schema/kam.schema.json'], ['accounts/brightline-grocers.yaml', '../schema/account.schema.json'], ['plans/brightline-grocers.yaml', '../schema/plan.schema.json']] as const) {
      const first = readFileSync(join(root, file), 'utf8').split('\n')[0];
      expect(first).toBe(`# yaml-language-server: $schema=${ref}`);
      expect(existsSync(join(root, file, '..', ref))).toBe(true);
    }
    const accountSchema = JSON.parse(readFileSync(join(root, 'schema/account.schema.json'), 'utf8'));
    expect(JSON.stringify(accountSchema)).toContain('in EUR');

    const workflow = readFileSync(join(root, '.github/workflows/kam.yml'), 'utf8');
    expect(workflow).toContain('kam check --format github');
    expect(workflow).toContain('pull_request');
    expect(workflow).toContain('fetch-depth: 0');
    expect(workflow).toContain('kam diff "origin/$BASE_REF" --format markdown >> "$GITHUB_STEP_SUMMARY"');
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toMatch(/^out\/$/m);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('# Contoso Analytics: key account plans');

    const validate = await kamJson(['validate', '--format', 'json'], { cwd: root });
    expect(validate.json.summary).toMatchObject({ errors: 0, accounts: 1, plans: 1 });
    expect(validate.code).toBe(0);
    expect((await kam(['schema', '--out', 'schema'], { cwd: root })).stderr).toContain('unchanged schema/plan.schema.json');
  });

  // `kam check` is built on another branch; this runs as soon as it is merged.
  it('gives a repo where kam check exits 0: warnings only, no errors', async () => {
    const dir = tmpDir();
    expect((await kam(['init', '--yes', '--no-git'], { cwd: dir })).code).toBe(0);
    const check = await kamJson(['check', '--format', 'json'], { cwd: dir });
    expect(check.json.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(check.json.summary).toMatchObject({ errors: 0, accounts: 1, plans: 1 });
    expect(check.json.summary.warnings).toBeGreaterThan(0);
    expect(check.code).toBe(0);
    expect((await kam(['new', 'account', 'Acme'], { cwd: dir })).code).toBe(0);
    expect((await kam(['new', 'plan', 'acme'], { cwd: dir })).code).toBe(0);
    expect((await kam(['check'], { cwd: dir })).code).toBe(0);
  });

  it('runs git init in a fresh folder, and not with --no-git or inside a git repo', async () => {
    const fresh = tmpDir();
    const run = await kamJson(['init', '--yes', '--format', 'json'], { cwd: fresh });
    expect(run.json.git).toBe('initialized');
    expect(execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: fresh, encoding: 'utf8' }).trim()).toBe(execFileSync('realpath', [fresh], { encoding: 'utf8' }).trim());

    const noGit = tmpDir();
    expect((await kamJson(['init', '--yes', '--no-git', '--format', 'json'], { cwd: noGit })).json.git).toBe('skipped');
    expect(existsSync(join(noGit, '.git'))).toBe(false);

    const outer = tmpDir();
    execFileSync('git', ['init', '--quiet', outer]);
    const inner = await kamJson(['init', 'sub/plans', '--yes', '--format', 'json'], { cwd: outer });
    expect(inner.json.git).toBe('inside_repo');
    expect(existsSync(join(outer, 'sub/plans/kam.yaml'))).toBe(true);
    expect(existsSync(join(outer, 'sub/plans/.git'))).toBe(false);
  });

  it('warns but succeeds when git is not installed', async () => {
    const dir = tmpDir();
    // Spawned: kam finds git on its own process's PATH.
    const run = runKam(['init', '--yes'], { cwd: dir, env: { PATH: '/nonexistent' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('git is not installed');
    expect(existsSync(join(dir, 'kam.yaml'))).toBe(true);
  });

  it('run twice, changes nothing the user wrote: existing files are listed, kept, exit 2', async () => {
    const dir = tmpDir();
    expect((await kam(['init', '--yes', '--no-git'], { cwd: dir })).code).toBe(0);
    const edited = readFileSync(join(dir, 'kam.yaml'), 'utf8').replace('organization: My Company', 'organization: Our Own Name');
    writeFileSync(join(dir, 'kam.yaml'), edited);
    writeFileSync(join(dir, 'plans/brightline-grocers.yaml'), 'account: brightline-grocers\n');
    const before = snapshotTree(dir);

    const again = await kam(['init', '--yes', '--no-git'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(snapshotTree(dir)).toEqual(before);
    for (const file of USER_FILES) expect(again.stdout).toContain(`kept     ${file}`);
    expect(again.stderr).toMatch(/^kam: kept 6 existing files unchanged: kam\.yaml, .*; use --force to replace them/m);

    const json = await kamJson(['init', '--yes', '--no-git', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(2);
    expect(json.json).toMatchObject({ created: [], updated: [], kept: USER_FILES, unchanged: SCHEMA_FILES });
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('fills in missing files around existing ones, and the example follows a kept kam.yaml', async () => {
    const dir = makeRepo({
      'kam.yaml': 'version: 1\ncurrency: GBP\nscoring:\n  criteria:\n    - { id: logo, label: Logo, weight: 1, axis: potential }\n    - { id: spend, label: Spend, weight: 2, axis: current }\n',
      'README.md': '# mine\n',
    });
    const run = await kamJson(['init', '--no-git', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.json.kept).toEqual(['kam.yaml', 'README.md']);
    expect(run.json.created).toContain('accounts/brightline-grocers.yaml');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# mine\n');
    const account = readFileSync(join(dir, 'accounts/brightline-grocers.yaml'), 'utf8');
    expect(account).toMatch(/^ {2}spend: +# Spend: weight 2/m);
    expect(account).not.toContain('growth_potential');
    expect(account).toContain('in GBP');
    expect((await kam(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('--force replaces existing files', async () => {
    const dir = makeRepo({ 'kam.yaml': 'version: 1\norganization: Old\n' });
    const run = await kam(['init', '--yes', '--no-git', '--force', '--organization', 'New'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('replaced kam.yaml');
    expect(readFileSync(join(dir, 'kam.yaml'), 'utf8')).toContain('organization: New');
  });

  it('--dry-run lists what would be written and writes nothing, not even git init', async () => {
    const dir = tmpDir();
    const before = snapshotTree(dir);
    const run = await kam(['init', 'new-repo', '--dry-run'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dry run: nothing was written');
    expect(run.stdout).toContain('create   kam.yaml');
    expect(run.stdout).toContain('Would run git init.');
    expect(existsSync(join(dir, 'new-repo'))).toBe(false);
    expect(snapshotTree(dir)).toEqual(before);

    const json = await kamJson(['init', '--dry-run', '--format', 'json'], { cwd: dir });
    expect(json.json).toMatchObject({ dryRun: true, git: 'would_initialize' });
    expect(json.json.created).toEqual([...USER_FILES.slice(0, 3), ...SCHEMA_FILES, ...USER_FILES.slice(3)]);
    expect(existsSync(join(dir, '.git'))).toBe(false);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--with-checklist writes the checklist into kam.yaml', async () => {
    const dir = tmpDir();
    expect((await kam(['init', '--yes', '--no-git', '--with-checklist'], { cwd: dir })).code).toBe(0);
    const text = readFileSync(join(dir, 'kam.yaml'), 'utf8');
    expect(text).toMatch(/^checklist:$/m);
    expect(text).toContain('id: unknowns.plan_validation');
    expect((await kam(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('rejects a bad currency and a path that is a file', async () => {
    const dir = makeRepo({ 'notes.txt': 'x' }, { withConfig: false });
    const bad = await kam(['init', '--currency', 'euro', '--yes'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('kam: --currency euro: a currency is a three-letter ISO 4217 code');
    expect(existsSync(join(dir, 'kam.yaml'))).toBe(false);
    const file = await kam(['init', 'notes.txt'], { cwd: dir });
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('notes.txt: exists and is not a folder');
  });

  it('asks nothing when stdin is not a terminal (and takes the defaults)', async () => {
    const dir = tmpDir();
    const run = await kam(['init', '--no-git'], { cwd: dir, input: 'Ignored Inc\nEUR\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Organization');
    const text = readFileSync(join(dir, 'kam.yaml'), 'utf8');
    expect(text).toContain('organization: My Company');
    expect(text).toContain('currency: USD');
  });
});

describe('kam new', () => {
  async function initRepo(): Promise<string> {
    const dir = tmpDir();
    expect((await kam(['init', '--yes', '--no-git'], { cwd: dir })).code).toBe(0);
    return dir;
  }

  it('new account, then new plan, then validate passes', async () => {
    const dir = await initRepo();
    const account = await kam(['new', 'account', 'Crème Brûlée AG', '--manager', 'Dana Whitfield'], { cwd: dir });
    expect(account.stderr).toBe('');
    expect(account.code).toBe(0);
    expect(account.stdout).toContain('created accounts/creme-brulee-ag.yaml');
    const accountText = readFileSync(join(dir, 'accounts/creme-brulee-ag.yaml'), 'utf8');
    expect(accountText.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/account.schema.json');
    expect(accountText).toContain('name: Crème Brûlée AG');
    expect(accountText).toContain('manager: Dana Whitfield');
    expect(accountText).toMatch(/^ {2}effort: +# Effort to make headway: weight 1, potential axis, 1-5, 1 is best$/m);

    const plan = await kamJson(['new', 'plan', 'creme-brulee-ag', '--format', 'json'], { cwd: dir });
    expect(plan.code).toBe(0);
    expect(plan.json).toEqual({ id: 'creme-brulee-ag', created: 'plans/creme-brulee-ag.yaml' });
    const planText = readFileSync(join(dir, 'plans/creme-brulee-ag.yaml'), 'utf8');
    expect(planText).toContain('Account plan for Crème Brûlée AG');
    expect(planText).toContain('  - { name: Dana Whitfield, roles: [ relationship_lead ] }');
    expect(planText).toMatch(/^stage: strategy/m);
    expect(planText).toMatch(/^ {2}# Who makes the final decision on purchases in our category, and what do they personally care\n {2}# about\?\n {2}their_team\.decision_maker:$/m);

    const validate = await kamJson(['validate', '--format', 'json'], { cwd: dir });
    expect(validate.json.summary).toMatchObject({ errors: 0, accounts: 2, plans: 2 });
    expect(validate.code).toBe(0);

    // Empty ratings are unrated: no score yet; the worked example is a scored Tier 1 account.
    const score = await kamJson(['score', '--format', 'json'], { cwd: dir });
    expect(score.code).toBe(0);
    const byId = Object.fromEntries(score.json.accounts.map((a: { id: string }) => [a.id, a]));
    expect(byId['creme-brulee-ag']).toMatchObject({ score: null, tier: null, unrated: ['current_revenue', 'growth_potential', 'renewal_likelihood', 'win_now_likelihood', 'effort', 'relationship_strength', 'fit', 'logo'] });
    expect(byId['brightline-grocers']).toMatchObject({ score: 78.3, tier: 'Tier 1', quadrant: 'Strategic', unrated: [] });
  });

  it('uses the criteria and checklist of the repo, not the defaults', async () => {
    const dir = makeRepo({
      'kam.yaml': [
        'version: 1',
        'scoring:',
        '  scale: { min: 0, max: 10 }',
        '  criteria:',
        '    - { id: wallet_share, label: Share of wallet, weight: 2, axis: current }',
        '    - { id: pain, label: Pain of switching, weight: 1, axis: potential, inverse: true }',
        'roles: [{ id: owner, label: Owner }]',
        'checklist:',
        '  categories:',
        '    - id: basics',
        '      title: The basics',
        '      questions:',
        '        - { id: basics.why, text: "Why do they buy from us?" }',
        '',
      ].join('\n'),
    });
    expect((await kam(['new', 'account', 'Ørsted A/S', '--manager', 'Kim'], { cwd: dir })).code).toBe(0);
    const account = readFileSync(join(dir, 'accounts/orsted-a-s.yaml'), 'utf8');
    expect(account).toMatch(/^ {2}wallet_share: +# Share of wallet: weight 2, current axis, 0-10, 10 is best$/m);
    expect(account).toMatch(/^ {2}pain: +# Pain of switching: weight 1, potential axis, 0-10, 0 is best$/m);
    expect(account).not.toContain('current_revenue');
    expect((await kam(['new', 'plan', 'orsted-a-s'], { cwd: dir })).code).toBe(0);
    const plan = readFileSync(join(dir, 'plans/orsted-a-s.yaml'), 'utf8');
    expect(plan).toContain('  # ==== The basics ====\n  # Why do they buy from us?\n  basics.why:\n');
    expect(plan).not.toContain('our_team.');
    expect(plan).toContain('{ name: Kim, roles: [ owner ] }');
    expect((await kam(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('refuses to overwrite, and --force replaces', async () => {
    const dir = await initRepo();
    writeFileSync(join(dir, 'accounts/at-and-t.yaml'), 'name: AT&T\nmanager: Me\n');
    const before = snapshotTree(dir);
    const again = await kam(['new', 'account', 'AT&T'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('kam: accounts/at-and-t.yaml already exists and was kept; edit it, pick --id <other-id>, or pass --force to replace it\n');
    const plan = await kam(['new', 'plan', 'brightline-grocers'], { cwd: dir });
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain('plans/brightline-grocers.yaml already exists and was kept');
    expect(snapshotTree(dir)).toEqual(before);
    expect((await kam(['new', 'account', 'AT&T', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'accounts/at-and-t.yaml'), 'utf8')).toContain('ratings:');
  });

  it('refuses an account whose name another account file has (case and spacing aside), naming that file; --force creates it', async () => {
    const dir = await initRepo();
    writeFileSync(join(dir, 'accounts/contoso.yaml'), 'name: Contoso  Retail\nmanager: Me\n');
    const before = snapshotTree(dir);
    const again = await kam(['new', 'account', 'contoso retail'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'kam: an account named "Contoso  Retail" already exists: accounts/contoso.yaml; edit that file (or rename the customer there), or pass --force to create a second account with this name\n',
    );
    expect((await kam(['new', 'account', 'Contoso Retail', '--id', 'contoso-2'], { cwd: dir })).code).toBe(2);
    expect(snapshotTree(dir)).toEqual(before);
    expect((await kam(['new', 'account', 'Contoso Retail Group'], { cwd: dir })).code).toBe(0);
    expect((await kam(['new', 'account', 'contoso retail', '--force'], { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, 'accounts/contoso-retail.yaml'))).toBe(true);
    const check = await kamJson(['check', '--format', 'json'], { cwd: dir });
    expect(check.json.findings.filter((f: { rule: string }) => f.rule === 'duplicate_account').map((f: { file: string }) => f.file).sort()).toEqual(['accounts/contoso-retail.yaml', 'accounts/contoso.yaml']);
  });

  it('rejects a bad name or id and an unknown account, with a hint', async () => {
    const dir = await initRepo();
    const before = snapshotTree(dir);
    const badId = await kam(['new', 'account', 'Acme', '--id', 'Acme Corp'], { cwd: dir });
    expect(badId.code).toBe(2);
    expect(badId.stderr).toBe('kam: --id "Acme Corp" is not a valid id: use lowercase letters a-z, digits and "-", e.g. --id acme-corp\n');
    const noLetters = await kam(['new', 'account', '東京'], { cwd: dir });
    expect(noLetters.code).toBe(2);
    expect(noLetters.stderr).toContain('cannot make an id from the name "東京"');
    expect(noLetters.stderr).toContain('--id');
    const empty = await kam(['new', 'account', '  '], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('the account name is empty');
    const unknown = await kam(['new', 'plan', 'brightline-grocer'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('kam: no account "brightline-grocer"; did you mean "brightline-grocers"? (name an account by its id, its file or its name');
    expect(unknown.stderr).toContain('create it first with: kam new account "Account Name" --id brightline-grocer');
    const traversal = await kam(['new', 'plan', '../kam'], { cwd: dir });
    expect(traversal.code).toBe(2);
    expect(snapshotTree(dir)).toEqual(before);
    const noKind = await kam(['new'], { cwd: dir });
    expect(noKind.code).toBe(2);
    expect(noKind.stderr).toContain('account [options] <name>');
    expect((await kam(['new', '--help'], { cwd: dir })).code).toBe(0);
    const missingArg = await kam(['new', 'account'], { cwd: dir });
    expect(missingArg.code).toBe(2);
    expect(missingArg.stderr).toContain("missing required argument 'name'");
  });

  it('outside a plan repo says how to create one', async () => {
    const run = await kam(['new', 'account', 'Acme'], { cwd: tmpDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('run "kam init"');
  });

  it('-C points at the repo from elsewhere', async () => {
    const dir = await initRepo();
    expect((await kam(['new', 'account', 'Acme', '-C', dir], { cwd: tmpDir('kam-elsewhere-') })).code).toBe(0);
    expect(existsSync(join(dir, 'accounts/acme.yaml'))).toBe(true);
  });
});
