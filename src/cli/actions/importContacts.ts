import { CsvError, parseCsv } from '../../import/csv.js';
import { importContacts } from '../../import/contacts/importContacts.js';
import { resolveContactMapping } from '../../import/contacts/mapping.js';
import type { PresetId } from '../../crm/index.js';
import { KamError } from '../../errors.js';
import { refuseLinkOut } from '../../init/init.js';
import { makeChalk } from '../color.js';
import { contactImportFormatters } from '../format/importContacts.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { parseDelimiter, readCsv } from './import.js';
import { loadRepoForCli } from './loadForCli.js';

export interface ImportContactsOptions extends GlobalOptions {
  map?: string[];
  from?: PresetId;
  delimiter?: string;
  dryRun?: boolean;
  format?: 'table' | 'json';
}

export async function runImportContacts(file: string, opts: ImportContactsOptions, io: Io): Promise<number> {
  const text = readCsv(file, io.cwd);
  const repo = await loadRepoForCli(io, { ...opts, format: opts.format === 'json' ? 'json' : undefined });
  // The same guard as kam import: plans/ must not be a link out of the repo.
  refuseLinkOut(repo.root, 'plans/new.yaml');
  let table;
  try {
    table = parseCsv(text, opts.delimiter === undefined ? undefined : parseDelimiter(opts.delimiter));
  } catch (err) {
    if (err instanceof CsvError) throw new KamError(`${file}:${err.line}: ${err.message}`);
    throw err;
  }
  const mapping = resolveContactMapping(table.header.cells, { map: opts.map, from: opts.from }, file);
  const report = await importContacts(repo.root, repo, table, mapping, { source: file, dryRun: opts.dryRun === true });
  io.stdout.write(contactImportFormatters[opts.format ?? 'table']({ report, root: repo.root, cwd: io.cwd, chalk: makeChalk(io, opts.color) }));
  return report.summary.rejected > 0 ? 1 : 0;
}
