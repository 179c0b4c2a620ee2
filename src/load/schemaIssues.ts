import type { z } from 'zod';
import { didYouMean } from '../util/didYouMean.js';
import type { Finding } from '../findings/finding.js';
import { makeFinding } from '../findings/makeFinding.js';
import { itemPath, subject, within } from '../findings/itemPath.js';
import type { PathSegment, PositionIndex } from '../yaml/index.js';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/**
 * zod's parse without its compiled fast path (ParseContext.jitless). zod compiles a parser for
 * each object schema on its first use (new Function, which no code cache keeps): worth it over
 * hundreds of files, not over a few, where the compiling cost more than validating (`kam check`
 * on the example: 38 ms of 270). Callers that validate few files ask for it (jitlessFor decides).
 */
const JITLESS = { jitless: true } as const;

/**
 * Whether `files` files are few enough to validate without the fast path: its compiling costs
 * more than it saves below 500. Cold `kam check` on the bench machine, with the fast path against
 * without it: the example (22 files) 309 vs 272 ms, 330 files 627 vs 599 ms, 1,100 files 804 vs
 * 815 ms, 1,300 files 1,060 vs 1,091 ms, 10,300 files 2.68 vs 3.11 s.
 */
export const jitlessFor = (files: number): boolean => files < 500;

/** Validates `data` and turns every zod issue into a `schema` finding at the offending node. */
export function validateWithSchema<S extends AnySchema>(
  schema: S,
  data: unknown,
  ctx: { file: string; account: string | null; index: PositionIndex; jitless?: boolean },
): { value?: z.output<S>; findings: Finding[] } {
  if (data === null || data === undefined) {
    return { findings: [makeFinding('schema', { file: ctx.file, account: ctx.account, line: 1, column: 1 }, 'the file is empty; it must be a YAML mapping (key: value lines)')] };
  }
  const result = (schema as unknown as z.ZodType).safeParse(data, ctx.jitless ? JITLESS : undefined);
  if (result.success) return { value: result.data as z.output<S>, findings: [] };
  const findings = flatten(result.error.issues as Issue[], []).flatMap((issue) => issueToFindings(issue, schema, data, ctx));
  return { findings };
}

/** Expands union issues into the issues of the branch the input was evidently meant for. */
function flatten(issues: Issue[], prefix: PathSegment[]): Issue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Branches that failed only on the type at their root were not meant: drop them.
      const meant = issue.errors.filter((branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (meant.length === 1) return flatten(meant[0] as Issue[], path);
    }
    return [{ ...issue, path } as Issue];
  });
}

function issueToFindings(issue: Issue, root: AnySchema, data: unknown, ctx: { file: string; account: string | null; index: PositionIndex }): Finding[] {
  const path = issue.path as PathSegment[];
  const where = (p: readonly PathSegment[], preferKey = false) => ({ ...ctx, path: p, ...ctx.index.locate(p, preferKey) });
  if (issue.code === 'unrecognized_keys') {
    const allowed = shapeKeysAt(root, path);
    return issue.keys.map((k) =>
      makeFinding('schema', where([...path, k], true),
        `unknown key "${k}"${at(path)}${didYouMean(k, allowed) || allowedKeys(k, allowed)}`),
    );
  }
  const value = valueAt(data, path);
  if (value === undefined && path.length > 0) {
    const name = path[path.length - 1]!;
    return [makeFinding('schema', where(path), `missing required key "${name}"${at(path.slice(0, -1))}: add it`)];
  }
  // A schema may ask for its issue to be located at the key rather than the value (a mapping key that names nothing).
  const preferKey = issue.code === 'custom' && (issue.params as { preferKey?: unknown } | undefined)?.preferKey === true;
  return [makeFinding('schema', where(path, preferKey), `${describe(path)} ${issueMessage(issue, value)}`)];
}

/** The keys worth listing for an unknown one: all when few, else those of the same category. */
function allowedKeys(key: string, allowed: string[]): string {
  if (allowed.length === 0) return '';
  if (allowed.length <= 12) return `; allowed keys: ${allowed.join(', ')}`;
  const prefix = key.includes('.') ? key.slice(0, key.indexOf('.') + 1) : undefined;
  const related = prefix ? allowed.filter((a) => a.startsWith(prefix)) : [];
  if (related.length > 0 && related.length <= 12) return `; keys starting "${prefix}": ${related.join(', ')}`;
  return `; it is not one of the ${allowed.length} keys allowed here (run "kam schema" to list them)`;
}

function issueMessage(issue: Issue, value: unknown): string {
  // kam's own messages (set in the schemas) all start "must": they know best.
  if (issue.message.startsWith('must ')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${article(issue.expected)}, not ${typeName(value)}`;
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v));
      if (options.length === 1) return `must be ${JSON.stringify(issue.values[0])}${value === undefined ? '' : `, not ${JSON.stringify(value)}`}`;
      return `must be one of ${options.join(', ')}; found "${String(value)}"${typeof value === 'string' ? didYouMean(value, options) : ''}`;
    }
    case 'invalid_union':
      return `has an unexpected form (${typeName(value)}); see the plan format for what it takes`;
    default:
      return lowerFirst(issue.message);
  }
}

// Places are named as every message names them (findings/itemPath.ts: list items in words, from 1).
const describe = subject;
const at = within;

export function formatPath(path: readonly PathSegment[]): string {
  return itemPath(path);
}

function typeName(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function article(expected: string): string {
  const names: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false' };
  return names[expected] ?? expected;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, seg) ? (cur as Record<PathSegment, unknown>)[seg] : undefined;
  }
  return cur;
}

/** The keys an object schema at `path` accepts, for the did-you-mean hint. */
function shapeKeysAt(root: AnySchema, path: readonly PathSegment[]): string[] {
  let schemas: AnySchema[] = [root];
  for (let i = 0; i <= path.length; i++) {
    schemas = schemas.flatMap(unwrap);
    if (i === path.length) break;
    const seg = path[i]!;
    schemas = schemas.flatMap((s) => {
      const def = s._zod.def as unknown as Record<string, unknown>;
      if (def.type === 'object' && typeof seg === 'string') {
        const shape = def.shape as Record<string, AnySchema>;
        return shape[seg] ? [shape[seg]] : [];
      }
      if (def.type === 'array' && typeof seg === 'number') return [def.element as AnySchema];
      if (def.type === 'record') return [def.valueType as AnySchema];
      return [];
    });
  }
  return [...new Set(schemas.flatMap((s) => (s._zod.def.type === 'object' ? Object.keys((s._zod.def as unknown as { shape: object }).shape) : [])))].filter(
    (k) => k !== '$schema',
  );
}

function unwrap(schema: AnySchema): AnySchema[] {
  const def = schema._zod.def as unknown as Record<string, unknown>;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return unwrap(def.innerType as AnySchema);
    case 'pipe':
      // `.transform()` puts the schema first (in), `z.preprocess` last (out; emptyWhenNull lists
      // are such pipes): both sides, so the keys of list items are found for did-you-mean.
      return [...unwrap(def.in as AnySchema), ...unwrap(def.out as AnySchema)];
    case 'union':
      return (def.options as AnySchema[]).flatMap(unwrap);
    default:
      return [schema];
  }
}
