import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareCodeUnits } from '../util/compare.js';
import { cacheDir, cacheInsideRepo, readCacheFile, RACY_MS, writeCacheFile } from '../load/cache.js';
import { CONFIG_FILE } from '../repoFs/findRoot.js';
import { lendListing, listFolder, type RepoListing } from '../repoFs/listFolder.js';
import { buildId } from '../version.js';
import { cacheWanted, type Io } from './io.js';
import type { ZodType } from 'zod';

/**
 * The cache of whole results. When neither kam.yaml, any account or plan file (content or
 * permissions), kam's build nor the command's options changed since a command last ran, its
 * result (findings, scores) is reused without loading the repo at all: a second `kam check`
 * costs a stat per file.
 *
 * The key hashes all of those inputs; files are known by path, size, mtime, ctime and mode (chmod
 * changes only the last two: a fixed or a new read error is never served from the cache), and a
 * run whose files changed within the last RACY_MS (so that a same-size edit in the same mtime tick
 * could go unnoticed) gets no key, so it is neither reused
 * nor stored. Modules this file imports stay light: a hit must not pay for loading the YAML
 * parsers or zod.
 */
export interface RunSpec<T, C extends T = T> {
  io: Pick<Io, 'env'>;
  /** The command's options: `cache: false` is --no-cache. */
  opts: { cache?: boolean };
  root: string;
  /** The command, and the options its result depends on (part of the key). */
  command: string;
  options: unknown;
  /** How this command's result is stored and checked (analysis/slices.ts, sliceCodec): a stored value its schema rejects is a miss. */
  codec: { schema: ZodType<T>; encode(value: T): unknown };
  /** Whether a computed value may be stored (default: always). */
  keep?: (value: C) => boolean;
}

// 3: kam check runs keep each account's manager and tier (--manager, --tier).
// 4: results are analysis slices (analysis/slices.ts), findings and the account index as tables.
const FORMAT = 4;

/**
 * The result of `spec.command` on the repo: the stored one when its key still matches, else
 * `compute()`'s, stored for next time. The same decision as every other cache of kam's
 * (cacheWanted: not with --no-cache, not in CI). A failing `compute` (KamError) stores nothing.
 */
export async function cachedRun<T, C extends T = T>(spec: RunSpec<T, C>, compute: () => Promise<C>): Promise<T> {
  const run = cacheWanted(spec.opts, spec.io) ? await runKey(spec.root, spec.command, spec.options) : undefined;
  if (!run) return compute();
  const stored = readCacheFile(run.path, run.key);
  if (stored !== undefined) {
    const checked = spec.codec.schema.safeParse(stored);
    if (checked.success) return checked.data;
  }
  // The loader takes the listing the key was made of instead of listing and stat-ing again.
  const computed = await lendListing(spec.root, run.listing, compute);
  if (spec.keep?.(computed) ?? true) writeCacheFile(run.path, run.key, spec.codec.encode(computed));
  return computed;
}

interface RunKey {
  key: string;
  path: string;
  listing: RepoListing;
}

/**
 * The key of `command` with `options` on the repo at `root`, or undefined when its result must
 * not be cached: the cache folder is not inside the repo, kam.yaml is not a plain file, an
 * entry of accounts/ or plans/ cannot be read, or a file changed too recently.
 */
export async function runKey(root: string, command: string, options: unknown): Promise<RunKey | undefined> {
  if (!cacheInsideRepo(root)) return undefined;
  const now = Date.now();
  const hash = createHash('sha1').update(`kam ${buildId()}\0${FORMAT}\0${command}\0${JSON.stringify(options)}\0`);
  const listing: RepoListing = { accounts: [], plans: [], stats: new Map() };
  try {
    const configPath = join(root, CONFIG_FILE);
    const config = lstatSync(configPath);
    if (!config.isFile() || config.mtimeMs > now - RACY_MS) return undefined;
    hash.update(readFileSync(configPath)).update('\0');
    // One line per file, hashed at once (one update per file costs more than the hashing).
    const lines: string[] = [];
    for (const folder of ['accounts', 'plans'] as const) {
      const entries = (listing[folder] = await listFolder(root, folder));
      const sorted = [...entries].sort((a, b) => compareCodeUnits(a.file, b.file));
      for (const entry of sorted) {
        if ('finding' in entry) return undefined;
        const s = statSync(entry.abs);
        if (!s.isFile() || s.mtimeMs > now - RACY_MS) return undefined;
        listing.stats.set(entry.file, { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs });
        lines.push(`${entry.file}\t${s.size}\t${s.mtimeMs}\t${s.ctimeMs}\t${s.mode}\n`);
      }
    }
    hash.update(lines.join(''));
  } catch {
    return undefined; // whatever went wrong, the full run will say it properly
  }
  return { key: hash.digest('hex'), path: join(cacheDir(root), `run-${command}.json`), listing };
}
