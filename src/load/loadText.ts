import type { z } from 'zod';
import type { Finding } from '../findings/finding.js';
import { parseYaml } from '../yaml/parseYaml.js';
import { PositionIndex } from '../yaml/positions.js';
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

/** Parses and validates one file's text. Pure: no I/O, so it can run anywhere (workers, caches). */
export function loadText<S extends z.core.$ZodType>(schema: S, id: string, file: string, text: string, account: string | null): LoadedFile<z.output<S>> {
  const parsed = parseYaml(text, file, account);
  if (parsed.findings.length > 0) return { id, file, index: parsed.index, findings: parsed.findings };
  const { value, findings } = validateWithSchema(schema, parsed.data, { file, account, index: parsed.index });
  return value === undefined ? { id, file, index: parsed.index, findings } : { id, file, value, index: parsed.index, findings };
}

/** A file that could not even be read: no value, no positions. */
export function unreadable<T>(id: string, file: string, finding: Finding): LoadedFile<T> {
  return { id, file, index: new PositionIndex(), findings: [finding] };
}
