import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../schema/config.js';
import type { FileRef, FileResult } from './parseFile.js';

/**
 * Below this many files to parse, starting workers (each loads yaml and zod) costs more than it
 * saves (measured: ~500 files on 2 cores).
 */
export const WORKER_THRESHOLD = 400;
/** Files per message: large enough to amortise messaging, small enough to balance the load. */
const BATCH = 32;

/**
 * How many worker threads to use for `count` files: `workers` true/false/number from the caller,
 * auto (undefined) uses one per core above the threshold. 0 means parse in this thread.
 */
export function workerCount(count: number, workers: boolean | number | undefined): number {
  if (workers === false || count === 0) return 0;
  if (typeof workers === 'number') return Math.max(0, Math.min(Math.floor(workers), count));
  const cores = availableParallelism();
  if (cores < 2 || (workers === undefined && count < WORKER_THRESHOLD)) return 0;
  return Math.min(cores, 8, Math.ceil(count / BATCH));
}

/**
 * The built worker script. The code calling this may sit in dist/ or in a shared chunk in
 * dist/chunks/, so look in both; running from sources (unit tests) there is none.
 */
export function workerScript(): string | undefined {
  for (const rel of ['./worker.js', '../worker.js']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** Parses `refs` on `count` worker threads; results come back in any order. */
export async function parseInWorkers(script: string, config: Config, refs: FileRef[], count: number, onResult: (r: FileResult) => void): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: { config } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= refs.length) return resolve();
              worker.postMessage(refs.slice(next, next + BATCH));
              next += BATCH;
            };
            worker.on('message', (results: FileResult[]) => {
              for (const r of results) onResult(r);
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`a kam worker thread stopped (exit code ${code})`)));
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
