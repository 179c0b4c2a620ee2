import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadText } from '../load/loadText.js';
import { PositionIndex } from '../yaml/index.js';
import type { Finding } from '../findings/finding.js';
import { readRepoFileSync } from '../repoFs/readText.js';
import { accountFiles } from '../repoFs/repoFiles.js';
import { validateWithSchema } from '../load/schemaIssues.js';
import { accountSchema } from '../schema/account.js';
import { SLUG_RE } from '../schema/common.js';
import type { Config } from '../schema/config.js';
import { bandRating } from '../schema/importConfig.js';
import { atomicWriteAsync } from '../util/atomicWrite.js';
import { mapLimit } from '../util/mapLimit.js';
import { slugify } from '../util/slug.js';
import type { CsvRecord, CsvTable } from './csv.js';
import type { ImportMapping } from './mapping.js';
import { parseNumber } from './numbers.js';
import { editYaml, type EditValue, type FieldEdit } from './yamlEdit.js';

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
}

export interface ImportReport {
  source: string;
  delimiter: string;
  dryRun: boolean;
  rows: RowResult[];
  summary: Record<RowStatus, number>;
  unmappedColumns: string[];
  absentColumns: string[];
}

export interface ImportOptions {
  /** How the report and the new files' comment name the CSV file. */
  source: string;
  today: string;
  update: boolean;
  dryRun: boolean;
}

type Value = { path: FieldEdit['path']; value: EditValue; column: string };

const ACCOUNT_KEY_ORDER = ['name', 'industry', 'region', 'manager', 'revenue', 'ratings', 'notes'];
const SCHEMA_LINE = '# yaml-language-server: $schema=../schema/account.schema.json';

/** A file a row will write once every row has been worked out. */
interface PendingWrite {
  path: string;
  content: string;
  /** New files are never written over a file that appeared meanwhile. */
  exclusive: boolean;
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

  const planned = table.records.map((record): RowResult & { write?: PendingWrite } => {
    const reject = (reason: string, id?: string): RowResult => ({ line: record.line, status: 'rejected', ...(id ? { id } : {}), reason });
    if (record.problem) return reject(record.problem);
    if (record.cells.length !== width)
      return reject(`has ${record.cells.length} cells but the header has ${width}; check the quoting on this row (a field with "${table.delimiter}" or a line break must be in double quotes)`);

    const idCell = idColumn ? record.cells[idColumn.index]!.trim() : '';
    const nameCell = nameColumn ? record.cells[nameColumn.index]!.trim() : '';
    const id = idCell ? (SLUG_RE.test(idCell) ? idCell : slugify(idCell)) : slugify(nameCell);
    if (!id) {
      if (idCell) return reject(`column "${idColumn!.column}": "${idCell}" yields no id (letters a-z or digits are needed)`);
      if (!nameCell) return reject(`no ${idColumn ? 'id or ' : ''}name: column "${(nameColumn ?? idColumn)!.column}" is empty`);
      return reject(`cannot make an id from the name "${nameCell}"; map a column to id (--map "<column>=id")`);
    }
    const seen = firstLine.get(id);
    if (seen !== undefined) return reject(`duplicate id "${id}", also on line ${seen}${idColumn ? '' : '; map an id column to tell them apart'}`, id);
    firstLine.set(id, record.line);

    const values = rowValues(record, mapping, config);
    if ('reason' in values) return reject(values.reason, id);
    const existingName = existing.get(id);
    const file = `accounts/${existingName ?? `${id}.yaml`}`;
    const result: Outcome = existingName === undefined
      ? createAccount(root, file, id, values, { schema, criteriaOrder, record, opts })
      : opts.update
        ? updateAccount(root, file, id, values, schema)
        : { status: 'skipped', reason: `${file} exists; --update changes its mapped fields` };
    const { status, ...rest } = result;
    return { line: record.line, status, id, file, ...rest };
  });

  const rows = await mapLimit(planned, WRITE_CONCURRENCY, async ({ write, ...row }): Promise<RowResult> => {
    if (!write || opts.dryRun) return row;
    try {
      if (await atomicWriteAsync(write.path, write.content, { exclusive: write.exclusive })) return row;
      return { ...row, status: 'skipped', reason: `${row.file} appeared while importing; kept it` };
    } catch (err) {
      return { ...row, status: 'rejected', reason: `cannot write ${row.file} (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
    }
  });

  const summary = Object.fromEntries(ROW_STATUSES.map((s) => [s, 0])) as Record<RowStatus, number>;
  for (const row of rows) summary[row.status]++;
  return { source: opts.source, delimiter: table.delimiter, dryRun: opts.dryRun, rows, summary, unmappedColumns: mapping.unmapped, absentColumns: mapping.absent };
}

/** The values a record's mapped cells give, converted to numbers and ratings; empty cells give none. */
function rowValues(record: CsvRecord, mapping: ImportMapping, config: Config): Value[] | { reason: string } {
  const values: Value[] = [];
  for (const { index, column, fields } of mapping.columns) {
    const cell = record.cells[index]!.trim();
    if (cell === '') continue;
    for (const field of fields) {
      if (field === 'id') continue; // the id names the file; see importAccounts
      const converted = convert(field, cell, mapping, config);
      if (typeof converted === 'object') return { reason: `column "${column}": ${converted.reason}` };
      values.push({ path: field.split('.') as Value['path'], value: converted, column });
    }
  }
  return values;
}

function convert(field: string, cell: string, mapping: ImportMapping, config: Config): EditValue | { reason: string } {
  if (!field.startsWith('revenue.') && !field.startsWith('ratings.')) return cell;
  const number = parseNumber(cell);
  if ('reason' in number) return number;
  const criterion = field.slice('ratings.'.length);
  const bands = field.startsWith('ratings.') ? mapping.bands[criterion] : undefined;
  return bands ? bandRating(number.value, bands, config.scoring.scale.min) : number.value;
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

  const header = `${SCHEMA_LINE}\n# Imported from ${ctx.opts.source} (line ${ctx.record.line}) by "kam import" on ${ctx.opts.today}; edit freely.\n`;
  return { status: 'created', write: { path: join(root, file), content: header + stringify(account, { lineWidth: 0 }), exclusive: true } };
}

function updateAccount(root: string, file: string, id: string, values: Value[], schema: ReturnType<typeof accountSchema>): Outcome {
  // Read like the loader reads it: not through a link out of the repo, not a FIFO or a huge file.
  const read = readRepoFileSync(root, join(root, file), { file, account: id, line: 1, column: 1 });
  if ('outside' in read) return { status: 'rejected', reason: `${file} is a symbolic link that points outside the repo (to ${read.outside}); kam does not follow it` };
  if ('finding' in read) return { status: 'rejected', reason: `${file}: ${read.finding.message}` };
  const { bytes, text } = read;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  const edited = editYaml(text, values.map(({ path, value }) => ({ path, value })));
  if ('reason' in edited) return { status: 'rejected', reason: `${file}: ${edited.reason}` };
  if (edited.changed.length === 0) return { status: 'unchanged' };

  const checked = loadText(schema, id, file, edited.text, id);
  if (!checked.value) return { status: 'rejected', reason: describeFindings(checked.findings, values, true) };
  return { status: 'updated', changed: edited.changed, write: { path: join(root, file), content: bom + edited.text, exclusive: false } };
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

