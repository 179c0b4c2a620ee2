// The parts of an analysis the result cache keeps (cli/runCache.ts), and the one zod schema that
// checks a stored result before it is used. A stored file is untrusted like any file: a hand
// edit, a truncated write or another kam build's shape is a miss, never a crash or a wrong report.
//
// Each schema checks what the formatters read and lets the rest pass (loose objects): a value was
// computed by this build under the same key, so the check guards against damage, not against
// another writer's design. Extending a slice means extending its schema here.
import { z } from 'zod';
import type { Finding, PathSegment } from '../findings/finding.js';
import type { RuleSettings } from '../findings/severity.js';
import type { Completeness } from '../plan/completeness.js';
import type { PlanHealth } from '../health/portfolio.js';
import type { Config } from '../schema/config.js';
import type { Portfolio } from '../score/portfolio.js';
import type { AccountScore } from '../score/score.js';
import type { AccountIndex, IndexedAccount } from './select.js';

const num = z.number().refine(Number.isFinite);
const numOrNull = num.nullable();
const strOrNull = z.string().nullable();
const severity = z.enum(['error', 'warning']);
const band = z.enum(['green', 'amber', 'red']).nullable();

// Findings, the account index and the account scores are stored column by column: zod checks an
// array of strings in a tight loop, while checking 10,000 objects field by field cost more than
// the rest of a warm `kam check` (a third of it at 10,000 accounts). A table decodes to the rows the analysis made,
// each row's keys in the order they were made (makeFinding's: the core fields, then rule fields).

/** The columnar form of `rows` (every column the same length). */
function toColumns<T extends object>(rows: readonly T[], keys: readonly (keyof T & string)[]): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = {};
  for (const k of keys) columns[k] = rows.map((r) => (r as Record<string, unknown>)[k]);
  return columns;
}

/**
 * A column: an array whose every element passes `test`. One predicate over the array (a zod
 * custom check) instead of one zod schema per element: ten times cheaper at 10,000 rows.
 */
const column = <T>(test: (v: unknown) => boolean) => z.custom<T[]>((v) => Array.isArray(v) && v.every(test));
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';
const isWhole = (v: unknown) => Number.isInteger(v);
const isPath = (v: unknown) => Array.isArray(v) && v.every((p) => typeof p === 'string' || Number.isInteger(p));
const isRuleFields = (v: unknown) => v === null || (typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every(isString));

/** A zod schema for a table of `columns` (arrays of equal length). */
function table<S extends Record<string, z.ZodType<unknown[]>>>(columns: S) {
  const keys = Object.keys(columns);
  return z
    .object(columns)
    .refine((t) => keys.every((k) => (t as Record<string, unknown[]>)[k]!.length === (t as Record<string, unknown[]>)[keys[0]!]!.length), 'columns of unequal length');
}

const FINDING_KEYS = ['rule', 'severity', 'account', 'file', 'line', 'column', 'message', 'path'] as const;
const findings = table({
  rule: column<string>(isString),
  severity: column<'error' | 'warning'>((v) => v === 'error' || v === 'warning'),
  account: column<string | null>(isStringOrNull),
  file: column<string>(isString),
  line: column<number>(isWhole),
  column: column<number>(isWhole),
  message: column<string>(isString),
  // A YAML path: keys and indexes.
  path: column<PathSegment[]>(isPath),
  // The rule fields (question, role, manager...): strings, or null when a finding has none.
  extra: column<Record<string, string> | null>(isRuleFields),
}).transform((t): Finding[] =>
  t.rule.map((rule, i) => ({ rule, severity: t.severity[i]!, account: t.account[i]!, file: t.file[i]!, line: t.line[i]!, column: t.column[i]!, message: t.message[i]!, path: t.path[i]!, ...t.extra[i] }) as Finding),
);

function encodeFindings(rows: readonly Finding[]): unknown {
  const columns = toColumns(rows, FINDING_KEYS);
  columns.extra = rows.map((f) => {
    let extra: Record<string, unknown> | null = null;
    for (const k of Object.keys(f)) if (!(FINDING_KEYS as readonly string[]).includes(k)) (extra ??= {})[k] = (f as unknown as Record<string, unknown>)[k];
    return extra;
  });
  return columns;
}

// Bands are not kept: they come from health (withBands), never from the index the analysis made.
const ACCOUNT_KEYS = ['id', 'file', 'name', 'manager', 'tier', 'needsRating'] as const;
const indexedAccounts = table({
  id: column<string>(isString),
  file: column<string>(isString),
  name: column<string | null>(isStringOrNull),
  manager: column<string | null>(isStringOrNull),
  tier: column<string | null>(isStringOrNull),
  needsRating: column<boolean>((v) => typeof v === 'boolean'),
}).transform((t): IndexedAccount[] =>
  t.id.map((id, i) => {
    const name = t.name[i];
    return { id, file: t.file[i]!, ...(name !== null && name !== undefined && { name }), manager: t.manager[i]!, tier: t.tier[i]!, needsRating: t.needsRating[i]! };
  }),
);

function encodeIndex(index: AccountIndex): unknown {
  const accounts = toColumns(index.accounts, ACCOUNT_KEYS);
  accounts.name = accounts.name!.map((n) => n ?? null);
  return { ...index, accounts };
}

const completeness = z.looseObject({ answered: num, not_applicable: num, unanswered: num, total: num, percent: num, categories: z.array(z.looseObject({})) });

const index = z.object({
  accounts: indexedAccounts,
  plans: z.array(z.object({ id: z.string(), file: z.string() })),
  tiers: z.array(z.string()),
  untiered: z.string(),
  people: z.array(z.string()).optional(),
});

const config = z.looseObject({
  scoring: z.looseObject({ criteria: z.array(z.looseObject({ id: z.string() })), tiers: z.array(z.looseObject({ name: z.string() })), untiered: z.string() }),
  limits: z.looseObject({}),
  health: z.looseObject({}),
});

// The account scores are stored as a table too, with their keys as they were made (scoreAccount's
// order), so that decoding gives each object back key for key; scores whose keys differ from the
// first one's (no build makes such) are stored as they are, and checked object by object. What a
// score must hold, field by field (both forms are checked with these):
const SCORE_COLUMNS: Record<string, (v: unknown) => boolean> = {
  id: isString,
  name: isString,
  manager: isStringOrNull,
  score: (v) => v === null || Number.isFinite(v),
  current: (v) => v === null || Number.isFinite(v),
  potential: (v) => v === null || Number.isFinite(v),
  tier: isStringOrNull,
  tiered: (v) => typeof v === 'boolean',
  quadrant: isStringOrNull,
  ratedWeight: (v) => Number.isFinite(v),
  needsRating: (v) => typeof v === 'boolean',
  unrated: (v) => Array.isArray(v) && v.every(isString),
  criteria: (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((c) => typeof c === 'object' && c !== null),
};
/** Columns a table may have besides, checked when there (a ranked score's place). */
const SCORE_EXTRA: Record<string, (v: unknown) => boolean> = { rank: isWhole };

/** Rows whose keys are all the first row's, in its order: as { keys, columns }, else as they are. */
function encodeRows(rows: readonly object[]): unknown {
  const keys = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const same = (r: object) => {
    const k = Object.keys(r);
    return k.length === keys.length && k.every((key, i) => key === keys[i]);
  };
  if (rows.length === 0 || !rows.every(same)) return rows;
  return { keys, columns: keys.map((k) => rows.map((r) => (r as Record<string, unknown>)[k])) };
}

/** Whether `v` is an account score: every field of one, each of its kind (other keys pass). */
const isScore = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.entries(SCORE_COLUMNS).every(([k, test]) => test((v as Record<string, unknown>)[k]));

// Each score's criteria ({ [id]: { rating, weight, normalized, contribution } }, the rated ones in
// config order) were most of a stored portfolio (6.5 of 8.9 MB at 10,000 accounts), chiefly their
// keys, repeated in every score. In a table they are stored as the criterion ids once and, per
// account, one array of numbers: for each criterion its id's number, then its four values. They
// decode key for key (an id such as __proto__ becomes an own key, as JSON.parse would make it). A
// column they do not fit (other keys, a value that is no number) stays as it is.
const CRITERION_FIELDS = ['rating', 'weight', 'normalized', 'contribution'] as const;
const PER_CRITERION = 1 + CRITERION_FIELDS.length;

interface PackedCriteria {
  ids: string[];
  rows: number[][];
}

function packCriteria(column: unknown[]): PackedCriteria | unknown[] {
  const ids: string[] = [];
  const number = new Map<string, number>();
  const rows: number[][] = [];
  for (const criteria of column) {
    if (typeof criteria !== 'object' || criteria === null) return column;
    const row: number[] = [];
    for (const [id, c] of Object.entries(criteria)) {
      const keys = typeof c === 'object' && c !== null ? Object.keys(c) : [];
      if (keys.length !== CRITERION_FIELDS.length || !CRITERION_FIELDS.every((f, i) => keys[i] === f)) return column;
      let n = number.get(id);
      if (n === undefined) number.set(id, (n = ids.push(id) - 1));
      row.push(n);
      for (const f of CRITERION_FIELDS) {
        const v = (c as Record<string, unknown>)[f];
        if (typeof v !== 'number' || !Number.isFinite(v)) return column;
        row.push(v);
      }
    }
    rows.push(row);
  }
  return { ids, rows };
}

/** Whether `v` is criteria in the packed form: unique ids, and per row whole criteria of numbers. */
const isPackedCriteria = (v: unknown): v is PackedCriteria => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const { ids, rows } = v as Partial<PackedCriteria>;
  if (!Array.isArray(ids) || !ids.every(isString) || new Set(ids).size !== ids.length || !Array.isArray(rows)) return false;
  // Plain loops: 400,000 numbers at 10,000 accounts.
  for (const row of rows) {
    if (!Array.isArray(row) || row.length % PER_CRITERION !== 0) return false;
    for (let i = 0; i < row.length; i += PER_CRITERION) {
      const n: unknown = row[i];
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= ids.length) return false;
      for (let j = 1; j < PER_CRITERION; j++) if (!Number.isFinite(row[i + j])) return false;
    }
  }
  return true;
};

function unpackCriteria({ ids, rows }: PackedCriteria): Record<string, Record<string, number>>[] {
  // Assigning keys is several times faster than Object.fromEntries, and safe for every id but
  // __proto__ (which would set the object's prototype): with one, fromEntries makes it an own key.
  const assign = !ids.includes('__proto__');
  return rows.map((row) => {
    const criteria: Record<string, Record<string, number>> = {};
    const pairs: [string, Record<string, number>][] = [];
    for (let i = 0; i < row.length; i += PER_CRITERION) {
      const c = { rating: row[i + 1]!, weight: row[i + 2]!, normalized: row[i + 3]!, contribution: row[i + 4]! };
      if (assign) criteria[ids[row[i]!]!] = c;
      else pairs.push([ids[row[i]!]!, c]);
    }
    return assign ? criteria : Object.fromEntries(pairs);
  });
}

const scoreRows = z.union([
  // Rows as they were stored: checked, then used as read.
  z.custom<AccountScore[]>((v) => Array.isArray(v) && v.every(isScore)),
  z
    .object({ keys: z.array(z.string()), columns: z.array(z.unknown()) })
    .refine(({ keys, columns }) => {
      if (keys.length !== columns.length || new Set(keys).size !== keys.length) return false;
      // Every field of a score, and no other (a key such as __proto__ never reaches an object).
      if (!Object.keys(SCORE_COLUMNS).every((k) => keys.includes(k))) return false;
      const tests = keys.map((k) => (Object.hasOwn(SCORE_COLUMNS, k) ? SCORE_COLUMNS[k] : Object.hasOwn(SCORE_EXTRA, k) ? SCORE_EXTRA[k] : undefined));
      const length = (c: unknown) => (Array.isArray(c) ? c.length : isPackedCriteria(c) ? c.rows.length : -1);
      const rows = length(columns[0]);
      return tests.every((test, i) => {
        const c = columns[i];
        if (test === undefined || length(c) !== rows) return false;
        return Array.isArray(c) ? c.every(test) : keys[i] === 'criteria'; // packed: checked by isPackedCriteria
      });
    }, 'not a table of account scores')
    .transform(({ keys, columns }) => {
      const cols = columns.map((c) => (Array.isArray(c) ? c : unpackCriteria(c as PackedCriteria)));
      return (cols[0] ?? []).map((_, row) => {
        const score: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) score[keys[i]!] = cols[i]![row];
        return score;
      });
    }),
]);

const portfolioRest = z.looseObject({
  invalid: z.array(z.looseObject({ id: z.string(), file: z.string(), errors: num, rankedFrom: z.string().optional() })),
  tiers: z.array(z.looseObject({ name: z.string(), min: numOrNull, count: num })),
  unscored: num,
  needsRating: num,
  keyAccounts: z.looseObject({ count: num, limit: num, over: z.boolean() }),
  managers: z.array(z.looseObject({ manager: z.string(), accounts: num })),
  unmanaged: num,
});

/**
 * The portfolio: its account scores as a table (scoreRows), the rest checked and used as it was
 * read, its keys in the order the analysis made them.
 */
const portfolioSlice = z.unknown().transform((v, ctx): Portfolio => {
  const accounts = portfolioRest.safeParse(v).success ? scoreRows.safeParse((v as { accounts?: unknown }).accounts) : undefined;
  if (!accounts?.success) {
    ctx.addIssue({ code: 'custom', message: 'not a stored portfolio' });
    return z.NEVER;
  }
  return { ...(v as object), accounts: accounts.data } as unknown as Portfolio;
});

function encodePortfolio(portfolio: Portfolio): unknown {
  const accounts = encodeRows(portfolio.accounts);
  if (!Array.isArray(accounts)) {
    const table = accounts as { keys: string[]; columns: unknown[][] };
    const i = table.keys.indexOf('criteria');
    if (i >= 0) table.columns[i] = packCriteria(table.columns[i]!) as unknown[];
  }
  return { ...portfolio, accounts };
}

const health = z.array(
  z.looseObject({
    id: z.string(),
    file: z.string(),
    name: z.string(),
    tier: strOrNull,
    manager: strOrNull,
    health: numOrNull,
    band,
    components: z.record(z.string(), z.looseObject({ value: num, weight: num })),
    left_out: z.array(z.string()),
    details: z.array(z.looseObject({})),
  }),
);

/**
 * A slice stored as the analysis made it: checked by `schema`, then used as it was read, so its
 * keys keep their order (zod's output would put the keys it knows first) and a cached report is
 * byte for byte a fresh one.
 */
const asStored = <T>(schema: z.ZodType) => z.custom<T>((v) => schema.safeParse(v).success);

const SLICES = {
  findings,
  completeness: asStored<Record<string, Completeness>>(z.record(z.string(), completeness)),
  index,
  configRules: asStored<RuleSettings>(z.record(z.string(), z.enum(['error', 'warning', 'off']))),
  config: asStored<Config>(config),
  portfolio: portfolioSlice,
  health: asStored<PlanHealth[]>(health),
};

/** What each slice holds (the types the analysis computes them as). */
export interface Slices {
  findings: Finding[];
  completeness: Record<string, Completeness>;
  index: AccountIndex;
  configRules: RuleSettings;
  config: Config;
  portfolio: Portfolio;
  health: PlanHealth[];
}
export type SliceName = keyof Slices;

/** How a slice is written to the cache (most as they are; findings, the index and scores as tables). */
const ENCODE: Partial<{ [K in SliceName]: (value: Slices[K]) => unknown }> = { findings: encodeFindings, index: encodeIndex, portfolio: encodePortfolio };

/** What the result cache needs to store and check a result made of some slices. */
export interface SliceCodec<T> {
  /** Checks a stored value and decodes it; a value it rejects is a miss. */
  schema: z.ZodType<T>;
  /** The stored form of a value (what `schema` reads back). */
  encode(value: T): unknown;
}

/** The codec of a result made of `names`: the one zod schema that checks it, and its stored form. */
export function sliceCodec<K extends SliceName>(...names: K[]): SliceCodec<Pick<Slices, K>> {
  const shape = Object.fromEntries(names.map((n) => [n, SLICES[n]]));
  return {
    schema: z.object(shape) as unknown as z.ZodType<Pick<Slices, K>>,
    encode: (value) => Object.fromEntries(names.map((n) => [n, ENCODE[n] ? (ENCODE[n] as (v: unknown) => unknown)(value[n]) : value[n]])),
  };
}
