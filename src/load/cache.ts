import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvesInside } from '../repoFs/inside.js';
import { atomicWrite } from '../util/atomicWrite.js';
import type { FileResult } from './parseFile.js';

/**
 * The per-repo cache of loaded files: parsing dominates every kam run, and most files do not
 * change between runs. One JSON file holds every entry, keyed by kam version + config hash (the
 * header) and file path (the entries). An entry is used when the file's size and mtime match, or
 * else when its content hash does (git checkouts change mtimes but not content).
 */
export interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** False when the file changed too close to when it was cached for its mtime to be trusted. */
  trusted: boolean;
  result: FileResult & { sha1: string };
}

interface CacheFile {
  format: number;
  key: string;
  entries: Record<string, CacheEntry>;
}

const FORMAT = 4;
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

export function cacheKey(version: string, configText: string): string {
  return createHash('sha1').update(`kam ${version}\0${configText}`).digest('hex');
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
    let entries: Record<string, CacheEntry> = {};
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>;
      if (data && data.format === FORMAT && data.key === key && data.entries && typeof data.entries === 'object') entries = data.entries;
    } catch {
      // Missing or corrupt: start afresh; it is rewritten after this run.
    }
    return new LoadCache(path, key, entries);
  }

  /** The entry for `file` whose size and mtime still match, or undefined. */
  byStat(file: string, size: number, mtimeMs: number): CacheEntry['result'] | undefined {
    this.seen.add(file);
    const entry = this.valid(file);
    return entry && entry.trusted && entry.size === size && entry.mtimeMs === mtimeMs ? entry.result : undefined;
  }

  /** The cached content hash of `file`, to compare with the file's current hash. */
  hashOf(file: string): string | undefined {
    return this.valid(file)?.result.sha1;
  }

  /** A file whose content hash matched: keep its result, remember the new stat. */
  refresh(file: string, size: number, mtimeMs: number): CacheEntry['result'] | undefined {
    const entry = this.valid(file);
    if (!entry) return undefined;
    this.set(file, size, mtimeMs, entry.result);
    return entry.result;
  }

  set(file: string, size: number, mtimeMs: number, result: FileResult): void {
    this.seen.add(file);
    if (!result.sha1) return; // unreadable files are retried every time
    this.entries.set(file, { size, mtimeMs, trusted: mtimeMs < Date.now() - RACY_MS, result: result as CacheEntry['result'] });
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
    try {
      const data: CacheFile = { format: FORMAT, key: this.key, entries: Object.fromEntries(this.entries) };
      atomicWrite(this.path, JSON.stringify(data), { fsync: false });
      // Keep .kam/ out of git even in repos whose .gitignore does not mention it.
      const kamDir = join(this.path, '..', '..');
      if (kamDir.endsWith('.kam') && !existsSync(join(kamDir, '.gitignore'))) atomicWrite(join(kamDir, '.gitignore'), '# kam cache: safe to delete\n*\n');
    } catch {
      // A read-only repo or full disk only costs speed next time.
    }
  }

  /** An entry of the expected shape; anything else (a hand-edited or damaged file) is ignored. */
  private valid(file: string): CacheEntry | undefined {
    const entry = this.entries.get(file);
    if (!entry || typeof entry !== 'object') return undefined;
    const r = entry.result;
    const ok =
      typeof entry.size === 'number' &&
      typeof entry.mtimeMs === 'number' &&
      r && typeof r === 'object' && typeof r.sha1 === 'string' && typeof r.id === 'string' && r.file === file &&
      Array.isArray(r.findings) && typeof r.index === 'object' && r.index !== null && Array.isArray(r.index.s) && Array.isArray(r.index.n);
    if (!ok) {
      this.entries.delete(file);
      return undefined;
    }
    return entry;
  }
}
