import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Config } from '../schema/config.js';
import { besideBundle } from '../util/besideBundle.js';
import type { FileRef, FileResult } from './parseFile.js';

/**
 * Below this many files to parse, starting workers (each loads the parsers and zod, and every
 * result is copied back) costs more than it saves. Measured on 2 cores with the fast YAML path:
 * 1,300 files 0.60 s on one thread vs 0.70 s with a worker; 10,300 files even; 50,300 files
 * 4.7 s vs 4.1 s.
 */
export const WORKER_THRESHOLD = 20_000;
/** Files per message: large enough to amortise messaging, small enough to balance the load. */
const BATCH = 32;

/**
 * How many worker threads to start for `count` files, besides this thread (which parses too):
 * `workers` true/false/number from the caller; automatic (undefined) is one per idle extra core,
 * above the threshold. Cores already busy with other work (the 1-minute load average) are not
 * counted: on a saturated machine workers only add start-up and copying (measured: 1.4x slower).
 * 0 means parse in this thread only.
 */
export function workerCount(count: number, workers: boolean | number | undefined, load = loadavg()[0] ?? 0): number {
  if (workers === false || count === 0) return 0;
  if (typeof workers === 'number') return Math.max(0, Math.min(Math.floor(workers), count));
  const cores = availableParallelism();
  if (cores < 2 || (workers === undefined && count < WORKER_THRESHOLD)) return 0;
  const idle = Math.floor(cores - load);
  return Math.max(0, Math.min(cores - 1, idle, 7, Math.ceil(count / BATCH)));
}

/** The built worker script (dist/worker.cjs); none when run from source (unit tests). */
export const workerScript = (): string | undefined => besideBundle('worker.cjs');

/**
 * Parses `refs` on `count` worker threads and on this thread (`parseHere`), all taking batches
 * from one queue so that no thread idles while files are left. Results come back in any order.
 */
export async function parseInWorkers(
  script: string,
  config: Config,
  refs: FileRef[],
  count: number,
  parseHere: (ref: FileRef) => FileResult,
  onResult: (r: FileResult) => void,
): Promise<void> {
  let next = 0;
  // Smaller batches for few files, so that every thread gets some.
  const size = Math.max(1, Math.min(BATCH, Math.ceil(refs.length / ((count + 1) * 4))));
  const take = () => {
    const batch = refs.slice(next, next + size);
    next += batch.length;
    return batch;
  };
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: { config } }));
  try {
    const done = workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let inFlight = 0;
          const feed = () => {
            const batch = take();
            if (batch.length === 0) return inFlight === 0 && resolve();
            inFlight++;
            worker.postMessage(batch);
          };
          worker.on('message', (json: string) => {
            inFlight--;
            for (const r of JSON.parse(json) as FileResult[]) onResult(r);
            feed();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => reject(new Error(`a kam worker thread stopped (exit code ${code})`)));
          // Two batches in flight, so a worker has work while this thread is busy parsing.
          feed();
          feed();
        }),
    );
    for (let batch = take(); batch.length > 0; batch = take()) {
      for (const ref of batch) onResult(parseHere(ref));
      await new Promise((resolve) => setImmediate(resolve)); // let worker results in
    }
    await Promise.all(done);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
