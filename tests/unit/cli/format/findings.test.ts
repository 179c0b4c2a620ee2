import { Chalk } from 'chalk';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { annotationRows, github } from '../../../../src/cli/format/findings/github.js';
import { json } from '../../../../src/cli/format/findings/json.js';
import { gitlab } from '../../../../src/cli/format/findings/gitlab.js';
import { rowMessage, rowsOf } from '../../../../src/cli/format/findings/group.js';
import { stepSummaryMarkdown } from '../../../../src/cli/format/findings/stepSummary.js';
import type { FindingsReport } from '../../../../src/cli/format/findings/types.js';
import { compareFindings, type Finding } from '../../../../src/findings/finding.js';
import { junit } from '../../../../src/cli/format/findings/junit.js';
import { sarif } from '../../../../src/cli/format/findings/sarif.js';
import { stylish } from '../../../../src/cli/format/findings/stylish.js';
import type { Completeness } from '../../../../src/plan/completeness.js';
import { makeFinding } from '../../../../src/findings/makeFinding.js';
import { RULES_BY_ID } from '../../../../src/check/registry.js';
import { summarize } from '../../../../src/findings/severity.js';
import { RULE_IDS } from '../../../../src/schema/rules.js';
import { findingsFixture, findingsReport } from './fixtures.js';

const completeness: Record<string, Completeness> = {
  acme: {
    answered: 1, not_applicable: 0, unanswered: 1, total: 2, percent: 50,
    categories: [{ id: 'basics', title: 'Basics', answered: 1, not_applicable: 0, unanswered: 1, total: 2, percent: 50, open: ['basics.goal'] }],
  },
};
const clean = () => findingsReport({ findings: [], summary: summarize([], 2, 1) });

/** Three open questions of acme's plan (two of one category), after the fixture's findings. */
const questions = () => [
  makeFinding(RULES_BY_ID.unanswered_question, { file: 'plans/acme.yaml', account: 'acme', line: 20, column: 3, path: ['answers', 'basics.goal'] }, 'unanswered: basics.goal', { question: 'basics.goal' }),
  makeFinding(RULES_BY_ID.unanswered_question, { file: 'plans/acme.yaml', account: 'acme', line: 21, column: 3, path: ['answers', 'basics.why'] }, 'unanswered: basics.why', { question: 'basics.why' }),
  makeFinding(RULES_BY_ID.unanswered_question, { file: 'plans/acme.yaml', account: 'acme', line: 30, column: 3, path: ['answers', 'needs.budget'] }, 'unanswered: needs.budget', { question: 'needs.budget' }),
];

describe('stylish', () => {
  it('groups findings under a header per file with line:col, severity, message and rule rows, then a tally per rule and the summary', () => {
    expect(stylish(findingsReport())).toBe(
      [
        'plans/acme.yaml',
        '  12:5  error    action "Ship <v2> & co, 100%" has no owner; add owner: <name>  action_without_owner',
        '  3:1   warning  no one on the team has the role "sponsor"  missing_role',
        '',
        'kam.yaml',
        '  1:1  warning  13 key accounts, more than 12  too_many_key_accounts',
        '',
        'Findings by rule',
        '  action_without_owner   1 error',
        '  missing_role           1 warning',
        '  too_many_key_accounts  1 warning',
        '',
        '✖ 3 problems (1 error, 2 warnings) in 2 accounts, 1 plan',
        '',
      ].join('\n'),
    );
  });

  it('lists files with an error first and, in each file, errors before warnings', () => {
    const lines = stylish(findingsReport({ findings: findingsFixture().reverse() })).split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'plans/acme.yaml',
      '  12:5  error    action "Ship <v2> & co, 100%" has no owner; add owner: <name>  action_without_owner',
      '  3:1   warning  no one on the team has the role "sponsor"  missing_role',
      '',
      'kam.yaml',
      '  1:1  warning  13 key accounts, more than 12  too_many_key_accounts',
    ]);
  });

  it("makes a plan's open questions one row at the first of them, by checklist category, and counts each in the tally and summary", () => {
    const findings = [...findingsFixture(), ...questions()];
    const out = stylish(findingsReport({ findings, summary: summarize(findings, 2, 1) }));
    expect(out.split('\n').slice(0, 4)).toEqual([
      'plans/acme.yaml',
      '  12:5  error    action "Ship <v2> & co, 100%" has no owner; add owner: <name>  action_without_owner',
      '  3:1   warning  no one on the team has the role "sponsor"  missing_role',
      '  20:3  warning  3 questions open: basics (2), needs.budget  unanswered_question',
    ]);
    expect(out).toContain('\n  unanswered_question    3 warnings\n');
    expect(out).toContain('\n✖ 6 problems (1 error, 5 warnings) in 2 accounts, 1 plan\n');
  });

  it('prints paths relative to the working folder, so a terminal can open them', () => {
    const lines = stylish(findingsReport({ cwd: '/repo/plans' })).split('\n');
    expect(lines[0]).toBe('acme.yaml');
    expect(lines[4]).toBe('../kam.yaml');
  });

  it('shows completeness per account and says how many findings --max-findings left out', () => {
    const out = stylish(findingsReport({ completeness, truncated: 4 }));
    expect(out).toContain('\n\n… 4 more findings not shown; raise --max-findings to see them\n\nFindings by rule\n');
    expect(out).toContain('\n\nChecklist completeness (answered or not applicable)\n  acme     50%  1 answered, 0 n/a, 1 open of 2  (basics 1/2)\n\n✖ 3 problems');
  });

  it('is one green line when there is nothing to report, and colours only when asked', () => {
    expect(stylish(clean())).toBe('✔ no problems (2 accounts, 1 plan)\n');
    expect(stylish(findingsReport())).not.toContain('\u001b[');
    expect(stylish(findingsReport({ chalk: new Chalk({ level: 1 }) }))).toContain('\u001b[31m');
  });
});

describe('json', () => {
  it('prints version 1 of the findings report: findings with their YAML path, summary, optional completeness and truncated', () => {
    const out = JSON.parse(json(findingsReport()));
    expect(Object.keys(out)).toEqual(['findings', 'summary']);
    expect(out.summary).toEqual({ errors: 1, warnings: 2, accounts: 2, plans: 1 });
    expect(out.findings[0]).toEqual({
      rule: 'action_without_owner', severity: 'error', account: 'acme', file: 'plans/acme.yaml', line: 12, column: 5,
      message: 'action "Ship <v2> & co, 100%" has no owner; add owner: <name>', path: ['actions', 1, 'owner'],
    });
    expect(out.findings[1]).toMatchObject({ role: 'sponsor', path: ['team'] });
    expect(out.findings[2]).toMatchObject({ account: null, path: [] });
    const more = JSON.parse(json(findingsReport({ completeness, truncated: 2 })));
    expect(more.completeness).toEqual(completeness);
    expect(more.truncated).toBe(2);
  });
});

describe('github', () => {
  it('writes one workflow annotation per finding, escaping what the command syntax reserves, then a summary line', () => {
    const lines = github(findingsReport()).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=plans/acme.yaml,line=12,col=5,title=kam action_without_owner::action "Ship <v2> & co, 100%25" has no owner; add owner: <name>',
      '::warning file=plans/acme.yaml,line=3,col=1,title=kam missing_role::no one on the team has the role "sponsor"',
      '::warning file=kam.yaml,line=1,col=1,title=kam too_many_key_accounts::13 key accounts, more than 12',
      'kam: 1 error, 2 warnings in 2 accounts, 1 plan',
    ]);
  });

  it('annotates errors first, then the warnings in the order they come', () => {
    const lines = github(findingsReport({ findings: findingsFixture().reverse() })).trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, l.indexOf(','))).slice(0, 3)).toEqual([
      '::error file=plans/acme.yaml',
      '::warning file=kam.yaml',
      '::warning file=plans/acme.yaml',
    ]);
  });

  it("makes a plan's open questions one annotation at the first of them", () => {
    const findings = questions();
    const lines = github(findingsReport({ findings, summary: summarize(findings, 1, 1) })).trimEnd().split('\n');
    expect(lines).toEqual([
      '::warning file=plans/acme.yaml,line=20,col=3,title=kam unanswered_question::3 questions open: basics (2), needs.budget',
      'kam: 0 errors, 3 warnings in 1 account, 1 plan',
    ]);
  });

  it("keeps to GitHub's 10 errors per step: the rest go to the log, and a final notice says so", () => {
    const findings = Array.from({ length: 11 }, (_, i) =>
      makeFinding(RULES_BY_ID.action_without_owner, { file: 'plans/acme.yaml', account: 'acme', line: i + 1, column: 3, path: ['actions', i, 'owner'] }, `action ${i} has no owner`),
    );
    const lines = github(findingsReport({ findings, summary: summarize(findings, 1, 1) })).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines.slice(10)).toEqual([
      'kam: 1 more finding, beyond what GitHub shows as annotations:',
      'plans/acme.yaml:11:3  error  action 10 has no owner  action_without_owner',
      'kam: 11 errors, 0 warnings in 1 account, 1 plan',
      "::notice title=kam%3A more findings::1 more finding than GitHub shows as annotations (10 errors and 10 warnings per step): every finding is listed in this step's log and in the job summary; run kam check locally for the full report",
    ]);
  });

  it('prints no line that starts with :: but the commands it writes, whatever the file names (overflow log lines)', () => {
    // One file name forges commands after its line breaks; another starts with :: when kam runs inside plans/.
    const files = ['plans/zz\n::error file=kam.yaml,line=1::FORGED\n::add-mask::secret\n.yaml', 'plans/::warning::FORGED.yaml', 'plans/ \u2028::error::FORGED.yaml'];
    const findings = Array.from({ length: 36 }, (_, i) =>
      makeFinding(i % 2 ? RULES_BY_ID.action_without_owner : RULES_BY_ID.missing_role, { file: files[i % 3]!, account: 'acme', line: i + 1, column: 3, path: ['actions', i, 'owner'] }, `action ${i} has no owner`),
    );
    const own = /^(::(error|warning) file=[^\n]*,line=\d+,col=\d+,title=kam [a-z_]+::|::notice title=kam%3A more findings::)/;
    for (const cwd of ['/repo', '/repo/plans']) {
      const lines = github(findingsReport({ findings, cwd, summary: summarize(findings, 1, 3) })).trimEnd().split(/\r\n|\r|\n/);
      expect(lines.filter((l) => own.test(l))).toHaveLength(14); // 10 errors, 3 warnings (missing roles grouped), the notice
      for (const line of lines) if (/^\s*::/.test(line)) expect(line).toMatch(own);
      expect(lines.some((l) => l.includes('%0A::error file=kam.yaml,line=1::FORGED%0A::add-mask::secret%0A.yaml:'))).toBe(true);
    }
  });

  it('keeps a message on one line: line breaks are escaped', () => {
    const [finding] = findingsFixture();
    const out = github(findingsReport({ findings: [{ ...finding!, message: 'one\ntwo\rthree' }] }));
    expect(out.split('\n')[0]).toContain('one%0Atwo%0Dthree');
  });
});

describe('junit', () => {
  const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml);
  const report = () => findingsReport({ accounts: ['acme', 'beta'], rules: ['action_without_owner', 'missing_role', 'too_many_key_accounts', 'schema'] });

  it('makes a suite per account (and one for the portfolio) with a test case per rule; an error fails its test case', () => {
    const xml = junit(report());
    const doc = parse(xml);
    expect(doc.testsuites).toMatchObject({ name: 'kam check', tests: '7', failures: '1' });
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual(['acme', 'beta', '(portfolio)']);
    expect(suites.map((s: { failures: string }) => s.failures)).toEqual(['1', '0', '0']);
    const acme = suites[0].testcase;
    expect(acme.map((c: { name: string }) => c.name)).toEqual(['action_without_owner', 'missing_role', 'schema']);
    expect(acme[0].failure).toMatchObject({ type: 'error', message: '1 problem: action "Ship <v2> & co, 100%" has no owner; add owner: <name>' });
    expect(acme[0].failure['#text']).toBe('plans/acme.yaml:12:5 error action "Ship <v2> & co, 100%" has no owner; add owner: <name>');
    expect(acme[2].failure).toBeUndefined();
    expect(xml).not.toContain('<v2>'); // escaped, never markup
  });

  it('passes a test case that found only warnings, with the warnings as its <system-out>', () => {
    const suites = parse(junit(report())).testsuites.testsuite;
    expect(suites[0].testcase[1]).toEqual({ classname: 'acme', name: 'missing_role', file: 'plans/acme.yaml', 'system-out': 'plans/acme.yaml:3:1 warning no one on the team has the role "sponsor"' });
    expect(suites[2].testcase).toEqual([{ classname: '(portfolio)', name: 'too_many_key_accounts', file: 'kam.yaml', 'system-out': 'kam.yaml:1:1 warning 13 key accounts, more than 12' }]);
  });
});

describe('sarif', () => {
  it('describes every rule once and reports each finding as a located result', () => {
    const log = JSON.parse(sarif(findingsReport()));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('kam');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([...RULE_IDS]));
    expect(run.results).toHaveLength(3);
    const [first] = run.results;
    expect(first).toMatchObject({
      ruleId: 'action_without_owner',
      level: 'error',
      message: { text: 'action "Ship <v2> & co, 100%" has no owner; add owner: <name>' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'plans/acme.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, startColumn: 5 } } }],
      properties: { account: 'acme' },
    });
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe('action_without_owner');
    expect(JSON.parse(sarif(clean())).runs[0].results).toEqual([]);
  });
});

// Merged from tests/unit/cli/findingsFormat.test.ts: a plan with many findings of several rules.
describe('many findings: rows, caps, the step summary and fingerprints', () => {
  const at = (file: string, line: number, path: (string | number)[] = []) => ({ file, account: /\/([^/]+)\.yaml$/.exec(file)![1]!, line, column: 3, path });
  const question = (file: string, id: string, line = 40) => makeFinding(RULES_BY_ID.unanswered_question, at(file, line, ['answers', id]), `unanswered: ${id}?`, { question: id });
  const role = (file: string, id: string) => makeFinding(RULES_BY_ID.missing_role, at(file, 7, ['team']), `no one is ${id}`, { role: id });
  const owner = (file: string, line: number, i: number) => makeFinding(RULES_BY_ID.action_without_owner, at(file, line, ['actions', i, 'owner']), `action ${i} has no owner`);
  const overdue = (file: string, line: number, i: number) => makeFinding(RULES_BY_ID.action_overdue, at(file, line, ['actions', i, 'due']), `action ${i} is overdue`);

  function planReport(findings: Finding[], extra: Partial<FindingsReport> = {}): FindingsReport {
    const sorted = [...findings].sort(compareFindings);
    return { findings: sorted, summary: summarize(sorted, 3, 3), root: '/repo', cwd: '/repo', chalk: new Chalk({ level: 0 }), ...extra };
  }

  const PLAN_A = [
    ...['trends.a', 'trends.b', 'trends.c', 'needs.budget_cycle', 'value.x', 'value.y'].map((id, i) => question('plans/a.yaml', id, 40 + i)),
    role('plans/a.yaml', 'sponsor'),
    role('plans/a.yaml', 'lead'),
    overdue('plans/a.yaml', 90, 0),
    owner('plans/a.yaml', 95, 1),
  ];

  describe('grouping findings into rows', () => {
    it("makes a plan's open questions one row and its missing roles another, errors first", () => {
      const rows = rowsOf(PLAN_A);
      expect(rows.map((r) => [r.rule, r.findings.length, r.line])).toEqual([
        ['action_without_owner', 1, 95],
        ['missing_role', 2, 7],
        ['unanswered_question', 6, 40],
        ['action_overdue', 1, 90],
      ]);
      expect(rowMessage(rows[2]!)).toBe('6 questions open: trends (3), needs.budget_cycle, value (2)');
      expect(rowMessage(rows[1]!)).toBe('2 roles missing on the account team: sponsor, lead');
      expect(rowMessage(rows[2]!, 40)).toBe('6 questions open: trends (3), …');
      expect(rowsOf(PLAN_A, { all: true })).toHaveLength(PLAN_A.length);
    });

    it('keeps a lone question its own message', () => {
      const rows = rowsOf([question('plans/a.yaml', 'trends.a')]);
      expect(rowMessage(rows[0]!)).toBe('unanswered: trends.a?');
    });
  });

  describe('stylish', () => {
    it('puts files with errors first and never lets the cap hide an error behind reminders', () => {
      const warningsOnly = Array.from({ length: 5 }, (_, i) => overdue('plans/a-first.yaml', 10 + i, i));
      const out = stylish(planReport([...warningsOnly, owner('plans/z-last.yaml', 3, 0)], { maxRows: 2 }));
      expect(out.split('\n').slice(0, 5)).toEqual([
        'plans/z-last.yaml',
        '  3:3  error    action 0 has no owner  action_without_owner',
        '',
        'plans/a-first.yaml',
        '  10:3  warning  action 0 is overdue  action_overdue',
      ]);
      expect(out).toContain('… 4 more findings not shown (0 errors, 4 warnings); raise --max-findings to see them');
      expect(out).toContain('✖ 6 problems (1 error, 5 warnings) in 3 accounts, 3 plans');
    });

    it('--verbose lists every finding; notes come before the summary', () => {
      const out = stylish(planReport(PLAN_A, { verbose: true, notes: ['3 findings that already existed at main left out (--since)'] }));
      expect(out.split('\n').filter((l) => / {2}(error|warning) {2}/.test(l))).toHaveLength(PLAN_A.length);
      expect(out).toMatch(/left out \(--since\)\n✖ 10 problems/);
    });

    it('ends with a tally per rule, errors first', () => {
      const out = stylish(planReport(PLAN_A));
      expect(out).toContain('Findings by rule\n  action_without_owner  1 error\n  unanswered_question   6 warnings\n  missing_role          2 warnings\n  action_overdue        1 warning\n');
    });
  });

  describe('github annotations', () => {
    const many = [
      ...Array.from({ length: 12 }, (_, i) => overdue(`plans/p${String(i).padStart(2, '0')}.yaml`, 5, 0)),
      ...Array.from({ length: 12 }, (_, i) => owner(`plans/p${String(i).padStart(2, '0')}.yaml`, 9, 1)),
      ...PLAN_A,
    ];

    it('shows at most 10 errors and 10 warnings, errors first, the rest in the log and a final notice', () => {
      const out = github(planReport(many)).trimEnd().split('\n');
      const errors = out.filter((l) => l.startsWith('::error '));
      const warnings = out.filter((l) => l.startsWith('::warning '));
      expect(errors).toHaveLength(10);
      expect(warnings).toHaveLength(10);
      expect(out.findIndex((l) => l.startsWith('::warning'))).toBeGreaterThan(out.map((l) => l.startsWith('::error')).lastIndexOf(true));
      // 13 error rows and 15 warning rows (plan a's 6 questions and 2 roles are one each): 3 + 5 are left to the log.
      expect(out).toContain('kam: 8 more findings, beyond what GitHub shows as annotations:');
      expect(out.at(-1)).toBe('::notice title=kam%3A more findings::8 more findings than GitHub shows as annotations (10 errors and 10 warnings per step): every finding is listed in this step\'s log and in the job summary; run kam check locally for the full report');
    });

    it('puts findings in changed files first within each severity', () => {
      const rows = annotationRows([...many].sort(compareFindings), new Set(['plans/p11.yaml']));
      expect(rows[0]).toMatchObject({ file: 'plans/p11.yaml', severity: 'error' });
      const firstWarning = rows.findIndex((r) => r.severity === 'warning');
      expect(rows[firstWarning]).toMatchObject({ file: 'plans/p11.yaml' });
    });

    it('prints no notice when everything fits', () => {
      expect(github(planReport(PLAN_A))).not.toContain('::notice');
    });
  });

  describe('GitHub step summary', () => {
    it('lists every finding, and stays under its byte limit with a note when they do not fit', () => {
      const findings = Array.from({ length: 400 }, (_, i) => overdue(`plans/p${i}.yaml`, 5, 0));
      const full = stepSummaryMarkdown(planReport(findings));
      expect(full.split('\n').filter((l) => l.startsWith('| plans/'))).toHaveLength(400);
      const cut = stepSummaryMarkdown(planReport(findings), 10_000);
      expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(10_000);
      const listed = cut.split('\n').filter((l) => l.startsWith('| plans/')).length;
      expect(listed).toBeGreaterThan(10);
      expect(cut).toContain(`${400 - listed} more findings did not fit in GitHub's 1 MiB summary`);
      expect(cut.trimEnd().endsWith('</details>')).toBe(true);
    });

    it('escapes user text in table cells', () => {
      const f = makeFinding(RULES_BY_ID.action_overdue, at('plans/a.yaml', 3), 'a | b <img src=x> `c`\nd');
      expect(stepSummaryMarkdown(planReport([f]))).toContain('| a \\| b &lt;img src=x&gt; \\`c\\`<br>d |'); // util/markdown.ts escapeMarkdown
    });
  });

  describe('gitlab code quality', () => {
    it('fingerprints are unique, and the same when a finding only moved or was reworded', () => {
      const twice = [question('plans/a.yaml', 'trends.a'), question('plans/a.yaml', 'trends.a')];
      const issues = JSON.parse(gitlab(planReport([...PLAN_A, ...twice])));
      expect(new Set(issues.map((i: any) => i.fingerprint)).size).toBe(issues.length);
      const moved = PLAN_A.map((f) => ({ ...f, line: f.line + 10, message: `${f.message} (reworded)` }));
      const again = JSON.parse(gitlab(planReport(moved)));
      expect(again.map((i: any) => i.fingerprint).sort()).toEqual(JSON.parse(gitlab(planReport(PLAN_A))).map((i: any) => i.fingerprint).sort());
    });
  });
});
