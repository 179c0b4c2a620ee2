import { round1, roundTo, type AccountScore } from '../../../score/score.js';
import type { ScoreFormatter } from './types.js';

const maybe1 = (n: number | null) => (n === null ? null : round1(n));

/**
 * docs/format.md, "JSON outputs": `{ accounts: [...] }`, scores rounded to one decimal. Each
 * criterion also carries its `contribution` (points added to the score); `normalized` and
 * `contribution` are rounded to 4 decimals.
 */
export function accountJson(a: AccountScore) {
  return {
    id: a.id,
    name: a.name,
    manager: a.manager,
    score: maybe1(a.score),
    current: maybe1(a.current),
    potential: maybe1(a.potential),
    tier: a.tier,
    quadrant: a.quadrant,
    needs_rating: a.needsRating,
    rated_weight: roundTo(a.ratedWeight, 4),
    unrated: a.unrated,
    criteria: Object.fromEntries(
      Object.entries(a.criteria).map(([id, c]) => [
        id,
        { rating: c.rating, weight: c.weight, normalized: roundTo(c.normalized, 4), contribution: roundTo(c.contribution, 4) },
      ]),
    ),
  };
}

export const json: ScoreFormatter = ({ rows }) => `${JSON.stringify({ accounts: rows.map(accountJson) }, null, 2)}\n`;
