import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadText } from '../load/loadText.js';
import { editYaml, PositionIndex, type EditValue, type FieldEdit } from '../yaml/index.js';
import type { Finding } from '../findings/finding.js';
import { MAX_FILE_BYTES, readRepoFileSync } from '../repoFs/readText.js';
import { accountFiles } from '../repoFs/repoFiles.js';
import { validateWithSchema } from '../load/schemaIssues.js';
import { accountSchema } from '../schema/account.js';
import { SLUG_RE } from '../schema/common.js';
import type { Config } from '../schema/config.js';
import { bandRating } from '../schema/importConfig.js';
import { stageWrite, type StagedWrite } from '../util/atomicWrite.js';
import { KamError } from '../errors.js';
import { mapLimit } from '../util/mapLimit.js';
import { slugify } from '../util/slug.js';
import type { CsvRecord, CsvTable } from './csv.js';
import type { ImportMapping } from './mapping.js';
import { parseNumber } from './numbers.js';
import { unguardCell } from '../util/csvWrite.js';
import { pushTo } from '../util/group.js';

export const ROW_STATUSES = ['created', 'updated', 'unchanged', 'skipped', 'rejected'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

export interface RowResult {
  /** The CSV line the record starts on (1 is the header). */
  line: number;
  status: RowStatus;
  /** The account id, once the row yields one. */
  id?: string;
  /** accounts/<id>.yaml, repo-relative. */
  file?: string;
  /** Why the row was rejected or skipped. */
  reason?: string;
  /** Fields an update changed (or would change, with --dry-run). */
  changed?: string[];
  /** An update that changes the account's name (a rename in the CRM): the file and id stay. */
  renamed?: { from: string; to: string };
}

export interface ImportReport {
  source: string;
  delimiter: string;
  dryRun: boolean;
  rows: RowResult[];
  summary: Record<RowStatus, number>;
  unmappedColumns: string[];
  absentColumns: string[];
  /** The CRM preset whose columns mapped themselves, and whether it was detected from the header. */
  preset?: { id: string; detected: boolean };
}

export interface ImportOptions {
  /** How the report and the new files' comment name the CSV file. */
  source: string;
  today: string;
  update: boolean;
  dryRun: boolean;
  /** Numbers write decimals with "," (numbers.ts). */
  decimalComma?: boolean;
  /**
   * Test seam: runs once every file is written to its temporary name, before the files read are
   * checked again and the new ones renamed over (where a concurrent edit is caught).
   */
  beforeCommit?: () => void | Promise<void>;
}

type Value = { path: FieldEdit['path']; value: EditValue; column: string };

const ACCOUNT_KEY_ORDER = ['name', 'crm_id', 'industry', 'region', 'manager', 'revenue', 'ratings', 'notes'];
const SCHEMA_LINE = '# yaml-language-server: $schema=../schema/account.schema.json';

/** A file a row will write once every row has been worked out. */
interface PendingWrite {
  path: string;
  content: string;
  /** New files are never written over a file that appeared meanwhile. */
  exclusive: boolean;
  /** An edited file's bytes as read: it is replaced only if it still holds them. */
  read?: Buffer;
}

type Outcome = Omit<RowResult, 'line' | 'id' | 'file'> & { write?: PendingWrite };

/** Files written at once: enough for fsyncs to share journal commits, few enough for any system. */
const WRITE_CONCURRENCY = 16;

/**
 * Creates (or with `update`, edits) accounts/<id>.yaml for each CSV record. A bad row is
 * reported and never stops the others; nothing is written with `dryRun`. Rows are worked out
 * first (in memory, one pass), then their files are written atomically, several at a time.
 */
export async function importAccounts(root: string, config: Config, table: CsvTable, mapping: ImportMapping, opts: ImportOptions): Promise<ImportReport> {
  const schema = accountSchema(config);
  const existing = accountFiles(root);
  const firstLine = new Map<string, number>();
  const width = table.header.cells.length;
  const criteriaOrder = config.scoring.criteria.map((c) => c.id);
  const idColumn = mapping.columns.find((c) => c.fields.includes('id'));
  const nameColumn = mapping.columns.find((c) => c.fields.includes('name'));

  const crmColumn = mapping.columns.find((c) => c.fields.includes('crm_id'));
  // Only a file with a record-id column needs to know which account holds which CRM record.
  const byCrmId = crmColumn ? crmIds(root, existing) : new Map<string, string[]>();
  const firstCrmLine = new Map<string, number>();

  const planned = table.records.map((record): RowResult & { write?: PendingWrite } => {
    const reject = (reason: string, id?: string): RowResult => ({ line: record.line, status: 'rejected', ...(id ? { id } : {}), reason });
    if (record.problem) return reject(record.problem);
    if (record.cells.length !== width)
      return reject(`has ${record.cells.length} cells but the header has ${width}; check the quoting on this row (a field with "${table.delimiter}" or a line break must be in double quotes)`);

    const idCell = idColumn ? unguard(record.cells[idColumn.index]!.trim()) : '';
    const nameCell = nameColumn ? unguard(record.cells[nameColumn.index]!.trim()) : '';
    const crmCell = crmColumn ? unguard(record.cells[crmColumn.index]!.trim()) : '';
    if (crmCell) {
      const seenCrm = firstCrmLine.get(crmCell);
      if (seenCrm !== undefined) return reject(`duplicate CRM record id "${crmCell}" (column "${crmColumn!.column}"), also on line ${seenCrm}; a CRM record can be one account only`);
      firstCrmLine.set(crmCell, record.line);
    }
    // The CRM record id first: it survives a rename in the CRM, which changes the name (and so
    // the id kam would make of it). Then the id column, then the name.
    const linked = crmCell ? byCrmId.get(crmCell) : undefined;
    if (linked && linked.length > 1)
      return reject(`CRM record "${crmCell}" is linked from ${linked.map((f) => `accounts/${f}`).join(' and ')}; keep crm_id in one of them ("kam check" reports it as duplicate_crm_id)`);
    const linkedId = linked ? linked[0]!.replace(/\.ya?ml$/, '') : undefined;
    const id = linkedId ?? (idCell ? (SLUG_RE.test(idCell) ? idCell : slugify(idCell)) : slugify(nameCell));
    if (!id) {
      if (idCell) return reject(`column "${idColumn!.column}": "${idCell}" yields no id (letters a-z or digits are needed)`);
      if (!nameCell) return reject(`no ${idColumn ? 'id or ' : ''}name: column "${(nameColumn ?? idColumn)!.column}" is empty`);
      return reject(`cannot make an id from the name "${nameCell}"; map a column to id (--map "<column>=id")`);
    }
    const seen = firstLine.get(id);
    if (seen !== undefined) return reject(`duplicate id "${id}", also on line ${seen}${idColumn ? '' : '; map an id column to tell them apart'}`, id);
    firstLine.set(id, record.line);

    const existingName = existing.get(id);
    const file = `accounts/${existingName ?? `${id}.yaml`}`;
    if (!linked && crmCell && existingName !== undefined) {
      // Matched by id or name, but that file belongs to another CRM record: two companies of one name.
      const other = [...byCrmId].find(([, files]) => files.includes(existingName))?.[0];
      if (other !== undefined)
        return reject(`${file} is linked to CRM record "${other}", and this row is record "${crmCell}": a different company with the same name? Map an id column (--map "<column>=id") to give it its own file`, id);
    }

    const values = rowValues(record, mapping, config, opts);
    if ('reason' in values) return reject(values.reason, id);
    const result: Outcome = existingName === undefined
      ? createAccount(root, file, id, values, { schema, criteriaOrder, record, opts })
      : opts.update
        ? updateAccount(root, file, id, linked ? values.filter((v) => v.path[0] !== 'crm_id') : values, schema)
        : { status: 'skipped', reason: `${file} exists${linked ? ` (linked to CRM record "${crmCell}")` : ''}; --update changes its mapped fields` };
    const { status, ...rest } = result;
    return { line: record.line, status, id, file, ...rest };
  });

  // No lost update: every file is first written to a temporary name; then each file read is
  // checked to still hold the bytes it was read with (another kam import, or a person saving it
  // meanwhile, would otherwise be undone); only if none changed is anything renamed over.
  const staged = await mapLimit(planned, WRITE_CONCURRENCY, async ({ write, ...row }): Promise<{ row: RowResult; write?: PendingWrite; staged?: StagedWrite }> => {
    if (!write || opts.dryRun) return { row };
    try {
      return { row, write, staged: await stageWrite(write.path, write.content) };
    } catch (err) {
      return { row: { ...row, status: 'rejected', reason: `cannot write ${row.file} (${(err as NodeJS.ErrnoException).code ?? String(err)})` } };
    }
  });
  try {
    await opts.beforeCommit?.();
  } catch (err) {
    await Promise.all(staged.map((s) => s.staged?.discard()));
    throw err;
  }
  const changed = staged.filter((s) => s.staged && s.write?.read && !stillHolds(s.write.path, s.write.read)).map((s) => s.row.file!);
  if (changed.length > 0) {
    await Promise.all(staged.map((s) => s.staged?.discard()));
    const shown = changed.slice(0, 5).join(', ') + (changed.length > 5 ? ` and ${changed.length - 5} more` : '');
    throw new KamError(
      `${shown} changed while kam import was working (another kam, or an editor saving ${changed.length === 1 ? 'it' : 'them'}); nothing was written, so no change is lost: run kam import again`,
    );
  }
  const rows = await mapLimit(staged, WRITE_CONCURRENCY, async ({ row, write, staged: file }): Promise<RowResult> => {
    if (!file || !write) return row;
    try {
      if (await file.commit({ exclusive: write.exclusive })) return row;
      return { ...row, status: 'skipped', reason: `${row.file} appeared while importing; kept it` };
    } catch (err) {
      return { ...row, status: 'rejected', reason: `cannot write ${row.file} (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
    }
  });

  const summary = Object.fromEntries(ROW_STATUSES.map((s) => [s, 0])) as Record<RowStatus, number>;
  for (const row of rows) summary[row.status]++;
  return { source: opts.source, delimiter: table.delimiter, dryRun: opts.dryRun, rows, summary, unmappedColumns: mapping.unmapped, absentColumns: mapping.absent, ...(mapping.preset ? { preset: mapping.preset } : {}) };
}

/** The values a record's mapped cells give, converted to numbers and ratings; empty cells give none. */
function rowValues(record: CsvRecord, mapping: ImportMapping, config: Config, opts: ImportOptions): Value[] | { reason: string } {
  const values: Value[] = [];
  for (const { index, column, fields } of mapping.columns) {
    const cell = unguard(record.cells[index]!.trim());
    if (cell === '') continue;
    for (const field of fields) {
      if (field === 'id') continue; // the id names the file; see importAccounts
      const converted = convert(field, cell, mapping, config, opts);
      if (typeof converted === 'object') return { reason: `column "${column}": ${converted.reason}` };
      values.push({ path: field.split('.') as Value['path'], value: converted, column });
    }
  }
  return values;
}

/**
 * A cell as written before kam's (or a spreadsheet's) formula guard: `'=x` -> `=x`, also at the
 * start of each line inside it (util/csvWrite.ts, unguardCell), so `kam export` output reads back
 * as it was.
 */
const unguard = unguardCell;

function convert(field: string, cell: string, mapping: ImportMapping, config: Config, opts: ImportOptions): EditValue | { reason: string } {
  if (!field.startsWith('revenue.') && !field.startsWith('ratings.')) return cell;
  const number = parseNumber(cell, { decimalComma: opts.decimalComma });
  if ('reason' in number) return number;
  const criterion = field.slice('ratings.'.length);
  const bands = field.startsWith('ratings.') ? mapping.bands[criterion] : undefined;
  return bands ? bandRating(number.value, bands, config.scoring.scale.min) : number.value;
}

/**
 * How a new file's comment names the CSV: its base name only. The path given to kam import is a
 * path of the importing machine (`/home/dana/Downloads/export.csv`): it says nothing to the team and
 * must not land in the repo. Control characters (a line break would end the comment and start YAML)
 * become `?`.
 */
export function sourceName(source: string): string {
  const base = source.split(/[\\/]/).filter(Boolean).pop() ?? source;
  return base.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
}

interface CreateContext {
  schema: ReturnType<typeof accountSchema>;
  criteriaOrder: string[];
  record: CsvRecord;
  opts: ImportOptions;
}

function createAccount(root: string, file: string, id: string, values: Value[], ctx: CreateContext): Outcome {
  const fields: Record<string, unknown> = {};
  for (const { path, value } of values) {
    if (path.length === 1) fields[path[0]] = value;
    else fields[path[0]] = { ...(fields[path[0]] as object | undefined), [path[1]]: value };
  }
  // Keys in the order the format documents them; ratings in the config's criteria order.
  const account: Record<string, unknown> = { id };
  for (const key of ACCOUNT_KEY_ORDER) if (fields[key] !== undefined) account[key] = fields[key];
  if (fields.revenue) account.revenue = pick(fields.revenue as Record<string, unknown>, ['current', 'potential']);
  if (fields.ratings) account.ratings = pick(fields.ratings as Record<string, unknown>, ctx.criteriaOrder);
  if (account.name === undefined) return { status: 'rejected', reason: 'no name: a new account needs one (the name column is empty)' };

  const checked = validateWithSchema(ctx.schema, account, { file, account: id, index: new PositionIndex() });
  if (checked.findings.length > 0) return { status: 'rejected', reason: describeFindings(checked.findings, values, false) };

  const header = `${SCHEMA_LINE}\n# Imported from ${sourceName(ctx.opts.source)} (line ${ctx.record.line}) by "kam import" on ${ctx.opts.today}; edit freely.\n`;
  const content = header + stringify(account, { lineWidth: 0 });
  const tooBig = sizeProblem(file, content);
  if (tooBig) return { status: 'rejected', reason: tooBig };
  return { status: 'created', write: { path: join(root, file), content, exclusive: true } };
}

function updateAccount(root: string, file: string, id: string, values: Value[], schema: ReturnType<typeof accountSchema>): Outcome {
  // Read like the loader reads it: not through a link out of the repo, not a FIFO or a huge file.
  const read = readRepoFileSync(root, join(root, file), { file, account: id, line: 1, column: 1 });
  if ('outside' in read) return { status: 'rejected', reason: `${file} is a symbolic link that points outside the repo (to ${read.outside}); kam does not follow it` };
  if ('finding' in read) return { status: 'rejected', reason: `${file}: ${read.finding.message}` };
  // A link to a file elsewhere in the repo (a choice: refused, not written through): renaming the
  // new version over it would replace the link by a regular file, and writing through it would
  // edit an account under another name. The user decides which file holds the account.
  const link = linkTarget(root, join(root, file));
  if (link !== undefined)
    return { status: 'rejected', reason: `${file} is a symbolic link (to ${link}); kam import does not replace a link by a file or edit through it: make ${file} a regular file (or remove the link), then import again` };
  const { bytes, text } = read;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  const edited = editYaml(text, values.map(({ path, value }) => ({ path, value })));
  if ('reason' in edited) return { status: 'rejected', reason: `${file}: ${edited.reason}` };
  if (edited.changed.length === 0) return { status: 'unchanged' };

  const tooBig = sizeProblem(file, bom + edited.text);
  if (tooBig) return { status: 'rejected', reason: tooBig };
  const checked = loadText(schema, id, file, edited.text, id);
  if (!checked.value) return { status: 'rejected', reason: describeFindings(checked.findings, values, true) };
  const before = edited.previous.name;
  const after = values.find((v) => v.path.length === 1 && v.path[0] === 'name')?.value;
  const renamed = edited.changed.includes('name') && typeof before === 'string' && typeof after === 'string' ? { renamed: { from: before, to: after } } : {};
  return { status: 'updated', changed: edited.changed, ...renamed, write: { path: join(root, file), content: bom + edited.text, exclusive: false, read: bytes } };
}

/** Where a symbolic link at `path` leads (repo-relative), or undefined when it is no link. */
function linkTarget(root: string, path: string): string | undefined {
  try {
    if (!lstatSync(path).isSymbolicLink()) return undefined;
    return relative(realpathSync(root), realpathSync(path)).split(sep).join('/');
  } catch {
    return undefined;
  }
}

/** Whether the file at `path` still holds exactly `bytes` (a file gone or unreadable does not). */
function stillHolds(path: string, bytes: Buffer): boolean {
  try {
    const stat = statSync(path);
    return stat.size === bytes.length && readFileSync(path).equals(bytes);
  } catch {
    return false;
  }
}

/**
 * Why `content` may not be written to `file`: kam reads files up to MAX_FILE_BYTES, so a file
 * over it would stop every later "kam check" (a huge notes cell, say). Undefined when it fits.
 */
function sizeProblem(file: string, content: string): string | undefined {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes <= MAX_FILE_BYTES) return undefined;
  return `${file} would be ${(bytes / 1048576).toFixed(1)} MiB, over the ${MAX_FILE_BYTES / 1048576} MiB kam reads; shorten the row's long cells (or map that column to ignore)`;
}

/**
 * CRM record id -> the account files (names in accounts/) that carry it as `crm_id`. Reads each
 * file's top-level `crm_id:` line only (kam writes it on one line); a file that mentions crm_id
 * any other way is parsed whole. Unreadable files, and links out of the repo, are left to
 * "kam check" to report.
 */
function crmIds(root: string, existing: Map<string, string>): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const [id, name] of existing) {
    const file = `accounts/${name}`;
    // The one safe read, like the loader: never through a link out of the repo.
    const decoded = readRepoFileSync(root, join(root, file), { file, account: id, line: 1, column: 1 });
    if (!('text' in decoded) || !decoded.text.includes('crm_id')) continue;
    const line = /^crm_id:[^\n]*$/m.exec(decoded.text)?.[0];
    let value: unknown;
    try {
      value = (parse(line ?? decoded.text, { uniqueKeys: false }) as { crm_id?: unknown } | null)?.crm_id;
    } catch {
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const key = String(value).trim();
    pushTo(ids, key, name);
  }
  return ids;
}

function pick(obj: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => obj[k] !== undefined).map((k) => [k, obj[k]]));
}

/** Schema findings as one reason, naming the CSV column behind each field it can (by the finding's YAML path). */
function describeFindings(findings: Finding[], values: Value[], located: boolean): string {
  const columnOf = new Map(values.map((v) => [JSON.stringify(v.path), v]));
  const shown = findings.slice(0, 3).map((f) => {
    const source = columnOf.get(JSON.stringify(f.path));
    const where = located ? `${f.file}:${f.line}:${f.column}: ` : '';
    return `${where}${f.message}${source ? ` (column "${source.column}": ${JSON.stringify(source.value)})` : ''}`;
  });
  const more = findings.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

