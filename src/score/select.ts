import { KamError } from '../errors.js';
import type { Config } from '../schema/config.js';
import { didYouMean } from '../util/didYouMean.js';
import { samePerson } from '../people/people.js';
import type { AccountScore } from './score.js';

/** The tier column's word for an account with too little rated for a tier; `--tier "needs rating"` lists them. */
export const NEEDS_RATING = 'needs rating';

export interface ScoreFilter {
  /** A tier name or the untiered label, any case. */
  tier?: string;
  /** A manager's name, any case. */
  manager?: string;
  /** Keep the first N accounts left after the other filters. */
  top?: number;
}

/** An account with its place in the whole portfolio's ranking (1-based), kept when filtering. */
export type RankedScore = AccountScore & { rank: number };


/**
 * The ranked accounts a filter keeps. Ranks stay those of the whole portfolio, so `--tier "Tier 2"`
 * still shows where each account stands overall. A tier or manager that matches nothing in the
 * portfolio is a typo more often than not: it throws with a "did you mean".
 */
export function filterScores(ranked: AccountScore[], config: Config, filter: ScoreFilter): RankedScore[] {
  let rows: RankedScore[] = ranked.map((a, i) => ({ ...a, rank: i + 1 }));
  if (filter.tier !== undefined) {
    const names = [...config.scoring.tiers.map((t) => t.name), config.scoring.untiered, NEEDS_RATING];
    const tier = names.find((n) => samePerson(n, filter.tier!));
    if (!tier)
      throw new KamError(`no tier "${filter.tier}"${didYouMean(filter.tier, names)} (tiers: ${names.map((n) => `"${n}"`).join(', ')})`);
    rows = tier === NEEDS_RATING && !config.scoring.tiers.some((t) => t.name === tier) ? rows.filter((a) => a.needsRating) : rows.filter((a) => a.tier === tier);
  }
  if (filter.manager !== undefined) {
    const managers = [...new Set(ranked.flatMap((a) => (a.manager ? [a.manager] : [])))].sort();
    if (!managers.some((m) => samePerson(m, filter.manager!)))
      throw new KamError(`no account is managed by "${filter.manager}"${didYouMean(filter.manager, managers)}`);
    rows = rows.filter((a) => a.manager !== null && samePerson(a.manager, filter.manager!));
  }
  if (filter.top !== undefined) rows = rows.slice(0, filter.top);
  return rows;
}
