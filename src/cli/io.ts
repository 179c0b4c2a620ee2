import type { LoadStats } from '../load/loadFiles.js';

/** Where a command reads its environment and writes its output; tests inject their own. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Told what each load of the repo did (cache hits, parsed files, threads): for tests. */
  onLoadStats?: (stats: LoadStats) => void;
}

export function processIo(): Io {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
}

/** True on a CI runner, where nothing interactive (prompts, progress) should happen. */
export function isCI(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.CI && env.CI !== 'false' && env.CI !== '0');
}

/**
 * Whether a command may use kam's caches. Not with --no-cache, and not in CI: clones there are
 * fresh, so the only cache a run could find is one a change committed, and a crafted one could
 * hide findings.
 */
export function cacheWanted(opts: { cache?: boolean }, io: Pick<Io, 'env'>): boolean {
  return opts.cache !== false && !isCI(io.env);
}
