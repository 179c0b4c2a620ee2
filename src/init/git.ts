import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gitEnv } from '../git/git.js';

export type GitState = 'inside' | 'outside' | 'unavailable';

/** Whether `dir` (or, when it does not exist yet, its nearest existing parent) is in a git work tree. */
export function gitState(dir: string): GitState {
  let cwd = resolve(dir);
  while (!existsSync(cwd) && dirname(cwd) !== cwd) cwd = dirname(cwd);
  const run = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd, encoding: 'utf8', env: gitEnv({}) });
  if (run.error) return 'unavailable';
  return run.status === 0 && run.stdout.trim() === 'true' ? 'inside' : 'outside';
}

/** `git init` in `dir`; an error message when it fails. */
export function gitInit(dir: string): string | undefined {
  const run = spawnSync('git', ['init', '--quiet', dir], { encoding: 'utf8', env: gitEnv({}) });
  if (run.error) return run.error.message;
  return run.status === 0 ? undefined : run.stderr.trim() || `git init exited with ${run.status}`;
}
