import type { ChalkInstance } from 'chalk';
import type { ContactImportReport, ContactRow, ContactStatus } from '../../import/contacts/importContacts.js';
import { escapeControl } from '../../util/terminal.js';
import { displayPath } from './findings/stylish.js';
import { maxOf } from '../../util/lists.js';
import { plural } from '../../util/plural.js';

export interface ContactImportView {
  report: ContactImportReport;
  root: string;
  cwd: string;
  chalk: ChalkInstance;
}

/** One line per contact, led by `file.csv:line`, then a summary (as kam import prints accounts). */
function table({ report, root, cwd, chalk }: ContactImportView): string {
  const paint: Record<ContactStatus, (s: string) => string> = { created: chalk.green, updated: chalk.cyan, unchanged: chalk.dim, skipped: chalk.yellow, rejected: chalk.red };
  const where = report.rows.map((r) => `${escapeControl(report.source)}:${r.line}`);
  const width = maxOf(where.map((w) => w.length), 0);
  const lines = report.rows.map((row, i) => `${where[i]!.padEnd(width)}  ${paint[row.status](row.status.padEnd(9))}  ${escapeControl(detail(row, root, cwd))}`);
  if (report.preset) lines.unshift(chalk.dim(`columns of the ${report.preset.id} contact export ${report.preset.detected ? 'recognised from the header' : 'mapped by --from'} (docs/crm.md; --map overrides them)`));
  if (lines.length > 0) lines.push('');
  if (report.unmappedColumns.length > 0) lines.push(chalk.dim(`not imported: ${report.unmappedColumns.map((n) => `"${escapeControl(n)}"`).join(', ')}`));
  const s = report.summary;
  const counts = `${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.skipped} skipped, ${s.rejected} rejected`;
  const total = `${plural(report.rows.length, 'contact')} of ${escapeControl(report.source)}`;
  lines.push(s.rejected > 0 ? chalk.red.bold(`✖ ${counts} (${total})`) : chalk.green(`✔ ${counts} (${total})`));
  if (s.rejected > 0) lines.push(chalk.red('nothing was written: fix the rejected rows (in the CRM or the file), then import again'));
  else if (report.dryRun) lines.push(chalk.yellow('dry run: nothing was written'));
  return `${lines.join('\n')}\n`;
}

function detail(row: ContactRow, root: string, cwd: string): string {
  const file = row.file ? displayPath(root, cwd, row.file) : '';
  const who = `${row.name ?? row.crm_id ?? ''}${row.stakeholder && row.stakeholder !== row.name ? ` (${row.stakeholder})` : ''}`;
  switch (row.status) {
    case 'created':
    case 'unchanged':
      return `${file}  ${who}`;
    case 'updated':
      return `${file}  ${who}: ${row.changed?.join(', ')}${row.renamed ? `  renamed: ${JSON.stringify(row.renamed.from)} -> ${JSON.stringify(row.renamed.to)}` : ''}`;
    default:
      return `${who ? `${who}: ` : ''}${row.reason ?? ''}`;
  }
}

/** `{ source, delimiter, preset, dry_run, written, rows, summary, unmapped_columns }`. */
function json({ report }: ContactImportView): string {
  const { source, delimiter, dryRun, written, rows, summary, unmappedColumns } = report;
  return `${JSON.stringify({ source, delimiter, preset: report.preset ?? null, dry_run: dryRun, written, rows, summary, unmapped_columns: unmappedColumns }, null, 2)}\n`;
}

export const contactImportFormatters = { table, json };
