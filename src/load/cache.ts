import { createHash, hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvesInside } from '../repoFs/inside.js';
import { atomicWrite } from '../util/atomicWrite.js';
import type { Finding } from '../findings/finding.js';
import type { FileResult } from './parseFile.js';

/**
 * The per-repo cache of loaded files: parsing dominates every kam run, and most files do not
 * change between runs. One JSON file holds every entry, keyed by kam's build + config hash (the
 * header) and file path (the entries). An entry is used when the file's size, mtime and ctime
 * match (ctime: a chmod that makes a file unreadable must not go unseen), or else when its content
 * hash does (git checkouts change mtimes but not content).
 */
export interface CacheEntry {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  /** False when the file changed too close to when it was cached for its mtime to be trusted. */
  trusted: boolean;
  result: FileResult & { sha1: string };
}

/** A file's stat as the caches compare it. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

const FORMAT = 5;
/**
 * A file modified this soon before being cached may be modified again within the same mtime
 * tick without its size changing ("racy git"); such entries are checked by hash next time.
 */
export const RACY_MS = 2000;

/** node_modules/.cache/kam when the repo has node_modules (the usual tool cache), else .kam/cache. */
export function cacheDir(root: string): string {
  return existsSync(join(root, 'node_modules')) ? join(root, 'node_modules', '.cache', 'kam') : join(root, '.kam', 'cache');
}

/**
 * Whether the cache folder really lies in the repo: a `.kam` or `node_modules` link to elsewhere
 * must not make kam write (or trust) files outside the repo, so such a repo runs without the cache.
 */
export function cacheInsideRepo(root: string): boolean {
  return resolvesInside(root, cacheDir(root));
}

/** The files cache's key: kam's build (see buildId) and kam.yaml's text. */
export function cacheKey(build: string, configText: string): string {
  return createHash('sha1').update(`kam ${build}\0${configText}`).digest('hex');
}

/**
 * Both caches' file form: a header line `{"format","key","sum"}` and the value's JSON, whose
 * SHA-1 is `sum`. The value stored under `key`, or undefined when the file is missing, damaged,
 * of another format, for another key, or its value was changed after it was written (the sum
 * no longer matches): anything unexpected is a miss, never an error.
 */
export function readCacheFile(path: string, key: string): unknown {
  try {
    // Bytes, not text: the sum is taken over the bytes as read, and only a body that passes is
    // decoded (hashing a string would encode it back to UTF-8 first).
    const bytes = readFileSync(path);
    const nl = bytes.indexOf(0x0a);
    if (nl < 0) return undefined;
    const header = JSON.parse(bytes.toString('utf8', 0, nl)) as { format?: unknown; key?: unknown; sum?: unknown } | null;
    if (!header || header.format !== FORMAT || header.key !== key) return undefined;
    const body = bytes.subarray(nl + 1);
    if (header.sum !== hash('sha1', body, 'hex')) return undefined;
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Stores `value` under `key` at `path` (atomically). Never throws: a read-only repo only costs speed. */
export function writeCacheFile(path: string, key: string, value: unknown): boolean {
  try {
    // One stringify and one encoding: the sum is taken over the bytes that are written.
    const body = Buffer.from(JSON.stringify(value), 'utf8');
    const header = Buffer.from(`${JSON.stringify({ format: FORMAT, key, sum: hash('sha1', body, 'hex') })}\n`, 'utf8');
    atomicWrite(path, [header, body], { fsync: false });
    // Keep .kam/ out of git even in repos whose .gitignore does not mention it.
    const kamDir = join(path, '..', '..');
    if (kamDir.endsWith('.kam') && !existsSync(join(kamDir, '.gitignore'))) atomicWrite(join(kamDir, '.gitignore'), '# kam cache: safe to delete\n*\n');
    return true;
  } catch {
    return false;
  }
}

export class LoadCache {
  private changed = false;
  private readonly entries: Map<string, CacheEntry>;
  private readonly seen = new Set<string>();

  private constructor(
    private readonly path: string,
    private readonly key: string,
    entries: Record<string, CacheEntry>,
  ) {
    this.entries = new Map(Object.entries(entries));
  }

  /** Opens the cache; a missing, unreadable, corrupt or outdated cache file is an empty cache. */
  static open(root: string, key: string): LoadCache {
    const path = join(cacheDir(root), 'files.json');
    const stored = readCacheFile(path, key);
    // Missing or corrupt: start afresh; it is rewritten after this run.
    const entries = stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, CacheEntry>) : {};
    return new LoadCache(path, key, entries);
  }

  /** The entry for `file` whose size, mtime and ctime still match, or undefined. */
  byStat(file: string, s: FileStat): CacheEntry['result'] | undefined {
    this.seen.add(file);
    const entry = this.valid(file);
    return entry && entry.trusted && entry.size === s.size && entry.mtimeMs === s.mtimeMs && entry.ctimeMs === s.ctimeMs ? entry.result : undefined;
  }

  /** The cached content hash of `file`, to compare with the file's current hash. */
  hashOf(file: string): string | undefined {
    return this.valid(file)?.result.sha1;
  }

  /** A file whose content hash matched: keep its result, remember the new stat. */
  refresh(file: string, s: FileStat): CacheEntry['result'] | undefined {
    const entry = this.valid(file);
    if (!entry) return undefined;
    this.set(file, s, entry.result);
    return entry.result;
  }

  set(file: string, s: FileStat, result: FileResult): void {
    this.seen.add(file);
    if (!result.sha1) return; // unreadable files are retried every time
    const trusted = s.mtimeMs < Date.now() - RACY_MS;
    this.entries.set(file, { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, trusted, result: result as CacheEntry['result'] });
    this.changed = true;
  }

  /** Writes the cache back when it changed, dropping files that no longer exist. Never throws. */
  save(): void {
    for (const file of this.entries.keys()) {
      if (!this.seen.has(file)) {
        this.entries.delete(file);
        this.changed = true;
      }
    }
    if (!this.changed) return;
    // A read-only repo or full disk only costs speed next time.
    writeCacheFile(this.path, this.key, Object.fromEntries(this.entries));
  }

  /** An entry of the expected shape; anything else (a hand-edited or damaged file) is ignored. */
  private valid(file: string): CacheEntry | undefined {
    const entry = this.entries.get(file);
    if (!entry || typeof entry !== 'object') return undefined;
    const r = entry.result;
    const ok =
      typeof entry.size === 'number' &&
      typeof entry.mtimeMs === 'number' &&
      typeof entry.ctimeMs === 'number' &&
      typeof entry.trusted === 'boolean' &&
      r && typeof r === 'object' && typeof r.sha1 === 'string' && typeof r.id === 'string' && r.file === file &&
      Array.isArray(r.findings) && r.findings.every(isFinding) &&
      typeof r.index === 'object' && r.index !== null && Array.isArray(r.index.s) && Array.isArray(r.index.n);
    if (!ok) {
      this.entries.delete(file);
      return undefined;
    }
    return entry;
  }
}

/** Whether `f` has a finding's shape (what formatters and rules read); for checking cached data. */
export function isFinding(f: unknown): f is Finding {
  if (!f || typeof f !== 'object') return false;
  const o = f as Record<string, unknown>;
  return (
    typeof o.rule === 'string' && (o.severity === 'error' || o.severity === 'warning') && typeof o.file === 'string' && typeof o.message === 'string' &&
    Number.isInteger(o.line) && Number.isInteger(o.column) && (o.account === null || typeof o.account === 'string') &&
    (o.path === undefined || (Array.isArray(o.path) && o.path.every((p) => typeof p === 'string' || typeof p === 'number')))
  );
}
