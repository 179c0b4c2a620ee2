// The portfolio moves (spec 1.2, section 8): where each account stood on the key account matrix
// at a revision and which tiers changed since. Pure: the revision (read by the caller through
// git/snapshot's loadRevision, with its own kam.yaml) and the changes from it to now (git/changes,
// where the tier moves are computed for every command that shows them) in, data out.
import type { Changes, TierChange } from '../git/changes.js';

export type { TierChange };

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

/** Positions at `base` and the tier changes from there (ids follow an account through a rename). */
export function portfolioMoves(base: { rev: string; commit: string; date: string }, changes: Pick<Changes, 'portfolios' | 'tiers'>): PortfolioMoves {
  const positions = new Map<string, { current: number; potential: number }>();
  for (const s of changes.portfolios.before?.accounts ?? []) if (s.quadrant !== null && s.current !== null && s.potential !== null) positions.set(s.id, { current: s.current, potential: s.potential });
  return { since: base.rev, commit: base.commit, date: base.date, positions, tierChanges: changes.tiers };
}
