import { checkRepo, type CheckOptions } from '../check/checkRepo.js';
import { KamError } from '../errors.js';
import { findingIdentity, type Finding } from '../findings/finding.js';
import { loadRepo, type LoadResult, type Repo } from '../load/loadRepo.js';
import { accountStates, type AccountState } from './accountState.js';
import { openGitRepo, resolveCommit } from './git.js';
import { lastCommitDates } from './lastCommitDates.js';
import { loadAtCommit } from './snapshot.js';
import { pushTo } from '../util/group.js';

/** The `head` of a diff when no head revision is given: the files on disk. */
export const WORKTREE = 'worktree';

export interface AccountChange {
  id: string;
  kind: 'added' | 'removed' | 'changed';
  before: AccountState | null;
  after: AccountState | null;
  findings: { new: Finding[]; resolved: Finding[] };
}

/** The `kam diff --format json` object. */
export interface DiffResult {
  base: string;
  head: string;
  changes: AccountChange[];
}

/** One side of a diff: each account's state and the findings about it. */
export interface Snapshot {
  states: Map<string, AccountState>;
  findings: Finding[];
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
    loadAtCommit(git, baseCommit).then((r) => snapshot(r, base, root, baseCommit, opts.today)),
    (headCommit ? loadAtCommit(git, headCommit) : loadRepo(root, { cache: opts.cache ?? false })).then((r) => snapshot(r, opts.head ?? WORKTREE, root, headCommit ?? 'HEAD', opts.today)),
  ]);
  return { base, head: opts.head ?? WORKTREE, changes: compareSnapshots(before, after) };
}

/** Scores, completeness and findings of one side; a revision without kam.yaml is an empty repo. */
async function snapshot(result: LoadResult | null, label: string, root: string, commit: string, today: string): Promise<Snapshot> {
  if (result === null) return { states: new Map(), findings: [] };
  const repo = okRepo(result, label);
  // stale_plan falls back on the date of the plan's last commit as of this side's commit.
  const dates = await lastCommitDates(root, commit);
  const check: CheckOptions = { today, lastCommitDate: dates && ((file) => dates.get(file)) };
  return { states: accountStates(repo, { today, lastCommitDate: check.lastCommitDate }), findings: checkRepo(repo, check).findings };
}

function okRepo(result: LoadResult, label: string): Repo {
  if (result.ok) return result.repo;
  const f = result.findings[0]!;
  throw new KamError(`kam.yaml is invalid at ${label}: ${f.file}:${f.line}:${f.column} ${f.message}; run "kam validate" on that revision's files and fix it`);
}

/** Per account: added, removed or changed (state or findings); unchanged accounts are left out. Sorted by id. */
export function compareSnapshots(before: Snapshot, after: Snapshot): AccountChange[] {
  const beforeFindings = byAccount(before.findings);
  const afterFindings = byAccount(after.findings);
  const ids = [...new Set([...before.states.keys(), ...after.states.keys(), ...beforeFindings.keys(), ...afterFindings.keys()])].sort();
  const changes: AccountChange[] = [];
  for (const id of ids) {
    const b = before.states.get(id) ?? null;
    const a = after.states.get(id) ?? null;
    const findings = {
      new: unmatched(afterFindings.get(id) ?? [], beforeFindings.get(id) ?? []),
      resolved: unmatched(beforeFindings.get(id) ?? [], afterFindings.get(id) ?? []),
    };
    const kind = b === null && a === null ? 'changed' : b === null ? 'added' : a === null ? 'removed' : 'changed';
    if (kind === 'changed' && sameState(b, a) && findings.new.length === 0 && findings.resolved.length === 0) continue;
    changes.push({ id, kind, before: b, after: a, findings });
  }
  return changes;
}

function sameState(a: AccountState | null, b: AccountState | null): boolean {
  return a === b || (a !== null && b !== null && a.score === b.score && a.tier === b.tier && a.quadrant === b.quadrant && a.completeness === b.completeness && a.health === b.health && a.band === b.band && JSON.stringify(a.agreement) === JSON.stringify(b.agreement) && JSON.stringify(a.numbers) === JSON.stringify(b.numbers));
}

/** Findings about an account; those about no account (portfolio-wide) are not part of a diff. */
function byAccount(findings: Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) if (f.account !== null) pushTo(map, f.account, f);
  return map;
}

/**
 * The identity of a finding across revisions: the one `findingIdentity` that `check --since` and
 * GitLab's fingerprints use (rule, file, account, the rule's own fields, the YAML path). Line,
 * column, severity and wording are left out, so a finding that only moved, changed severity or
 * was reworded by a newer kam is neither new nor resolved.
 */
export const findingKey = findingIdentity;

/** Findings of `these` with no counterpart in `those` (as multisets: two equal findings need two). */
function unmatched(these: Finding[], those: Finding[]): Finding[] {
  const counts = new Map<string, number>();
  for (const f of those) counts.set(findingKey(f), (counts.get(findingKey(f)) ?? 0) + 1);
  return these.filter((f) => {
    const key = findingKey(f);
    const n = counts.get(key) ?? 0;
    if (n > 0) counts.set(key, n - 1);
    return n === 0;
  });
}

/**
 * The sign-off a change voids (spec 1.2, section 9): the plan was agreed at the base and its
 * shared items changed at the head without a new sign-off. Undefined otherwise.
 */
export function voidedAgreement(change: AccountChange): { by: string; date: string } | undefined {
  const b = change.before?.agreement;
  const a = change.after?.agreement;
  return b?.state === 'agreed' && a?.state === 'changed' && a.by === b.by && a.date === b.date ? { by: b.by, date: b.date } : undefined;
}
