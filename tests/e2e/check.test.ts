import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, runKam, runKamJson } from '../helpers/kam.js';
import { copyRepo, makeRepo, snapshotTree } from '../helpers/tmpRepo.js';

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
  const { code, json } = runKamJson<{ findings: Finding[]; summary: Record<string, number>; completeness: Record<string, any> }>(['check', '-C', EXAMPLE, ...TODAY, '--format', 'json']);

  it('exits 1 (two error findings) and changes nothing', () => {
    expect(code).toBe(1);
    expect(json.summary).toMatchObject({ errors: 2, accounts: 15, plans: 7 });
    expect(snapshotTree(EXAMPLE)).toEqual(before);
  });

  it('finds exactly the gaps the example README lists', () => {
    const gaps = json.findings
      .filter((f) => f.rule !== 'unanswered_question')
      .map((f) => [f.rule, f.account, f.role ?? f.criterion ?? f.manager ?? null, `${f.file}:${f.line}:${f.column}`]);
    expect(gaps).toEqual([
      ['unrated_criterion', 'brightwater-foods', 'relationship_strength', 'accounts/brightwater-foods.yaml:8:1'],
      ['manager_over_capacity', 'halvorsen-industrial', 'Dana Whitfield', 'accounts/halvorsen-industrial.yaml:5:10'],
      ['unrated_criterion', 'polaris-grid', null, 'accounts/polaris-grid.yaml:2:1'],
      ['missing_plan', 'ridgeline-power', null, 'accounts/ridgeline-power.yaml:3:1'],
      ['unrated_criterion', 'tasman-mutual', 'renewal_likelihood', 'accounts/tasman-mutual.yaml:7:1'],
      ['stale_plan', 'calloway-health', null, 'plans/calloway-health.yaml:5:16'],
      ['missing_role', 'calloway-health', 'innovator', 'plans/calloway-health.yaml:7:1'],
      ['missing_role', 'coralsea-telecom', 'collaborator', 'plans/coralsea-telecom.yaml:7:1'],
      ['missing_role', 'coralsea-telecom', 'project_manager', 'plans/coralsea-telecom.yaml:7:1'],
      ['missing_role', 'coralsea-telecom', 'innovator', 'plans/coralsea-telecom.yaml:7:1'],
      ['missing_role', 'coralsea-telecom', 'results_driver', 'plans/coralsea-telecom.yaml:7:1'],
      ['missing_role', 'halvorsen-industrial', 'innovator', 'plans/halvorsen-industrial.yaml:7:1'],
      ['missing_role', 'kestrel-retail', 'collaborator', 'plans/kestrel-retail.yaml:7:1'],
      ['action_overdue', 'kestrel-retail', null, 'plans/kestrel-retail.yaml:157:10'],
      ['action_without_owner', 'kestrel-retail', null, 'plans/kestrel-retail.yaml:159:5'],
      ['no_decision_maker', 'vantor-pharma', null, 'plans/vantor-pharma.yaml:14:1'],
      ['action_without_due', 'vantor-pharma', null, 'plans/vantor-pharma.yaml:123:5'],
    ]);
    const dana = json.findings.find((f) => f.rule === 'manager_over_capacity')!;
    expect(dana.message).toContain('5 tiered accounts');
    expect(dana.message).toContain('is 4');
  });

  it('reports unanswered questions in every plan but the two complete ones, including a null answer', () => {
    const plans = new Set(json.findings.filter((f) => f.rule === 'unanswered_question').map((f) => f.account));
    expect([...plans].sort()).toEqual(['calloway-health', 'coralsea-telecom', 'halvorsen-industrial', 'kestrel-retail', 'vantor-pharma']);
    expect(json.findings).toContainEqual(expect.objectContaining({
      rule: 'unanswered_question', account: 'coralsea-telecom', question: 'their_team.economic_buyer', line: 46, column: 3,
    }));
    expect(json.summary.warnings).toBe(json.findings.filter((f) => f.severity === 'warning').length);
  });

  it('prints completeness per account and category in JSON', () => {
    expect(Object.keys(json.completeness).sort()).toEqual(['banco-austral', 'calloway-health', 'coralsea-telecom', 'halvorsen-industrial', 'kestrel-retail', 'meridian-freight', 'vantor-pharma']);
    expect(json.completeness['coralsea-telecom']).toMatchObject({ answered: 12, not_applicable: 0, unanswered: 45, total: 57, percent: 21.1 });
    expect(json.completeness['banco-austral']).toMatchObject({ answered: 55, not_applicable: 2, unanswered: 0, percent: 100 });
    const value = json.completeness['coralsea-telecom'].categories.find((c: any) => c.id === 'value');
    expect(value).toMatchObject({ answered: 0, unanswered: 7, total: 7, percent: 0 });
  });

  it('shows findings, completeness and the summary in stylish output', () => {
    const run = runKam(['check', ...TODAY], { cwd: EXAMPLE });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  plans/kestrel-retail.yaml:159:5  error    action "Hire or assign a customer success manager for the account" has no owner; add owner: <name>  action_without_owner\n');
    expect(run.stdout).toMatch(/Checklist completeness[^\n]*\n(?:.*\n)*  coralsea-telecom +21\.1%  12 answered, 0 n\/a, 45 open of 57 {2}\(our_team 3\/7, .*value 0\/7/);
    expect(run.stdout).toMatch(/  meridian-freight +100%  57 answered, 0 n\/a, 0 open of 57\n/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`✖ ${json.findings.length} problems (2 errors, ${json.summary.warnings} warnings) in 15 accounts, 7 plans`);
  });
});

describe('kam check options', () => {
  it('--rule overrides kam.yaml and the defaults; exit 0 without errors', () => {
    const run = runKamJson(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json', '--rule', 'missing_plan=off', '--rule', 'action_without_owner=warning']);
    expect(run.code).toBe(0);
    expect(run.json.summary.errors).toBe(0);
    expect(run.json.findings.some((f: Finding) => f.rule === 'missing_plan')).toBe(false);
    expect(run.json.findings.find((f: Finding) => f.rule === 'action_without_owner').severity).toBe('warning');
  });

  it('kam.yaml rules: settings apply', () => {
    const repo = copyRepo(EXAMPLE);
    const cfg = join(repo, 'kam.yaml');
    const text = readFileSync(cfg, 'utf8').replace('  unrated_criterion: warning', '  unrated_criterion: error\n  unanswered_question: off');
    writeFileSync(cfg, text);
    const run = runKamJson(['check', '-C', repo, ...TODAY, '-f', 'json']);
    expect(run.json.summary.errors).toBe(5);
    expect(run.json.findings.some((f: Finding) => f.rule === 'unanswered_question')).toBe(false);
  });

  it('--max-warnings: warnings within the limit exit 0, more exit 1', () => {
    const repo = makeRepo({ 'accounts/a.yaml': 'name: A\nratings: { current_revenue: 1 }\n' });
    expect(runKam(['check', '-C', repo]).code).toBe(0);
    expect(runKam(['check', '-C', repo, '--max-warnings', '7']).code).toBe(0);
    const over = runKam(['check', '-C', repo, '--max-warnings', '6']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('kam: 7 warnings, more than --max-warnings 6 allows\n');
  });

  it('a clean repo exits 0 with a green summary', () => {
    const run = runKam(['check', '-C', makeRepo({})]);
    expect(run).toMatchObject({ code: 0, stdout: '✔ no problems (0 accounts, 0 plans)\n' });
  });

  it.each([
    [['--rule', 'stale_plam=off'], 'did you mean "stale_plan"?'],
    [['--rule', 'stale_plan=fatal'], '"fatal" is not a severity for stale_plan; use error, warning, off'],
    [['--rule', 'stale_plan'], 'write it as --rule <id>=<error|warning|off>'],
    [['--max-warnings', 'many'], '--max-warnings takes a whole number'],
    [['--today', '23/11/2026'], 'YYYY-MM-DD'],
    [['--format', 'xml'], 'xml'],
    [['no/such/file.yaml'], 'no/such/file.yaml: no such file or folder'],
  ])('usage error %j exits 2', (args, message) => {
    const run = runKam(['check', '-C', EXAMPLE, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('exits 2 without a plan repo or with an invalid kam.yaml', () => {
    const none = runKam(['check'], { cwd: makeRepo({}, { withConfig: false }) });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no kam.yaml found');
    const bad = runKam(['check', '-C', makeRepo({ 'kam.yaml': 'version: 2\n' })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('kam.yaml:1:');
  });

  it('paths... limit the report (relative to the repo or the working folder); rules still see the whole repo', () => {
    const one = runKamJson(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json', 'plans/kestrel-retail.yaml']);
    expect(new Set(one.json.findings.map((f: Finding) => f.file))).toEqual(new Set(['plans/kestrel-retail.yaml']));
    expect(Object.keys(one.json.completeness)).toEqual(['kestrel-retail']);
    // The summary counts what was checked: one plan, no account file.
    expect(one.json.summary).toMatchObject({ errors: 1, accounts: 0, plans: 1 });
    expect(runKam(['check', '-C', EXAMPLE, ...TODAY, 'plans/kestrel-retail.yaml']).stdout).toMatch(/in 0 accounts, 1 plan\n$/);
    // An account named by id or by name covers its account and plan files.
    for (const ref of ['kestrel-retail', 'Kestrel Retail Group', 'kestrel retail  GROUP']) {
      const byAccount = runKamJson(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json', ref]);
      expect(byAccount.json.summary, ref).toMatchObject({ accounts: 1, plans: 1 });
      expect(new Set(byAccount.json.findings.map((f: Finding) => f.account))).toEqual(new Set(['kestrel-retail']));
    }
    const typo = runKam(['check', '-C', EXAMPLE, 'kestrel-retial']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('kam: no account "kestrel-retial"; did you mean "kestrel-retail"? (name an account by its id, its file or its name; "kam score" lists them)\n');
    expect(one.code).toBe(1);

    const fromPlans = runKamJson(['check', ...TODAY, '-f', 'json', 'vantor-pharma.yaml', '../accounts/ridgeline-power.yaml'], { cwd: join(EXAMPLE, 'plans') });
    expect([...new Set(fromPlans.json.findings.map((f: Finding) => f.rule))].sort()).toEqual(['action_without_due', 'missing_plan', 'no_decision_maker', 'unanswered_question']);

    const accounts = runKamJson(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json', 'accounts']);
    expect(accounts.json.findings.every((f: Finding) => f.file.startsWith('accounts/'))).toBe(true);
    // The missing plan is found although no plan file is in the report.
    expect(accounts.json.findings.some((f: Finding) => f.rule === 'missing_plan')).toBe(true);
    expect(accounts.json.completeness).toEqual({});
  });

  it('--max-findings caps the listing but not the summary', () => {
    const json = runKamJson(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json', '--max-findings', '3']).json;
    expect(json.findings).toHaveLength(3);
    expect(json.summary.errors + json.summary.warnings).toBe(186);
    expect(json.truncated).toBe(183);
    const stylish = runKam(['check', '-C', EXAMPLE, ...TODAY, '--max-findings', '3']);
    expect(stylish.stdout).toContain('… 183 more findings not shown (raise --max-findings to see them)');
    expect(stylish.stdout).toContain('✖ 186 problems');
    expect(stylish.code).toBe(1);
  });

  it('-o writes the report to a file instead of stdout, without colour', () => {
    const dir = makeRepo({});
    const run = runKam(['check', '-C', EXAMPLE, ...TODAY, '-o', 'out/report.txt', '--color'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const report = readFileSync(join(dir, 'out/report.txt'), 'utf8');
    expect(report).toContain('✖ 186 problems');
    expect(report).not.toContain('\u001b[');
    const json = runKam(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json', '--output', 'r.json'], { cwd: dir });
    expect(json.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).summary.errors).toBe(2);
  });

  it('-o into a folder that cannot be written is an I/O error (exit 2)', () => {
    const dir = makeRepo({ 'taken/file': 'x' });
    const run = runKam(['check', '-C', EXAMPLE, '-o', 'taken'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kam: cannot write the report to taken \(/);
    expect(existsSync(join(dir, 'taken/file'))).toBe(true);
  });

  it('colours stylish output only when asked or on a TTY', () => {
    const plain = runKam(['check', '-C', EXAMPLE, ...TODAY]);
    expect(plain.stdout).not.toContain('\u001b[');
    const colored = runKam(['check', '-C', EXAMPLE, ...TODAY], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(colored.stdout).toContain('\u001b[31merror');
  });
});
