import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotTree } from './tmpRepo.js';

/** Git isolated from the user's and the system's config, so tests behave the same everywhere. */
const ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** `git init` with a local identity (never the machine's). */
export function gitInit(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Test User');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'commit.gpgsign', 'false');
}

/** Stages everything and commits with a fixed author and committer date; returns the sha. */
export function commitAll(dir: string, message: string, date: string): string {
  git(dir, 'add', '-A');
  const when = `${date}T12:00:00+00:00`;
  execFileSync('git', ['-C', dir, 'commit', '-q', '-m', message], {
    env: { ...ENV, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return git(dir, 'rev-parse', 'HEAD');
}

/**
 * Everything a read-only command must leave alone: every file of the working tree, `git status`
 * and the index (its bytes and its mtime). The index is read before `git status` runs.
 */
export function workState(dir: string, gitDir = join(dir, '.git')): { index: string; indexMtime: number; tree: Record<string, string>; status: string } {
  const indexPath = join(gitDir, 'index');
  let index = '';
  let indexMtime = 0;
  try {
    index = createHash('sha256').update(readFileSync(indexPath)).digest('hex');
    indexMtime = statSync(indexPath).mtimeMs;
  } catch {
    // no index yet
  }
  return { index, indexMtime, tree: snapshotTree(dir), status: git(dir, 'status', '--porcelain', '--untracked-files=all') };
}
