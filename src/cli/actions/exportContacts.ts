import { KamError } from '../../errors.js';
import { contactExportCells, contactExportHeader, contactExportRows } from '../../export/exportContacts.js';
import type { PresetId } from '../../crm/index.js';
import { writeCsv } from '../../util/csvWrite.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { loadRepoForCli } from './loadForCli.js';

export interface ExportContactsOptions extends GlobalOptions {
  to?: PresetId;
  format?: 'csv' | 'json';
}

export async function runExportContacts(opts: ExportContactsOptions, io: Io): Promise<number> {
  if (!opts.to) throw new KamError('kam export contacts needs --to salesforce, hubspot or dynamics: the columns are the ones that CRM\'s contact import takes');
  const repo = await loadRepoForCli(io, { ...opts, format: opts.format === 'json' ? 'json' : undefined });
  for (const p of repo.plans) if (!p.value) io.stderr.write(`kam: left out ${p.file} (it has errors; run "kam validate")\n`);
  const rows = contactExportRows(repo, opts.to);
  if (opts.format === 'json') io.stdout.write(`${JSON.stringify({ to: opts.to, contacts: rows }, null, 2)}\n`);
  else io.stdout.write(writeCsv(contactExportHeader(opts.to), rows.map((r) => contactExportCells(r, opts.to!))));
  return 0;
}
