import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GitError, gitText } from './git.js';

/**
 * The date (YYYY-MM-DD) of the last commit that changed each file under plans/, from ONE
 * `git log` call. Keys are repo-relative paths (`plans/<id>.yaml`, relative to `root` even when
 * the plan repo is a subfolder of the git repo). Undefined outside a git repo or before the
 * first commit.
 *
 * The date is the COMMITTER date: when the change landed on the branch (what `git log --since`
 * filters on too). In a shallow clone the oldest fetched commit seems to add every file; a file
 * whose last change is such a boundary commit gets no date (unknown), never a falsely recent one.
 */
export async function lastCommitDates(root: string, rev = 'HEAD'): Promise<Map<string, string> | undefined> {
  try {
    const [, shallowFile] = (await gitText(root, ['rev-parse', '--is-inside-work-tree', '--git-path', 'shallow'])).split('\n');
    const boundary = await shallowBoundary(root, shallowFile);
    const out = await gitText(root, ['-c', 'core.quotePath=false', 'log', '--format=%x00%H %cs', '--name-only', '--relative', '--no-renames', rev, '--', 'plans']);
    return parseLog(out, boundary);
  } catch (err) {
    if (err instanceof GitError) return undefined;
    throw err;
  }
}

/** The file -> date lookup `kam check` passes to its rules (CheckOptions.lastCommitDate). */
export async function lastCommitDateLookup(root: string): Promise<((file: string) => string | undefined) | undefined> {
  const dates = await lastCommitDates(root);
  return dates && ((file: string) => dates.get(file));
}

/** Commits at the edge of a shallow clone (listed in .git/shallow); empty in a full clone. */
async function shallowBoundary(root: string, shallowFile: string | undefined): Promise<Set<string>> {
  if (!shallowFile) return new Set();
  try {
    return new Set((await readFile(resolve(root, shallowFile), 'utf8')).split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}

/** `git log` is newest first: the first commit that names a file is its last change. */
function parseLog(out: string, boundary: Set<string>): Map<string, string> {
  const dates = new Map<string, string>();
  const unknown = new Set<string>();
  for (const block of out.split('\0')) {
    const [head = '', ...files] = block.split('\n');
    const [sha, date] = head.split(' ');
    if (!sha || !date) continue;
    for (const file of files) {
      if (!file || dates.has(file) || unknown.has(file)) continue;
      if (boundary.has(sha)) unknown.add(file);
      else dates.set(file, date);
    }
  }
  return dates;
}
