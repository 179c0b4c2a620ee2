import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { json as diffJson } from '../../../../src/cli/format/diff/json.js';
import { table as diffTable } from '../../../../src/cli/format/diff/table.js';
import { importFormatters } from '../../../../src/cli/format/import.js';
import { makeFinding } from '../../../../src/findings/makeFinding.js';
import type { AccountChange, DiffResult } from '../../../../src/git/diff.js';
import type { ImportReport } from '../../../../src/import/importAccounts.js';

const chalk = new Chalk({ level: 0 });
const state = (score: number | null, tier: string | null, completeness: number | null) => ({ score, tier, quadrant: 'Strategic', completeness, health: null, band: null });

/** A synthetic diff: one account changed (a finding resolved, one new), one added. */
function diffFixture(): DiffResult {
  const where = { file: 'plans/acme.yaml', account: 'acme', line: 4, column: 3, path: ['answers', 'basics.goal'] };
  const changed: AccountChange = {
    id: 'acme',
    kind: 'changed',
    before: state(50, 'Tier 3', 50),
    after: state(80, 'Tier 1', 100),
    findings: {
      new: [makeFinding('action_overdue', { ...where, line: 9, path: ['actions', 0, 'due'] }, 'action "Call" was due 2026-01-01')],
      resolved: [makeFinding('unanswered_question', where, 'unanswered: What is their main goal? (basics.goal)', { question: 'basics.goal' })],
    },
  };
  const added: AccountChange = { id: 'beta', kind: 'added', before: null, after: state(70, 'Tier 2', null), findings: { new: [], resolved: [] } };
  return { base: 'main', head: 'worktree', changes: [changed, added] };
}

describe('diff table', () => {
  it('lists changed accounts with arrows and deltas, then their new (+) and resolved (-) findings', () => {
    const out = diffTable({ diff: diffFixture(), chalk });
    expect(out.split('\n')[0]).toBe('kam diff main → worktree: 2 accounts changed: 1 added, 1 changed');
    expect(out).toContain('│ acme    │ changed │ 50.0 → 80.0 (+30.0) │ Tier 3 → Tier 1 │ Strategic │ 50% → 100% (+50) │ 1 new, 1 resolved │');
    expect(out).toContain('  + plans/acme.yaml:9:3  warning  action "Call" was due 2026-01-01  action_overdue');
    expect(out).toContain('  - plans/acme.yaml:4:3  warning  unanswered: What is their main goal? (basics.goal)  unanswered_question');
    expect(out).toMatch(/beta\s*│\s*added/);
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

  it('table: one line per row led by file.csv:line, what was not imported, a summary', () => {
    const out = importFormatters.table({ report, root: '/repo', cwd: '/repo', chalk });
    const lines = out.split('\n');
    expect(lines[0]).toBe('crm.csv:2  created    accounts/acme.yaml');
    expect(lines[1]).toBe('crm.csv:3  updated    accounts/beta.yaml  (ratings.fit, manager)');
    expect(lines[2]).toBe('crm.csv:4  rejected   "ratings.fit" must be from 1 to 5 (column "Fit": 9)');
    expect(out).toContain('not imported: "Notes"');
    expect(out).toMatch(/1 created/);
  });

  it('json: snake_case keys, rows as they are', () => {
    const out = JSON.parse(importFormatters.json({ report, root: '/repo', cwd: '/repo', chalk }));
    expect(Object.keys(out)).toEqual(['source', 'delimiter', 'dry_run', 'rows', 'summary', 'unmapped_columns', 'absent_columns']);
    expect(out.rows).toEqual(report.rows);
    expect(out.unmapped_columns).toEqual(['Notes']);
  });
});
