import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWrite } from '../util/atomicWrite.js';
import { compareCodeUnits } from '../util/compare.js';
import { cacheDir, cacheInsideRepo, RACY_MS } from '../load/cache.js';
import { CONFIG_FILE } from '../repoFs/findRoot.js';
import { listFolder, type RepoListing } from '../repoFs/listFolder.js';

/**
 * The cache of whole results. When neither kam.yaml, any account or plan file, the kam version
 * nor the command's options changed since a command last ran, its result (findings, scores) is
 * reused without loading the repo at all: a second `kam check` costs a stat per file.
 *
 * The key hashes all of those inputs; files are known by path, size and mtime, and a run whose
 * files changed within the last RACY_MS (so that a same-size edit in the same mtime tick could go
 * unnoticed) gets no key, so it is neither reused nor stored. Modules this file imports stay
 * light: a hit must not pay for loading the YAML parsers or zod.
 */
export interface RunKey {
  key: string;
  path: string;
  /** What the key was made of, for the loader to reuse on a miss instead of listing and stat-ing again. */
  listing: RepoListing;
}

// 2: kam check runs keep each account's manager and tier (--manager, --tier).
const FORMAT = 2;

/**
 * The key of `command` with `options` on the repo at `root`, or undefined when its result must
 * not be cached: the cache folder is not inside the repo, kam.yaml is not a plain file, an
 * entry of accounts/ or plans/ cannot be read, or a file changed too recently.
 */
export async function runKey(root: string, command: string, version: string, options: unknown): Promise<RunKey | undefined> {
  if (!cacheInsideRepo(root)) return undefined;
  const now = Date.now();
  const hash = createHash('sha1').update(`kam ${version}\0${command}\0${JSON.stringify(options)}\0`);
  const listing: RepoListing = { accounts: [], plans: [], stats: new Map() };
  try {
    const configPath = join(root, CONFIG_FILE);
    const config = lstatSync(configPath);
    if (!config.isFile() || config.mtimeMs > now - RACY_MS) return undefined;
    hash.update(readFileSync(configPath)).update('\0');
    for (const folder of ['accounts', 'plans'] as const) {
      const entries = (listing[folder] = await listFolder(root, folder));
      const sorted = [...entries].sort((a, b) => compareCodeUnits(a.file, b.file));
      for (const entry of sorted) {
        if ('finding' in entry) return undefined;
        const s = statSync(entry.abs);
        if (!s.isFile() || s.mtimeMs > now - RACY_MS) return undefined;
        listing.stats.set(entry.file, { size: s.size, mtimeMs: s.mtimeMs });
        hash.update(`${entry.file}\t${s.size}\t${s.mtimeMs}\n`);
      }
    }
  } catch {
    return undefined; // whatever went wrong, the full run will say it properly
  }
  return { key: hash.digest('hex'), path: join(cacheDir(root), `run-${command}.json`), listing };
}

/**
 * The result stored under `run` when there is one; else `compute`'s (given the listing the key was
 * made of), stored when `keep` agrees. No `run` (caches off, or no key): always computed.
 */
export async function reuseOrCompute<T extends object>(
  run: RunKey | undefined,
  compute: (listing?: RepoListing) => Promise<T | { exitCode: number }>,
  keep: (value: T) => boolean = () => true,
): Promise<T | { exitCode: number }> {
  const stored = run && readRun<T>(run);
  if (stored) return stored;
  const computed = await compute(run?.listing);
  if (run && !('exitCode' in computed) && keep(computed)) writeRun(run, computed);
  return computed;
}

/** The result stored under `run`, or undefined (missing, damaged, or for other inputs). */
function readRun<T>(run: RunKey): T | undefined {
  try {
    const data = JSON.parse(readFileSync(run.path, 'utf8')) as { format?: number; key?: string; value?: T };
    return data.format === FORMAT && data.key === run.key && data.value !== undefined ? data.value : undefined;
  } catch {
    return undefined;
  }
}

/** Stores `value` as the result for `run`. Never throws: a read-only repo only costs speed. */
function writeRun(run: RunKey, value: unknown): void {
  try {
    atomicWrite(run.path, JSON.stringify({ format: FORMAT, key: run.key, value }), { fsync: false });
  } catch {
    // ignore
  }
}
