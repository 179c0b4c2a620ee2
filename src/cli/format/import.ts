import type { ChalkInstance } from 'chalk';
import type { ImportReport, RowResult, RowStatus } from '../../import/importAccounts.js';
import { escapeControl } from '../../util/terminal.js';
import { displayPath } from './findings/stylish.js';
import { maxOf } from '../../util/lists.js';
import { plural } from '../../util/plural.js';

export interface ImportView {
  report: ImportReport;
  /** Absolute repo root: rows' `file` is relative to it. */
  root: string;
  cwd: string;
  chalk: ChalkInstance;
}

type ImportFormatter = (view: ImportView) => string;

/** One line per row, led by `file.csv:line` like a linter's findings, then a summary. */
const table: ImportFormatter = ({ report, root, cwd, chalk }) => {
  const paint: Record<RowStatus, (s: string) => string> = {
    created: chalk.green,
    updated: chalk.cyan,
    unchanged: chalk.dim,
    skipped: chalk.yellow,
    rejected: chalk.red,
  };
  // Every string from the CSV or the repo is shown with its control characters made visible.
  const where = report.rows.map((r) => `${escapeControl(report.source)}:${r.line}`);
  const width = maxOf(where.map((w) => w.length), 0);
  const lines = report.rows.map((row, i) => `${where[i]!.padEnd(width)}  ${paint[row.status](row.status.padEnd(9))}  ${escapeControl(detail(row, root, cwd))}`);
  if (report.preset) lines.unshift(chalk.dim(`columns of the ${report.preset.id} export ${report.preset.detected ? 'recognised from the header' : 'mapped by --from / import.from'} (docs/crm.md; --map overrides them)`));
  if (lines.length > 0) lines.push('');
  if (report.unmappedColumns.length > 0)
    lines.push(chalk.dim(`not imported: ${quoteList(report.unmappedColumns)} (map a column with --map "<column>=<field>", or to ignore)`));
  if (report.absentColumns.length > 0) lines.push(chalk.dim(`kam.yaml maps columns this file does not have: ${quoteList(report.absentColumns)}`));
  const s = report.summary;
  const counts = `${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.skipped} skipped, ${s.rejected} rejected`;
  const total = `${plural(report.rows.length, 'row')} of ${escapeControl(report.source)}`;
  lines.push(s.rejected > 0 ? chalk.red.bold(`✖ ${counts} (${total})`) : chalk.green(`✔ ${counts} (${total})`));
  const renamed = report.rows.filter((r) => r.renamed).length;
  if (renamed > 0) lines.push(`${renamed} renamed in the CRM: kept ${renamed === 1 ? 'its file and id' : 'their files and ids'}, changed the name`);
  if (report.dryRun) lines.push(chalk.yellow('dry run: nothing was written'));
  if (s.skipped > 0 && report.rows.some((r) => r.status === 'skipped' && r.reason?.includes('--update')))
    lines.push(chalk.dim('accounts that already exist were left alone; --update changes their mapped fields'));
  return `${lines.join('\n')}\n`;
};

function detail(row: RowResult, root: string, cwd: string): string {
  const file = row.file ? displayPath(root, cwd, row.file) : '';
  switch (row.status) {
    case 'created':
    case 'unchanged':
      return file;
    case 'updated':
      return `${file}  (${row.changed?.join(', ')})${row.renamed ? `  renamed: ${JSON.stringify(row.renamed.from)} -> ${JSON.stringify(row.renamed.to)}` : ''}`;
    case 'skipped':
      return `${file}  already exists${row.reason?.includes('linked to CRM record') ? ' (same CRM record)' : ''}`;
    case 'rejected':
      return row.reason ?? '';
  }
}

const quoteList = (names: string[]) => names.map((n) => `"${escapeControl(n)}"`).join(', ');

/** `{ source, delimiter, preset, dry_run, rows, summary, unmapped_columns, absent_columns }`. */
const json: ImportFormatter = ({ report }) =>
  `${JSON.stringify(
    {
      source: report.source,
      delimiter: report.delimiter,
      preset: report.preset ?? null,
      dry_run: report.dryRun,
      rows: report.rows,
      summary: report.summary,
      unmapped_columns: report.unmappedColumns,
      absent_columns: report.absentColumns,
    },
    null,
    2,
  )}\n`;

export const importFormatters = { table, json } satisfies Record<string, ImportFormatter>;
export type ImportFormat = keyof typeof importFormatters;
