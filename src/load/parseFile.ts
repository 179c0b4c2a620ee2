import { hash } from 'node:crypto';
import type { z } from 'zod';
import type { Finding } from '../findings/finding.js';
import { loadText, unreadable, type LoadedFile } from './loadText.js';
import { PositionIndex, type CompactIndex } from '../yaml/index.js';
import { decodeText, readBytesSync } from '../repoFs/readText.js';

/** A repo file to load: accounts/<id>.yaml or plans/<id>.yaml. */
export interface FileRef {
  id: string;
  /** Repo-relative path with `/`. */
  file: string;
  folder: 'accounts' | 'plans';
  abs: string;
}

/**
 * One loaded file as plain data, the form that crosses threads and goes into the cache.
 * `sha1` is the hash of the bytes that were parsed; absent when the file could not be read.
 */
export interface FileResult {
  id: string;
  file: string;
  value?: unknown;
  /** PositionIndex.toJSON(). */
  index: CompactIndex;
  findings: Finding[];
  sha1?: string;
}

export type Shapes = Record<FileRef['folder'], z.core.$ZodType>;

export const sha1 = (bytes: Uint8Array): string => hash('sha1', bytes, 'hex');

/** Reads, hashes, parses and validates one file. Used in-thread and by the worker threads. */
export function parseFile(ref: FileRef, shapes: Shapes, opts: { jitless?: boolean } = {}): FileResult {
  const where = { file: ref.file, account: ref.id, line: 1, column: 1 };
  // Synchronous: files are read one after another, and a sync read skips the thread-pool round
  // trip. readBytesSync checks kind and size before reading (no FIFO hangs, no 50 MB reads).
  const read = readBytesSync(ref.abs, where);
  if ('finding' in read) return toResult(unreadable(ref.id, ref.file, read.finding));
  const bytes = read.bytes;
  const decoded = decodeText(bytes, where);
  const loaded = 'finding' in decoded ? unreadable(ref.id, ref.file, decoded.finding) : loadText(shapes[ref.folder], ref.id, ref.file, decoded.text, ref.id, opts);
  return toResult(loaded, sha1(bytes));
}

export function toResult(loaded: LoadedFile<unknown>, hash?: string): FileResult {
  const result: FileResult = { id: loaded.id, file: loaded.file, index: loaded.index.toJSON(), findings: loaded.findings };
  if (loaded.value !== undefined) result.value = loaded.value;
  if (hash) result.sha1 = hash;
  return result;
}

export function fromResult<T>(result: FileResult): LoadedFile<T> {
  const loaded: LoadedFile<T> = { id: result.id, file: result.file, index: PositionIndex.fromJSON(result.index), findings: result.findings };
  if (result.value !== undefined) loaded.value = result.value as T;
  return loaded;
}
