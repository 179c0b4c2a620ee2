import { expect } from 'vitest';
import { runKam, type KamRun } from '../helpers/kam.js';
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
 * Runs kam on a hostile repo and checks what every hostile run must do: exit with `code`, print
 * no stack trace, and leave every file on disk exactly as it was. A run that does not finish
 * (an alias bomb expanded, a quadratic path) fails at vitest's test timeout; how fast kam is
 * belongs to the bench (npm run bench), never to an assertion on the clock.
 */
export function runHostile(root: string, args: string[], code: number, opts: Parameters<typeof runKam>[1] = {}): KamRun {
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
