import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { annotationRows, github } from '../../../src/cli/format/findings/github.js';
import { gitlab } from '../../../src/cli/format/findings/gitlab.js';
import { rowMessage, rowsOf } from '../../../src/cli/format/findings/group.js';
import { stepSummaryMarkdown } from '../../../src/cli/format/findings/stepSummary.js';
import { stylish } from '../../../src/cli/format/findings/stylish.js';
import type { FindingsReport } from '../../../src/cli/format/findings/types.js';
import { compareFindings, type Finding } from '../../../src/findings/finding.js';
import { makeFinding } from '../../../src/findings/makeFinding.js';
import { RULES_BY_ID } from '../../../src/check/registry.js';
import { summarize } from '../../../src/findings/severity.js';

const at = (file: string, line: number, path: (string | number)[] = []) => ({ file, account: /\/([^/]+)\.yaml$/.exec(file)![1]!, line, column: 3, path });
const question = (file: string, id: string, line = 40) => makeFinding(RULES_BY_ID.unanswered_question, at(file, line, ['answers', id]), `unanswered: ${id}?`, { question: id });
const role = (file: string, id: string) => makeFinding(RULES_BY_ID.missing_role, at(file, 7, ['team']), `no one is ${id}`, { role: id });
const owner = (file: string, line: number, i: number) => makeFinding(RULES_BY_ID.action_without_owner, at(file, line, ['actions', i, 'owner']), `action ${i} has no owner`);
const overdue = (file: string, line: number, i: number) => makeFinding(RULES_BY_ID.action_overdue, at(file, line, ['actions', i, 'due']), `action ${i} is overdue`);

function report(findings: Finding[], extra: Partial<FindingsReport> = {}): FindingsReport {
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
    const out = stylish(report([...warningsOnly, owner('plans/z-last.yaml', 3, 0)], { maxRows: 2 }));
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
    const out = stylish(report(PLAN_A, { verbose: true, notes: ['3 findings that already existed at main left out (--since)'] }));
    expect(out.split('\n').filter((l) => / {2}(error|warning) {2}/.test(l))).toHaveLength(PLAN_A.length);
    expect(out).toMatch(/left out \(--since\)\n✖ 10 problems/);
  });

  it('ends with a tally per rule, errors first', () => {
    const out = stylish(report(PLAN_A));
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
    const out = github(report(many)).trimEnd().split('\n');
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
    expect(github(report(PLAN_A))).not.toContain('::notice');
  });
});

describe('GitHub step summary', () => {
  it('lists every finding, and stays under its byte limit with a note when they do not fit', () => {
    const findings = Array.from({ length: 400 }, (_, i) => overdue(`plans/p${i}.yaml`, 5, 0));
    const full = stepSummaryMarkdown(report(findings));
    expect(full.split('\n').filter((l) => l.startsWith('| plans/'))).toHaveLength(400);
    const cut = stepSummaryMarkdown(report(findings), 10_000);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(10_000);
    const listed = cut.split('\n').filter((l) => l.startsWith('| plans/')).length;
    expect(listed).toBeGreaterThan(10);
    expect(cut).toContain(`${400 - listed} more findings did not fit in GitHub's 1 MiB summary`);
    expect(cut.trimEnd().endsWith('</details>')).toBe(true);
  });

  it('escapes user text in table cells', () => {
    const f = makeFinding(RULES_BY_ID.action_overdue, at('plans/a.yaml', 3), 'a | b <img src=x> `c`\nd');
    expect(stepSummaryMarkdown(report([f]))).toContain('| a \\| b &lt;img src=x&gt; \\`c\\`<br>d |'); // util/markdown.ts escapeMarkdown
  });
});

describe('gitlab code quality', () => {
  it('fingerprints are unique, and the same when a finding only moved or was reworded', () => {
    const twice = [question('plans/a.yaml', 'trends.a'), question('plans/a.yaml', 'trends.a')];
    const issues = JSON.parse(gitlab(report([...PLAN_A, ...twice])));
    expect(new Set(issues.map((i: any) => i.fingerprint)).size).toBe(issues.length);
    const moved = PLAN_A.map((f) => ({ ...f, line: f.line + 10, message: `${f.message} (reworded)` }));
    const again = JSON.parse(gitlab(report(moved)));
    expect(again.map((i: any) => i.fingerprint).sort()).toEqual(JSON.parse(gitlab(report(PLAN_A))).map((i: any) => i.fingerprint).sort());
  });
});
