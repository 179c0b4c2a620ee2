import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runKam, type KamRun } from '../helpers/kam.js';
import { kam, type InProcessOptions } from '../helpers/kamInProcess.js';
import { snapshotTree } from '../helpers/tmpRepo.js';
import { stylishRows } from '../helpers/stylish.js';

/** No "    at fn (file:line)" frames, no Node error banners: what a user sees is kam's own words. */
export function expectNoStackTrace(run: KamRun): void {
  for (const text of [run.stdout, run.stderr]) {
    expect(text).not.toMatch(/^\s+at .+[:(].*\d+:\d+\)?$/m);
    expect(text).not.toMatch(/node:internal|Node\.js v\d+|\.(ts|js):\d+:\d+/);
  }
}

/**
 * Runs kam on a hostile repo, in this process (main(argv, io), as bin/kam.js does, caches on as
 * for a user), and checks what every hostile run must do: exit with `code`, print no stack trace,
 * and leave every file on disk exactly as it was; nor may a payload have run here (no `pwned`
 * file in this process's folder, no global set). How fast kam is belongs to the bench (npm run
 * bench), never to an assertion on the clock.
 *
 * A case whose failure would be a hang (an alias bomb expanded, a quadratic path, a FIFO read) or
 * a payload that exits the process uses runHostileProcess: only a separate process can be stopped
 * at a timeout, and only its exit code shows an exit.
 */
export async function runHostile(root: string, args: string[], code: number, opts: InProcessOptions = {}): Promise<KamRun> {
  const before = snapshotTree(root);
  const pwned = join(process.cwd(), 'pwned');
  const hadPwned = existsSync(pwned);
  const run = await kam(args, { cwd: root, cache: true, ...opts });
  expect({ code: run.code, stderr: run.stderr.slice(0, 2000) }).toMatchObject({ code });
  expectNoStackTrace(run);
  expect(snapshotTree(root)).toEqual(before);
  expect(existsSync(pwned) && !hadPwned).toBe(false);
  expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  return run;
}

/** runHostile in a separate process (the built bin/kam.js, stopped after 60 s): for hangs and exits. */
export function runHostileProcess(root: string, args: string[], code: number, opts: Parameters<typeof runKam>[1] = {}): KamRun {
  const before = snapshotTree(root);
  const run = runKam(args, { cwd: root, ...opts });
  expect({ code: run.code, stderr: run.stderr.slice(0, 2000) }).toMatchObject({ code });
  expectNoStackTrace(run);
  expect(snapshotTree(root)).toEqual(before);
  return run;
}

/** The stylish line of the finding for `file`, without the rule column. */
export function findingLine(run: KamRun, file: string): string | undefined {
  return stylishRows(run.stdout).find((l) => l.trimStart().startsWith(`${file}:`));
}
