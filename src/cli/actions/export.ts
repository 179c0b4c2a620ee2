import { localToday } from '../../util/dates.js';
import { exportCells, exportHeader, exportRows } from '../../export/exportAccounts.js';
import type { PresetId } from '../../crm/index.js';
import { writeCsv } from '../../util/csvWrite.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { analyzeForCli } from './loadForCli.js';
import { leftOutText } from '../format/leftOut.js';

export interface ExportOptions extends GlobalOptions {
  to?: PresetId;
  format: 'csv' | 'json';
  /** The day health is computed for (freshness, measures' age); default the local date. */
  today?: string;
}

/** `kam export`: the analysis's scores and health, one row per account, as CSV for a CRM or JSON. */
export async function runExport(opts: ExportOptions, io: Io): Promise<number> {
  const today = opts.today ?? localToday();
  const analysis = await analyzeForCli(io, opts, { today });
  for (const bad of analysis.portfolio.invalid) io.stderr.write(`kam: ${leftOutText(bad)}\n`);
  const health = new Map(analysis.health.map((h) => [h.id, h]));
  const rows = exportRows(analysis.repo, analysis.portfolio, health, today);
  if (opts.format === 'json') io.stdout.write(`${JSON.stringify({ accounts: rows }, null, 2)}\n`);
  else io.stdout.write(writeCsv(exportHeader(opts.to), rows.map(exportCells)));
  return 0;
}
