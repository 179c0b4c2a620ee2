import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, kam, kamJson } from '../helpers/kamInProcess.js';
import { copyRepo, makeRepo, snapshotTree } from '../helpers/tmpRepo.js';
import { stylishRows } from '../helpers/stylish.js';

const TODAY = ['--today', '2026-11-23'];

interface Finding {
  rule: string;
  severity: string;
  account: string | null;
  file: string;
  line: number;
  column: number;
  message: string;
  [field: string]: unknown;
}

describe('kam check on the example repo', () => {
  const before = snapshotTree(EXAMPLE);
  type Report = { findings: Finding[]; summary: Record<string, number>; completeness: Record<string, any> };
  let code: number;
  let json: Report;
  beforeAll(async () => {
    ({ code, json } = await kamJson<Report>(['check', '-C', EXAMPLE, ...TODAY, '--format', 'json']));
  });

  it('exits 1 (two error findings) and changes nothing', async () => {
    expect(code).toBe(1);
    expect(json.summary).toMatchObject({ errors: 2, accounts: 15, plans: 7 });
    expect(snapshotTree(EXAMPLE)).toEqual(before);
  });

  it('finds exactly the gaps the example README lists', async () => {
    const gaps = json.findings
      .filter((f) => f.rule !== 'unanswered_question')
      .map((f) => [f.rule, f.account, f.role ?? f.criterion ?? f.manager ?? f.stakeholder ?? null, `${f.file}:${f.line}:${f.column}`]);
    expect(gaps).toEqual([
      // spec 1.2: Banco Austral covers 62.1% of its gap, loses money and has a contract at risk;
      // Coralsea and Vantor fall short of coverage 1; Vantor's dashboard contract is unassessed.
      ['pipeline_short', 'banco-austral', null, 'accounts/banco-austral.yaml:7:58'],
      ['unprofitable_key_account', 'banco-austral', null, 'accounts/banco-austral.yaml:8:12'],
      ['renewal_at_risk', 'banco-austral', null, 'accounts/banco-austral.yaml:10:91'],
      ['unrated_criterion', 'brightwater-foods', 'relationship_strength', 'accounts/brightwater-foods.yaml:8:1'],
      ['pipeline_short', 'coralsea-telecom', null, 'accounts/coralsea-telecom.yaml:6:57'],
      ['manager_over_capacity', 'halvorsen-industrial', 'Dana Whitfield', 'accounts/halvorsen-industrial.yaml:5:10'],
      ['unrated_criterion', 'polaris-grid', null, 'accounts/polaris-grid.yaml:2:1'],
      ['missing_plan', 'ridgeline-power', null, 'accounts/ridgeline-power.yaml:3:1'],
      ['unrated_criterion', 'tasman-mutual', 'renewal_likelihood', 'accounts/tasman-mutual.yaml:7:1'],
      ['pipeline_short', 'vantor-pharma', null, 'accounts/vantor-pharma.yaml:7:58'],
      ['renewal_unassessed', 'vantor-pharma', null, 'accounts/vantor-pharma.yaml:10:61'],
      ['stale_plan', 'calloway-health', null, 'plans/calloway-health.yaml:5:16'],
      ['missing_role', 'calloway-health', 'innovator', 'plans/calloway-health.yaml:7:1'],
      ['stakeholder_not_contacted', 'calloway-health', 'richard', 'plans/calloway-health.yaml:29:19'],
      // Tier 2's profile asks for three roles (not six), Tier 3's for one: coralsea-telecom lacks a
      // project manager; kestrel-retail (Tier 2) and halvorsen-industrial (Tier 3) have what they need.
      ['missing_role', 'coralsea-telecom', 'project_manager', 'plans/coralsea-telecom.yaml:7:1'],
      ['action_overdue', 'kestrel-retail', null, 'plans/kestrel-retail.yaml:157:10'],
      ['action_without_owner', 'kestrel-retail', null, 'plans/kestrel-retail.yaml:159:5'],
      ['no_decision_maker', 'vantor-pharma', null, 'plans/vantor-pharma.yaml:14:1'],
      ['action_without_due', 'vantor-pharma', null, 'plans/vantor-pharma.yaml:127:5'],
    ]);
    const dana = json.findings.find((f) => f.rule === 'manager_over_capacity')!;
    expect(dana.message).toContain('5 tiered accounts');
    expect(dana.message).toContain('is 4');
  });

  it('reports unanswered questions in every plan but the two complete ones, including a null answer', async () => {
    const plans = new Set(json.findings.filter((f) => f.rule === 'unanswered_question').map((f) => f.account));
    expect([...plans].sort()).toEqual(['calloway-health', 'coralsea-telecom', 'halvorsen-industrial', 'kestrel-retail', 'vantor-pharma']);
    expect(json.findings).toContainEqual(expect.objectContaining({
      rule: 'unanswered_question', account: 'coralsea-telecom', question: 'their_team.economic_buyer', line: 46, column: 3,
    }));
    expect(json.summary.warnings).toBe(json.findings.filter((f) => f.severity === 'warning').length);
  });

  it('prints completeness per account and category in JSON', async () => {
    expect(Object.keys(json.completeness).sort()).toEqual(['banco-austral', 'calloway-health', 'coralsea-telecom', 'halvorsen-industrial', 'kestrel-retail', 'meridian-freight', 'vantor-pharma']);
    // coralsea-telecom is Tier 2: its profile asks for 31 of the 57 questions.
    expect(json.completeness['coralsea-telecom']).toMatchObject({ answered: 8, not_applicable: 0, unanswered: 23, total: 31, percent: 25.8 });
    expect(json.completeness['banco-austral']).toMatchObject({ answered: 55, not_applicable: 2, unanswered: 0, percent: 100 });
    const value = json.completeness['coralsea-telecom'].categories.find((c: any) => c.id === 'value');
    expect(value).toMatchObject({ answered: 0, unanswered: 7, total: 7, percent: 0 });
  });

  it('shows findings, completeness and the summary in stylish output', async () => {
    const run = await kam(['check', ...TODAY], { cwd: EXAMPLE });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('plans/kestrel-retail.yaml\n  159:5   error    action "Hire or assign a customer success manager for the account" has no owner; add owner: <name>  action_without_owner\n');
    expect(run.stdout).toMatch(/Checklist completeness[^\n]*\n(?:.*\n)*  coralsea-telecom +25\.8%  8 answered, 0 n\/a, 23 open of 31 {2}\(our_team 3\/7, .*value 0\/7/);
    expect(run.stdout).toMatch(/  meridian-freight +100%  57 answered, 0 n\/a, 0 open of 57\n/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`✖ ${json.findings.length} problems (2 errors, ${json.summary.warnings} warnings) in 15 accounts, 7 plans`);
  });
});

describe('kam check options', () => {
  it('--rule overrides kam.yaml and the defaults; exit 0 without errors', async () => {
    const run = await kamJson(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json', '--rule', 'missing_plan=off', '--rule', 'action_without_owner=warning']);
    expect(run.code).toBe(0);
    expect(run.json.summary.errors).toBe(0);
    expect(run.json.findings.some((f: Finding) => f.rule === 'missing_plan')).toBe(false);
    expect(run.json.findings.find((f: Finding) => f.rule === 'action_without_owner').severity).toBe('warning');
  });

  it('kam.yaml rules: settings apply', async () => {
    const repo = copyRepo(EXAMPLE);
    const cfg = join(repo, 'kam.yaml');
    const text = readFileSync(cfg, 'utf8').replace('  unrated_criterion: warning', '  unrated_criterion: error\n  unanswered_question: off');
    writeFileSync(cfg, text);
    const run = await kamJson(['check', '-C', repo, ...TODAY, '-f', 'json']);
    expect(run.json.summary.errors).toBe(5);
    expect(run.json.findings.some((f: Finding) => f.rule === 'unanswered_question')).toBe(false);
  });

  it('--max-warnings: warnings within the limit exit 0, more exit 1', async () => {
    const repo = makeRepo({ 'accounts/a.yaml': 'name: A\nratings: { current_revenue: 1 }\n' });
    expect((await kam(['check', '-C', repo])).code).toBe(0);
    expect((await kam(['check', '-C', repo, '--max-warnings', '7'])).code).toBe(0);
    const over = await kam(['check', '-C', repo, '--max-warnings', '6']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('kam: 7 warnings, more than --max-warnings 6 allows\n');
  });

  it('a clean repo exits 0 with a green summary', async () => {
    const run = await kam(['check', '-C', makeRepo({})]);
    expect(run).toMatchObject({ code: 0, stdout: '✔ no problems (0 accounts, 0 plans)\n' });
  });

  it.each([
    [['--rule', 'stale_plam=off'], 'did you mean "stale_plan"?'],
    [['--rule', 'stale_plan=fatal'], '"fatal" is not a severity for stale_plan; use error, warning, off'],
    [['--rule', 'stale_plan'], 'write it as --rule <id>=<error|warning|off>'],
    [['--max-warnings', 'many'], /--max-warnings.*write a whole number of 0 or more, not "many"/],
    [['--today', '23/11/2026'], 'YYYY-MM-DD'],
    [['--format', 'xml'], 'xml'],
    [['no/such/file.yaml'], 'no/such/file.yaml: no such file or folder'],
  ])('usage error %j exits 2', async (args, message) => {
    const run = await kam(['check', '-C', EXAMPLE, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('exits 2 without a plan repo or with an invalid kam.yaml', async () => {
    const none = await kam(['check'], { cwd: makeRepo({}, { withConfig: false }) });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no kam.yaml found');
    const bad = await kam(['check', '-C', makeRepo({ 'kam.yaml': 'version: 2\n' })]);
    expect(bad.code).toBe(2);
    expect(stylishRows(bad.stderr).join('\n')).toContain('kam.yaml:1:');
  });

  it('paths... limit the report (relative to the repo or the working folder); rules still see the whole repo', async () => {
    const one = await kamJson(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json', 'plans/kestrel-retail.yaml']);
    expect(new Set(one.json.findings.map((f: Finding) => f.file))).toEqual(new Set(['plans/kestrel-retail.yaml']));
    expect(Object.keys(one.json.completeness)).toEqual(['kestrel-retail']);
    // The summary counts what was checked: one plan, no account file.
    expect(one.json.summary).toMatchObject({ errors: 1, accounts: 0, plans: 1 });
    expect((await kam(['check', '-C', EXAMPLE, ...TODAY, 'plans/kestrel-retail.yaml'])).stdout).toMatch(/in 0 accounts, 1 plan\n$/);
    // An account named by id or by name covers its account and plan files.
    for (const ref of ['kestrel-retail', 'Kestrel Retail Group', 'kestrel retail  GROUP']) {
      const byAccount = await kamJson(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json', ref]);
      expect(byAccount.json.summary, ref).toMatchObject({ accounts: 1, plans: 1 });
      expect(new Set(byAccount.json.findings.map((f: Finding) => f.account))).toEqual(new Set(['kestrel-retail']));
    }
    const typo = await kam(['check', '-C', EXAMPLE, 'kestrel-retial']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('kam: no account "kestrel-retial"; did you mean "kestrel-retail"? (name an account by its id, its file or its name; "kam score" lists them)\n');
    expect(one.code).toBe(1);

    const fromPlans = await kamJson(['check', ...TODAY, '-f', 'json', 'vantor-pharma.yaml', '../accounts/ridgeline-power.yaml'], { cwd: join(EXAMPLE, 'plans') });
    expect([...new Set(fromPlans.json.findings.map((f: Finding) => f.rule))].sort()).toEqual(['action_without_due', 'missing_plan', 'no_decision_maker', 'unanswered_question']);

    const accounts = await kamJson(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json', 'accounts']);
    expect(accounts.json.findings.every((f: Finding) => f.file.startsWith('accounts/'))).toBe(true);
    // The missing plan is found although no plan file is in the report.
    expect(accounts.json.findings.some((f: Finding) => f.rule === 'missing_plan')).toBe(true);
    expect(accounts.json.completeness).toEqual({});
  });

  it('--max-findings caps the listing but not the summary', async () => {
    const json = (await kamJson(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json', '--max-findings', '3'])).json;
    expect(json.findings).toHaveLength(3);
    expect(json.summary.errors + json.summary.warnings).toBe(102);
    expect(json.truncated).toBe(99);
    const stylish = await kam(['check', '-C', EXAMPLE, ...TODAY, '--max-findings', '3']);
    // Rows, errors first: both errors are listed before any reminder, and the cap says what it hid.
    expect(stylishRows(stylish.stdout).filter((l) => l.includes('  error  '))).toHaveLength(2);
    expect(stylish.stdout).toContain('… 90 more findings not shown (0 errors, 90 warnings); raise --max-findings to see them');
    expect(stylish.stdout).toContain('✖ 102 problems');
    expect(stylish.code).toBe(1);
  });

  it('-o writes the report to a file instead of stdout, without colour', async () => {
    const dir = makeRepo({});
    const run = await kam(['check', '-C', EXAMPLE, ...TODAY, '-o', 'out/report.txt', '--color'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const report = readFileSync(join(dir, 'out/report.txt'), 'utf8');
    expect(report).toContain('✖ 102 problems');
    expect(report).not.toContain('\u001b[');
    const json = await kam(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json', '--output', 'r.json'], { cwd: dir });
    expect(json.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).summary.errors).toBe(2);
  });

  it('-o into a folder that cannot be written is an I/O error (exit 2)', async () => {
    const dir = makeRepo({ 'taken/file': 'x' });
    const run = await kam(['check', '-C', EXAMPLE, '-o', 'taken'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kam: cannot write the report to taken \(/);
    expect(existsSync(join(dir, 'taken/file'))).toBe(true);
  });

  it('colours stylish output only when asked or on a TTY', async () => {
    const plain = await kam(['check', '-C', EXAMPLE, ...TODAY]);
    expect(plain.stdout).not.toContain('\u001b[');
    const colored = await kam(['check', '-C', EXAMPLE, ...TODAY], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(colored.stdout).toContain('\u001b[31merror');
  });
});
