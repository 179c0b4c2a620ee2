import { KamError } from '../errors.js';
import { loadRepo, type LoadResult, type Repo } from '../load/loadRepo.js';
import { changesBetween, type AccountChange, type RepoSide } from './changes.js';
import { openGitRepo, resolveCommit } from './git.js';
import { gitDatesFor } from './lastCommitDates.js';
import { loadAtCommit } from './snapshot.js';

/** The `head` of a diff when no head revision is given: the files on disk. */
export const WORKTREE = 'worktree';

/** The `kam diff --format json` object. */
export interface DiffResult {
  base: string;
  head: string;
  changes: AccountChange[];
}

/**
 * Compares the plan repo at `base` (a revision, default HEAD) with `head` (a revision, or the
 * working tree when absent). Reads git objects only: nothing is checked out, the index is not
 * touched. `cache` (default false) lets the working tree side use the cache of loaded files.
 */
export async function diffRevisions(root: string, opts: { base?: string; head?: string; today: string; cache?: boolean }): Promise<DiffResult> {
  const git = await openGitRepo(root);
  const base = opts.base ?? 'HEAD';
  const baseCommit = await resolveCommit(git, base);
  const headCommit = opts.head === undefined ? undefined : await resolveCommit(git, opts.head);
  const [before, after] = await Promise.all([
    loadAtCommit(git, baseCommit).then((r) => side(r, base, root, baseCommit, opts.today)),
    (headCommit ? loadAtCommit(git, headCommit) : loadRepo(root, { cache: opts.cache ?? false })).then((r) => side(r, opts.head ?? WORKTREE, root, headCommit ?? 'HEAD', opts.today)),
  ]);
  return { base, head: opts.head ?? WORKTREE, changes: changesBetween(before, after).byAccount };
}

/** One side of the diff; a revision without kam.yaml is an empty repo. */
async function side(result: LoadResult | null, label: string, root: string, commit: string, today: string): Promise<RepoSide> {
  if (result === null) return { repo: null, today };
  // stale_plan and health fall back on the date of the plan's last commit as of this side's commit.
  const repo = okRepo(result, label);
  return { repo, today, lastCommitDate: await gitDatesFor({ plans: repo.plans, root }, commit) };
}

function okRepo(result: LoadResult, label: string): Repo {
  if (result.ok) return result.repo;
  const f = result.findings[0]!;
  throw new KamError(`kam.yaml is invalid at ${label}: ${f.file}:${f.line}:${f.column} ${f.message}; run "kam validate" on that revision's files and fix it`);
}
