import type { Repo } from '../load/loadRepo.js';
import type { CheckOptions } from '../check/checkRepo.js';
import type { Finding } from '../findings/finding.js';
import { changesBetween, type RepoSide } from './changes.js';
import { git, openGitRepo, resolveCommit } from './git.js';
import { gitDatesFor } from './lastCommitDates.js';
import { loadAtCommit } from './snapshot.js';

/** `kam check --since <rev>`: what is new since the revision, and what was left out. */
export interface SinceResult {
  rev: string;
  commit: string;
  /** The findings whose identity is not found at the revision, in their order. */
  findings: Finding[];
  /** How many findings already existed there (left out of the report). */
  existing: number;
  /** Repo-relative files that differ from the revision (committed, staged, unstaged or untracked). */
  changedFiles: Set<string>;
}

/**
 * Splits `findings` (today's) into new ones and those that already existed at `rev`: the repo as
 * it was there (its own kam.yaml included) is checked with the same options, and a finding is
 * old when a finding with the same identity (rule, file, account, rule fields, YAML path; never
 * line, column or message) is found there. Identities are counted: a second equal finding is new.
 * A revision without a kam.yaml, or with one that does not load, had no findings.
 */
export async function findingsSince(
  root: string, rev: string, findings: Finding[], opts: Omit<CheckOptions, 'lastCommitDate'>,
  /** The repo at `rev` when the caller has loaded it already (git/snapshot's loadRevision): it is not read twice. */
  loadedBase?: Repo | null,
): Promise<SinceResult> {
  const repo = await openGitRepo(root);
  const commit = await resolveCommit(repo, rev);
  const [baseRepo, changedFiles] = await Promise.all([
    loadedBase !== undefined ? loadedBase : loadAtCommit(repo, commit).then((l) => (l?.ok ? l.repo : null)),
    changedSince(root, commit),
  ]);
  // The base is checked with today's options and the plans' dates as of HEAD, as today's findings were.
  const base: RepoSide = { repo: baseRepo, today: opts.today, check: opts, lastCommitDate: baseRepo ? await gitDatesFor({ plans: baseRepo.plans, root }) : undefined };
  const fresh = changesBetween(base, { repo: null, today: opts.today, findings }).findings.new;
  return { rev, commit, findings: fresh, existing: findings.length - fresh.length, changedFiles };
}

/** Files under the plan repo that differ from `commit` in the working tree, plus untracked ones. */
async function changedSince(root: string, commit: string): Promise<Set<string>> {
  const [diff, untracked] = await Promise.all([
    git(root, ['-c', 'core.quotePath=false', 'diff', '--name-only', '-z', '--relative', '--no-renames', commit, '--']),
    git(root, ['-c', 'core.quotePath=false', 'ls-files', '-z', '--others', '--exclude-standard', '--', '.']),
  ]);
  const names = `${diff.toString('utf8')}\0${untracked.toString('utf8')}`.split('\0').filter(Boolean);
  return new Set(names);
}
