import type { z } from 'zod';
import type { Finding } from '../findings/finding.js';
import { parseYaml, PositionIndex } from '../yaml/index.js';
import { validateWithSchema } from './schemaIssues.js';

/** One repo file after parsing and validation. `value` is absent when the file has errors. */
export interface LoadedFile<T> {
  /** The id the file name gives (accounts/<id>.yaml, plans/<id>.yaml). */
  id: string;
  /** Repo-relative path with `/` separators. */
  file: string;
  value?: T;
  index: PositionIndex;
  findings: Finding[];
}

/**
 * Parses and validates one file's text. Pure: no I/O, so it can run anywhere (workers, caches).
 * `jitless`: validate without zod's compiled fast path, for a caller that validates few files
 * (see validateWithSchema).
 */
export function loadText<S extends z.core.$ZodType>(schema: S, id: string, file: string, text: string, account: string | null, opts: { jitless?: boolean } = {}): LoadedFile<z.output<S>> {
  const parsed = parseYaml(text, file, account);
  if (parsed.findings.length > 0) return { id, file, index: parsed.index, findings: parsed.findings };
  const { value, findings } = validateWithSchema(schema, parsed.data, { file, account, index: parsed.index, jitless: opts.jitless });
  return value === undefined ? { id, file, index: parsed.index, findings } : { id, file, value: jsonNumbers(value), index: parsed.index, findings };
}

/**
 * `value` with every -0 made 0, in place. A loaded value crosses threads and goes into the caches
 * as JSON, which has no -0: without this, `revenue: -0` would print "-$0" on a fresh run and "$0"
 * from the cache. Every value is what JSON can carry, whichever way it came.
 */
export function jsonNumbers<T>(value: T): T {
  if (Object.is(value, -0)) return 0 as T;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (typeof v === 'object' ? v !== null : Object.is(v, -0)) o[k] = jsonNumbers(v);
    }
  }
  return value;
}

/** A file that could not even be read: no value, no positions. */
export function unreadable<T>(id: string, file: string, finding: Finding): LoadedFile<T> {
  return { id, file, index: new PositionIndex(), findings: [finding] };
}
