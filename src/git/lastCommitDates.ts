import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Repo } from '../load/loadRepo.js';
import { GitError, gitText } from './git.js';

/** A plan file -> the date of its last commit (CheckOptions.lastCommitDate, health, agenda). */
export type LastCommitDate = (planFile: string) => string | undefined;

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
export async function lastCommitDateLookup(root: string, rev = 'HEAD'): Promise<LastCommitDate | undefined> {
  const dates = await lastCommitDates(root, rev);
  return dates && ((file: string) => dates.get(file));
}

/**
 * Whether a run over `repo` needs git dates: the one place that decides it. stale_plan, health's
 * freshness and the agenda's review dates fall back on a plan's last commit only when the plan
 * has no `last_reviewed`, so git (a process and a walk of the history) is asked only when some
 * valid plan lacks one.
 */
export function needsGitDates(repo: Pick<Repo, 'plans'>): boolean {
  return repo.plans.some((p) => p.value !== undefined && !p.value.last_reviewed);
}

/**
 * The plans' last commit dates as of `rev` (default HEAD) when the run needs them
 * (needsGitDates), else undefined without running git; undefined outside a git repo too.
 */
export async function gitDatesFor(repo: Pick<Repo, 'plans' | 'root'>, rev = 'HEAD'): Promise<LastCommitDate | undefined> {
  return needsGitDates(repo) ? lastCommitDateLookup(repo.root, rev) : undefined;
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
