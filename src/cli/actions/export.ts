import { localToday } from '../../util/dates.js';
import { exportCells, exportHeader, exportRows } from '../../export/exportAccounts.js';
import type { PresetId } from '../../crm/index.js';
import { scorePortfolio } from '../../score/portfolio.js';
import { writeCsv } from '../../util/csvWrite.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { computeRepoHealth } from './health.js';
import { loadRepoForCli } from './loadForCli.js';

export interface ExportOptions extends GlobalOptions {
  to?: PresetId;
  format: 'csv' | 'json';
  /** The day health is computed for (freshness, measures' age); default the local date. */
  today?: string;
}

export async function runExport(opts: ExportOptions, io: Io): Promise<number> {
  const repo = await loadRepoForCli(io, opts);
  const portfolio = scorePortfolio(repo);
  for (const bad of portfolio.invalid)
    io.stderr.write(`kam: left out ${bad.file} (${bad.errors} error${bad.errors === 1 ? '' : 's'}; run "kam validate")\n`);
  const today = opts.today ?? localToday();
  const health = new Map((await computeRepoHealth(repo, today)).map((h) => [h.id, h]));
  const rows = exportRows(repo, portfolio, health, today);
  if (opts.format === 'json') io.stdout.write(`${JSON.stringify({ accounts: rows }, null, 2)}\n`);
  else io.stdout.write(writeCsv(exportHeader(opts.to), rows.map(exportCells)));
  return 0;
}
