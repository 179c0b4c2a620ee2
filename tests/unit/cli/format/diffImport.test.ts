import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { json as diffJson } from '../../../../src/cli/format/diff/json.js';
import { table as diffTable } from '../../../../src/cli/format/diff/table.js';
import { importFormatters } from '../../../../src/cli/format/import.js';
import { makeFinding } from '../../../../src/findings/makeFinding.js';
import { RULES_BY_ID } from '../../../../src/check/registry.js';
import type { AccountChange } from '../../../../src/git/changes.js';
import type { DiffResult } from '../../../../src/git/diff.js';
import type { Band } from '../../../../src/health/health.js';
import type { ImportReport } from '../../../../src/import/importAccounts.js';

const chalk = new Chalk({ level: 0 });
const state = (score: number | null, tier: string | null, completeness: number | null, health: number | null = null, band: Band | null = null) => ({ score, tier, quadrant: 'Strategic', completeness, health, band });

/** A synthetic diff: one account changed (a finding resolved, one new, its plan gone from green to red), one added. */
function diffFixture(): DiffResult {
  const where = { file: 'plans/acme.yaml', account: 'acme', line: 4, column: 3, path: ['answers', 'basics.goal'] };
  const changed: AccountChange = {
    id: 'acme',
    kind: 'changed',
    before: state(50, 'Tier 3', 50, 72.5, 'green'),
    after: state(80, 'Tier 1', 100, 38, 'red'),
    findings: {
      new: [makeFinding(RULES_BY_ID.action_overdue, { ...where, line: 9, path: ['actions', 0, 'due'] }, 'action "Call" was due 2026-01-01')],
      resolved: [makeFinding(RULES_BY_ID.unanswered_question, where, 'unanswered: What is their main goal? (basics.goal)', { question: 'basics.goal' })],
    },
  };
  const added: AccountChange = { id: 'beta', kind: 'added', before: null, after: state(70, 'Tier 2', null, 81, 'green'), findings: { new: [], resolved: [] } };
  return { base: 'main', head: 'worktree', changes: [changed, added] };
}

describe('diff table', () => {
  it('lists changed accounts with arrows and deltas (health with its band), then their new (+) and resolved (-) findings', () => {
    const out = diffTable({ diff: diffFixture(), chalk });
    expect(out).toBe(
      [
        'kam diff main → worktree: 2 accounts changed: 1 added, 1 changed',
        '┌─────────┬─────────┬─────────────────────┬─────────────────┬───────────┬──────────────────┬───────────────────────────────┬───────────────────┐',
        '│ Account │ Change  │ Score               │ Tier            │ Quadrant  │ Checklist        │ Health                        │ Findings          │',
        '├─────────┼─────────┼─────────────────────┼─────────────────┼───────────┼──────────────────┼───────────────────────────────┼───────────────────┤',
        '│ acme    │ changed │ 50.0 → 80.0 (+30.0) │ Tier 3 → Tier 1 │ Strategic │ 50% → 100% (+50) │ 72.5 green → 38.0 red (-34.5) │ 1 new, 1 resolved │',
        '├─────────┼─────────┼─────────────────────┼─────────────────┼───────────┼──────────────────┼───────────────────────────────┼───────────────────┤',
        '│ beta    │ added   │ 70.0                │ Tier 2          │ Strategic │ –                │ 81.0 green                    │ –                 │',
        '└─────────┴─────────┴─────────────────────┴─────────────────┴───────────┴──────────────────┴───────────────────────────────┴───────────────────┘',
        '',
        'acme',
        '  + plans/acme.yaml:9:3  warning  action "Call" was due 2026-01-01  action_overdue',
        '  - plans/acme.yaml:4:3  warning  unanswered: What is their main goal? (basics.goal)  unanswered_question',
        '',
      ].join('\n'),
    );
  });

  it('shows a plan that went red in bold red, one that got better in green', () => {
    const colour = new Chalk({ level: 1 });
    expect(diffTable({ diff: diffFixture(), chalk: colour })).toContain(colour.bold.red('72.5 green → 38.0 red (-34.5)'));
    const [changed] = diffFixture().changes;
    const better = { ...changed!, before: changed!.after, after: changed!.before };
    expect(diffTable({ diff: { base: 'main', head: 'worktree', changes: [better] }, chalk: colour })).toContain(colour.green('38.0 red → 72.5 green (+34.5)'));
  });

  it('says so when nothing changed', () => {
    expect(diffTable({ diff: { base: 'a', head: 'b', changes: [] }, chalk })).toBe('kam diff a → b: no account changed\n');
  });
});

describe('diff json', () => {
  it('is { base, head, changes } exactly, findings with their YAML path', () => {
    const diff = diffFixture();
    const out = JSON.parse(diffJson({ diff, chalk }));
    expect(out).toEqual(JSON.parse(JSON.stringify(diff)));
    expect(out.changes[0].findings.resolved[0].path).toEqual(['answers', 'basics.goal']);
  });
});

describe('import formatters', () => {
  const report: ImportReport = {
    source: 'crm.csv',
    delimiter: ',',
    dryRun: false,
    rows: [
      { line: 2, status: 'created', id: 'acme', file: 'accounts/acme.yaml' },
      { line: 3, status: 'updated', id: 'beta', file: 'accounts/beta.yaml', changed: ['ratings.fit', 'manager'] },
      { line: 4, status: 'rejected', reason: '"ratings.fit" must be from 1 to 5 (column "Fit": 9)' },
    ],
    summary: { created: 1, updated: 1, unchanged: 0, skipped: 0, rejected: 1 },
    unmappedColumns: ['Notes'],
    absentColumns: [],
  };

  /** An update that renames the account in the CRM, with columns a CRM preset mapped. */
  const renamed: ImportReport = {
    ...report,
    preset: { id: 'hubspot', detected: true },
    rows: [{ line: 2, status: 'updated', id: 'acme', file: 'accounts/acme.yaml', changed: ['name'], renamed: { from: 'Acme', to: 'Acme Corp' } }],
    summary: { created: 0, updated: 1, unchanged: 0, skipped: 0, rejected: 0 },
    unmappedColumns: [],
  };

  it('table: one line per row led by file.csv:line, what was not imported, a summary', () => {
    const out = importFormatters.table({ report, root: '/repo', cwd: '/repo', chalk });
    expect(out.split('\n')).toEqual([
      'crm.csv:2  created    accounts/acme.yaml',
      'crm.csv:3  updated    accounts/beta.yaml  (ratings.fit, manager)',
      'crm.csv:4  rejected   "ratings.fit" must be from 1 to 5 (column "Fit": 9)',
      '',
      'not imported: "Notes" (map a column with --map "<column>=<field>", or to ignore)',
      '✖ 1 created, 1 updated, 0 unchanged, 0 skipped, 1 rejected (3 rows of crm.csv)',
      '',
    ]);
  });

  it('table: control characters from the CSV reach the terminal made visible, never raw', () => {
    const hostile: ImportReport = {
      ...report,
      rows: [{ line: 2, status: 'rejected', reason: 'column "Annual Revenue": "\u001b]0;pwned\u0007" is not a number kam reads' }],
      summary: { created: 0, updated: 0, unchanged: 0, skipped: 0, rejected: 1 },
      unmappedColumns: ['Notes\u001b[2J'],
    };
    const out = importFormatters.table({ report: hostile, root: '/repo', cwd: '/repo', chalk });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out).toContain('crm.csv:2  rejected   column "Annual Revenue": "\\x1b]0;pwned\\x07" is not a number kam reads');
    expect(out).toContain('not imported: "Notes\\x1b[2J"');
  });

  it('table: says which CRM preset mapped the columns, and what a rename in the CRM kept', () => {
    const out = importFormatters.table({ report: renamed, root: '/repo', cwd: '/repo', chalk });
    expect(out.split('\n')).toEqual([
      'columns of the hubspot export recognised from the header (docs/crm.md; --map overrides them)',
      'crm.csv:2  updated    accounts/acme.yaml  (name)  renamed: "Acme" -> "Acme Corp"',
      '',
      '✔ 0 created, 1 updated, 0 unchanged, 0 skipped, 0 rejected (1 row of crm.csv)',
      '1 renamed in the CRM: kept its file and id, changed the name',
      '',
    ]);
  });

  it('json: snake_case keys, rows as they are, preset null when no CRM preset mapped the columns', () => {
    const out = JSON.parse(importFormatters.json({ report, root: '/repo', cwd: '/repo', chalk }));
    expect(Object.keys(out)).toEqual(['source', 'delimiter', 'preset', 'dry_run', 'rows', 'summary', 'unmapped_columns', 'absent_columns']);
    expect(out).toMatchObject({ source: 'crm.csv', delimiter: ',', preset: null, dry_run: false, absent_columns: [] });
    expect(out.rows).toEqual(report.rows);
    expect(out.summary).toEqual(report.summary);
    expect(out.unmapped_columns).toEqual(['Notes']);
  });

  it('json: the CRM preset and a renamed row as they are', () => {
    const out = JSON.parse(importFormatters.json({ report: renamed, root: '/repo', cwd: '/repo', chalk }));
    expect(out.preset).toEqual({ id: 'hubspot', detected: true });
    expect(out.rows).toEqual([{ line: 2, status: 'updated', id: 'acme', file: 'accounts/acme.yaml', changed: ['name'], renamed: { from: 'Acme', to: 'Acme Corp' } }]);
  });
});
