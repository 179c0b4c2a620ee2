// The portfolio moves (spec 1.2, section 8): where each account stood on the key account matrix
// at a revision and which tiers changed since. Pure: the repo at the revision (read by the caller
// through git/snapshot's loadRevision, with its own kam.yaml) and the repo now in, data out.
import type { RevisionSnapshot } from '../git/snapshot.js';
import type { Repo } from '../load/loadRepo.js';
import { scorePortfolio, type Portfolio } from '../score/portfolio.js';

export interface TierChange {
  id: string;
  /** The name it has now (or had, when it is gone). */
  name: string;
  /** The tier (or the untiered label) at the revision; null when it needed rating or did not exist there. */
  from: string | null;
  to: string | null;
  /** How the revision's side reads: the tier, "needs rating" or "new" (not in the repo then). */
  fromText: string;
  /** The tier, "needs rating" or "removed" (not in the repo now). */
  toText: string;
}

export interface PortfolioMoves {
  /** The revision as the user wrote it, its commit (abbreviated) and its date ("today" there). */
  since: string;
  commit: string;
  date: string;
  /** Axis scores at the revision of the accounts that had a place on the matrix there. */
  positions: Map<string, { current: number; potential: number }>;
  /** Accounts whose tier differs, in the order of the ranking now (accounts gone since last). */
  tierChanges: TierChange[];
}

const NEEDS_RATING = 'needs rating';

/** Positions and tier changes between `base` and `repo` (ids follow an account through a rename). */
export function portfolioMoves(base: RevisionSnapshot, repo: Repo, now: Portfolio = scorePortfolio(repo)): PortfolioMoves {
  const then = base.repo ? scorePortfolio(base.repo).accounts : [];
  const byId = new Map(then.map((s) => [s.id, s]));
  const positions = new Map<string, { current: number; potential: number }>();
  for (const s of then) if (s.quadrant !== null && s.current !== null && s.potential !== null) positions.set(s.id, { current: s.current, potential: s.potential });
  const tierChanges: TierChange[] = [];
  const seen = new Set<string>();
  for (const s of now.accounts) {
    seen.add(s.id);
    const before = byId.get(s.id);
    const from = before?.tier ?? null;
    if (before && from === s.tier) continue;
    tierChanges.push({ id: s.id, name: s.name, from, to: s.tier, fromText: before ? (from ?? NEEDS_RATING) : 'new', toText: s.tier ?? NEEDS_RATING });
  }
  for (const s of then)
    if (!seen.has(s.id)) tierChanges.push({ id: s.id, name: s.name, from: s.tier, to: null, fromText: s.tier ?? NEEDS_RATING, toText: 'removed' });
  return { since: base.rev, commit: base.commit, date: base.date, positions, tierChanges };
}
