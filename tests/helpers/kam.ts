import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const KAM_BIN = fileURLToPath(new URL('../../bin/kam.js', import.meta.url));
export const EXAMPLE = fileURLToPath(new URL('../../examples/northwind-analytics', import.meta.url));

export interface KamRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built kam as a separate process, as users and CI do. Colour is off unless asked for. */
export function runKam(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): KamRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined, KAM_DEBUG: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const result = spawnSync(process.execPath, [KAM_BIN, ...args], {
    cwd: opts.cwd ?? process.cwd(),
    env: env as NodeJS.ProcessEnv,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Parses kam's JSON output, failing the test with kam's stderr when it is not JSON. */
export function runKamJson<T = any>(args: string[], opts: Parameters<typeof runKam>[1] = {}): { code: number; json: T; stderr: string } {
  const run = runKam(args, opts);
  try {
    return { code: run.code, json: JSON.parse(run.stdout) as T, stderr: run.stderr };
  } catch {
    throw new Error(`kam ${args.join(' ')} did not print JSON (exit ${run.code}).\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
}
