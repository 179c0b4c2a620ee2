import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { accountSchema } from '../schema/account.js';
import type { Config } from '../schema/config.js';
import { planSchema } from '../schema/plan.js';
import { cacheInsideRepo, cacheKey, LoadCache, type FileStat } from './cache.js';
import { listFolder, takeListing, type RepoListing } from '../repoFs/listFolder.js';
import { unreadable } from './loadText.js';
import { readBytesSync } from '../repoFs/readText.js';
import type { LoadedFile } from './loadText.js';
import { fromResult, parseFile, sha1, toResult, type FileRef, type FileResult, type Shapes } from './parseFile.js';
import { parseInWorkers, workerCount, workerScript } from './workerPool.js';
import { jitlessFor } from './schemaIssues.js';

export interface LoadOptions {
  /**
   * Use the cache of loaded files (default false: commands decide, all alike, with the CLI's
   * cacheWanted(); a caller that forgets never reads a cache it should not).
   */
  cache?: boolean;
  /** Parse on worker threads: true/false, a thread count, or undefined for automatic. */
  workers?: boolean | number;
  /** The worker threads' script (default: dist/worker.cjs beside the bundle; none when run from source). */
  workerScript?: string;
  /** Called as files finish loading: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Told what the load did (cache hits, parsed files, threads): for tests and the bench. */
  onStats?: (stats: LoadStats) => void;
}

export interface LoadStats {
  files: number;
  /** Cache hits by size+mtime. */
  cached: number;
  /** Cache hits after comparing the content hash. */
  cachedByHash: number;
  parsed: number;
  workers: number;
}

const FOLDERS = ['accounts', 'plans'] as const;


/**
 * The YAML files of accounts/ and plans/ (a missing folder has none), and the results of the
 * entries that must not be read (links out of the repo, loops, dangling links): see listFolder.
 */
export async function listFiles(root: string, listing?: RepoListing): Promise<{ refs: FileRef[]; refused: FileResult[] }> {
  const refs: FileRef[] = [];
  const refused: FileResult[] = [];
  for (const folder of FOLDERS) {
    for (const e of listing?.[folder] ?? (await listFolder(root, folder))) {
      if ('finding' in e) refused.push(toResult(unreadable(e.id, e.file, e.finding)));
      else refs.push({ id: e.id, file: e.file, folder, abs: e.abs });
    }
  }
  return { refs, refused };
}

/**
 * Loads every account and plan file: list → cache hits → parse the rest (on worker threads when
 * there are many) → cache the new results. Returns them unsorted; assembleRepo orders them.
 */
export async function loadFiles(
  root: string,
  build: string,
  config: Config,
  configText: string,
  options: LoadOptions = {},
): Promise<{ accounts: LoadedFile<unknown>[]; plans: LoadedFile<unknown>[] }> {
  const listing = takeListing(root);
  const { refs, refused } = await listFiles(root, listing);
  const stats: LoadStats = { files: refs.length + refused.length, cached: 0, cachedByHash: 0, parsed: 0, workers: 0 };
  const cache = options.cache !== true || !cacheInsideRepo(root) ? undefined : LoadCache.open(root, cacheKey(build, configText));
  const statOf = new Map<string, FileStat>();
  const results: FileResult[] = [...refused];
  const progress = () => options.onProgress?.(results.length, stats.files);

  let misses = refs;
  if (cache) {
    misses = [];
    for (const ref of refs) {
      // Synchronous: thousands of stat() promises cost more than the calls themselves.
      const s = listing?.stats.get(ref.file) ?? statSync(ref.abs, { throwIfNoEntry: false });
      if (!s) {
        misses.push(ref);
        continue;
      }
      const st = { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs };
      statOf.set(ref.file, st);
      const hit = cache.byStat(ref.file, st);
      if (hit) {
        stats.cached++;
        results.push(hit);
        continue;
      }
      const known = cache.hashOf(ref.file);
      // Same content under a new mtime (git checkout, touch): hash before paying for a parse.
      if (known && hashFile(ref.abs) === known) {
        stats.cachedByHash++;
        results.push(cache.refresh(ref.file, st)!);
        continue;
      }
      misses.push(ref);
    }
    progress();
  }

  const onResult = (r: FileResult) => {
    results.push(r);
    const s = statOf.get(r.file);
    if (cache && s) cache.set(r.file, s, r);
    if (results.length % 50 === 0) progress();
  };
  stats.parsed = misses.length;
  const shapes: Shapes = { accounts: accountSchema(config), plans: planSchema(config) };
  // Few files to parse here: zod's compiled fast path would cost more to make than it saves.
  const jitless = jitlessFor(misses.length);
  const parseHere = (ref: FileRef) => parseFile(ref, shapes, { jitless });
  const script = options.workerScript ?? workerScript();
  stats.workers = script ? workerCount(misses.length, options.workers) : 0;
  if (stats.workers > 0) await parseInWorkers(script!, config, misses, stats.workers, parseHere, onResult);
  else for (const ref of misses) onResult(parseHere(ref));
  progress();
  cache?.save();
  options.onStats?.(stats);

  const accounts: LoadedFile<unknown>[] = [];
  const plans: LoadedFile<unknown>[] = [];
  for (const r of results) (r.file.startsWith('accounts/') ? accounts : plans).push(fromResult(r));
  return { accounts, plans };
}

function hashFile(abs: string): string | undefined {
  const read = readBytesSync(abs, { file: abs, account: null, line: 1, column: 1 });
  return 'bytes' in read ? sha1(read.bytes) : undefined;
}
