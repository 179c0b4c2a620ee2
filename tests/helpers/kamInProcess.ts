import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { LoadStats } from '../../src/load/loadFiles.js';
import type { KamRun } from './kam.js';

export { EXAMPLE } from './kam.js';

export interface InProcessOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  /** Let kam read and write its caches (default false: a test about the cache says so). */
  cache?: boolean;
  /** Present stdout (and stderr) as a terminal of this width. */
  tty?: { columns?: number };
  /** Told what each load of the repo did (cache hits, parsed files, threads). */
  onLoadStats?: (stats: LoadStats) => void;
}

/**
 * Runs kam in this process through `main(argv, io)`, as the binary does, and returns what
 * `runKam` returns: exit code, stdout, stderr. Colour is off unless asked for; the caches are off
 * unless `cache: true` (tests must not leave .kam/cache in the example). No process is spawned:
 * keep `runKam` for what only a process shows (bin/, crashes, closed pipes, worker threads).
 */
export async function kam(args: string[], opts: InProcessOptions = {}): Promise<KamRun> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined, KAM_DEBUG: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  let stdout = '';
  let stderr = '';
  const stdin = Readable.from([opts.input ?? '']) as NodeJS.ReadableStream & { isTTY?: boolean };
  const tty = opts.tty !== undefined;
  const code = await main(opts.cache ? args : ['--no-cache', ...args], {
    cwd: opts.cwd ?? process.cwd(),
    env: env as NodeJS.ProcessEnv,
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: tty, columns: opts.tty?.columns },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: tty },
    stdin,
    ...(opts.onLoadStats ? { onLoadStats: opts.onLoadStats } : {}),
  });
  return { code, stdout, stderr };
}

/** Parses kam's JSON output, failing the test with kam's stderr when it is not JSON. */
export async function kamJson<T = any>(args: string[], opts: InProcessOptions = {}): Promise<{ code: number; json: T; stderr: string }> {
  const run = await kam(args, opts);
  try {
    return { code: run.code, json: JSON.parse(run.stdout) as T, stderr: run.stderr };
  } catch {
    throw new Error(`kam ${args.join(' ')} did not print JSON (exit ${run.code}).\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
}
