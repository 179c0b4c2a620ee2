import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CsvError, parseCsv } from '../../import/csv.js';
import { importAccounts } from '../../import/importAccounts.js';
import { resolveMapping } from '../../import/mapping.js';
import type { PresetId } from '../../crm/index.js';
import { KamError } from '../../errors.js';
import { findRoot } from '../../repoFs/findRoot.js';
import { refuseLinkOut } from '../../init/init.js';
import { lockRepo } from '../../repoFs/writeLock.js';
import { utf16Kind, utf16Message } from '../../util/utf16.js';
import { loadConfig } from '../../load/loadRepo.js';
import { makeChalk } from '../color.js';
import { importFormatters, type ImportFormat } from '../format/import.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { configInvalid } from './loadForCli.js';

/** CRM exports are far larger than plan files; this only guards against reading the wrong file. */
const MAX_CSV_BYTES = 256 * 1024 * 1024;

export interface ImportCliOptions extends GlobalOptions {
  map?: string[];
  bands?: string[];
  delimiter?: string;
  from?: PresetId;
  decimalComma?: boolean;
  update?: boolean;
  dryRun?: boolean;
  today?: string;
  format: ImportFormat;
}

export async function runImport(file: string, opts: ImportCliOptions, io: Io): Promise<number> {
  const text = readCsv(file, io.cwd);
  const delimiter = opts.delimiter === undefined ? undefined : parseDelimiter(opts.delimiter);
  const root = findRoot(io.cwd, opts.repo);
  // The same guard as kam init and kam new: accounts/ must not be a link out of the repo.
  refuseLinkOut(root, 'accounts/new.yaml');
  const loaded = await loadConfig(root);
  if (!loaded.ok) throw configInvalid(io, opts, root, loaded.findings);
  const config = loaded.config.value!;

  let table;
  try {
    table = parseCsv(text, delimiter);
  } catch (err) {
    if (err instanceof CsvError) throw new KamError(`${file}:${err.line}: ${err.message}`);
    throw err;
  }
  const mapping = resolveMapping(table.header.cells, config, { map: opts.map, bands: opts.bands, from: opts.from }, file);
  // One writing kam at a time: a second import (or kam new) meanwhile stops with exit 2.
  const release = opts.dryRun ? undefined : lockRepo(root, 'kam import');
  let report;
  try {
    report = await importAccounts(root, config, table, mapping, {
      source: file,
      today: opts.today ?? localDate(),
      update: opts.update === true,
      dryRun: opts.dryRun === true,
      decimalComma: opts.decimalComma === true || config.import?.decimal_comma === true,
    });
  } finally {
    release?.();
  }
  io.stdout.write(importFormatters[opts.format]({ report, root, cwd: io.cwd, chalk: makeChalk(io, opts.color) }));
  return report.summary.rejected > 0 ? 1 : 0;
}

export function readCsv(file: string, cwd: string): string {
  let bytes: Buffer;
  try {
    // Size first, so a huge file is refused before it is read (pipes such as <(curl ...) have no size).
    const stat = statSync(resolve(cwd, file));
    if (stat.isFile() && stat.size > MAX_CSV_BYTES) throw Object.assign(new Error('too large'), { code: 'EFBIG', size: stat.size });
    bytes = readFileSync(resolve(cwd, file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new KamError(`${file}: no such file`);
    if (code === 'EISDIR') throw new KamError(`${file}: is a folder; name the CSV file to import`);
    if (code === 'EFBIG') throw new KamError(`${file}: ${((err as { size: number }).size / 1048576).toFixed(0)} MiB is larger than kam imports (${MAX_CSV_BYTES / 1048576} MiB); split the file`);
    throw new KamError(`${file}: cannot be read (${code ?? String(err)})`);
  }
  if (bytes.length > MAX_CSV_BYTES) throw new KamError(`${file}: ${(bytes.length / 1048576).toFixed(0)} MiB is larger than kam imports (${MAX_CSV_BYTES / 1048576} MiB); split the file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const kind = utf16Kind(bytes);
    throw new KamError(kind ? `${file}: ${utf16Message(kind, bytes)}; from Excel, save as "CSV UTF-8"` : `${file}: not valid UTF-8 text; export it as UTF-8 (Excel: "CSV UTF-8")`);
  }
  // UTF-16 without a byte order mark decodes as UTF-8 full of NUL bytes.
  const kind = text.includes('\u0000') ? utf16Kind(bytes) : undefined;
  if (kind) throw new KamError(`${file}: ${utf16Message(kind, bytes)}; from Excel, save as "CSV UTF-8"`);
  return text;
}

export function parseDelimiter(value: string): string {
  const d = value === 'tab' || value === '\\t' ? '\t' : value;
  if (d.length !== 1 || d === '"' || d === '\n' || d === '\r')
    throw new KamError(`--delimiter "${value}": give one character such as "," or ";" (or "tab"), not a quote or line break`);
  return d;
}

/** Today's local date as YYYY-MM-DD. */
function localDate(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
