import type { Account } from '../schema/account.js';
import type { Config, Criterion } from '../schema/config.js';

export interface CriterionScore {
  rating: number;
  weight: number;
  /** The rating on 0..1, inverted for inverse criteria. */
  normalized: number;
  /** Points this criterion adds to the score: 100 * w * n / Σw over rated criteria. */
  contribution: number;
}

export type Quadrant = string;

export interface AccountScore {
  id: string;
  name: string;
  manager: string | null;
  /** 0..100, unrounded; null when the account rates no criterion. */
  score: number | null;
  current: number | null;
  potential: number | null;
  /** The tier name, the untiered label, or null when the account needs rating. */
  tier: string | null;
  /** Whether the tier is a real tier (not the untiered label). */
  tiered: boolean;
  /** null when an axis has no rated criterion, or when the account needs rating. */
  quadrant: Quadrant | null;
  /** Share (0..1) of the model's total criteria weight that the account rates. */
  ratedWeight: number;
  /**
   * The rated criteria carry less than `scoring.min_rated_weight` of the total weight (or none is
   * rated): the account gets no tier and no quadrant until more criteria are rated.
   */
  needsRating: boolean;
  /** Criterion ids the account leaves unrated, in config order. */
  unrated: string[];
  /** Rated criteria, in config order. */
  criteria: Record<string, CriterionScore>;
}

/** n = (r - min) / (max - min), or 1 - n for an inverse criterion (docs/format.md, "Score"). */
export function normalize(rating: number, criterion: Pick<Criterion, 'inverse'>, scale: { min: number; max: number }): number {
  const n = (rating - scale.min) / (scale.max - scale.min);
  return criterion.inverse ? 1 - n : n;
}

/** 100 * Σ(w·n) / Σ(w) over the given rated criteria; null when none is rated. */
function weightedScore(items: { weight: number; normalized: number }[]): number | null {
  const total = items.reduce((s, i) => s + i.weight, 0);
  if (items.length === 0 || total === 0) return null;
  return (100 * items.reduce((s, i) => s + i.weight * i.normalized, 0)) / total;
}

export function tierFor(score: number | null, config: Config): { tier: string | null; tiered: boolean } {
  if (score === null) return { tier: null, tiered: false };
  const hit = config.scoring.tiers.find((t) => atLeast(score, t.min));
  return hit ? { tier: hit.name, tiered: true } : { tier: config.scoring.untiered, tiered: false };
}

export function quadrantFor(current: number | null, potential: number | null, config: Config): Quadrant | null {
  if (current === null || potential === null) return null;
  const { matrix_threshold: t, quadrants: q } = config.scoring;
  const highCurrent = atLeast(current, t);
  const highPotential = atLeast(potential, t);
  if (highCurrent) return highPotential ? q.high_current_high_potential : q.high_current_low_potential;
  return highPotential ? q.low_current_high_potential : q.low_current_low_potential;
}

export function scoreAccount(id: string, account: Account, config: Config): AccountScore {
  const { scale, criteria: defs } = config.scoring;
  const ratings = account.ratings as Record<string, number | undefined>;
  const rated: (CriterionScore & { id: string; axis: Criterion['axis'] })[] = [];
  const unrated: string[] = [];
  for (const c of defs) {
    const rating = ratings[c.id];
    if (rating === undefined) unrated.push(c.id);
    else rated.push({ id: c.id, axis: c.axis, rating, weight: c.weight, normalized: normalize(rating, c, scale), contribution: 0 });
  }
  const totalWeight = rated.reduce((s, c) => s + c.weight, 0);
  for (const c of rated) c.contribution = totalWeight ? (100 * c.weight * c.normalized) / totalWeight : 0;
  const score = weightedScore(rated);
  const current = weightedScore(rated.filter((c) => c.axis === 'current'));
  const potential = weightedScore(rated.filter((c) => c.axis === 'potential'));
  const modelWeight = defs.reduce((s, c) => s + c.weight, 0);
  const ratedWeight = modelWeight > 0 ? totalWeight / modelWeight : 0;
  const needsRating = score === null || !atLeast(ratedWeight, config.scoring.min_rated_weight);
  return {
    id,
    name: account.name,
    manager: account.manager ?? null,
    score,
    current,
    potential,
    ...(needsRating ? { tier: null, tiered: false } : tierFor(score, config)),
    quadrant: needsRating ? null : quadrantFor(current, potential, config),
    ratedWeight,
    needsRating,
    unrated,
    criteria: Object.fromEntries(rated.map(({ id: cid, rating, weight, normalized, contribution }) => [cid, { rating, weight, normalized, contribution }])),
  };
}

/** Ranking groups: accounts with a tier (or the untiered label), then those that need rating, then those rating nothing. */
const rankGroup = (a: AccountScore) => (a.score === null ? 2 : a.needsRating ? 1 : 0);

/**
 * Accounts by score descending, null scores last, ties by id (docs/format.md). Accounts that
 * need rating come after every account with a tier: a few ratings never rank an account on top.
 */
export function compareScores(a: AccountScore, b: AccountScore): number {
  const group = rankGroup(a) - rankGroup(b);
  if (group !== 0) return group;
  if (a.score === null || b.score === null) {
    if (a.score !== b.score) return a.score === null ? 1 : -1;
  } else {
    const d = b.score - a.score;
    if (Math.abs(d) > EPSILON) return d;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Scores are sums of float products: 75 may arrive as 74.99999999999999. */
const EPSILON = 1e-9;
/** value >= min, forgiving float noise: a true 75 computed as 74.99999999999999 is in a 75 tier. */
export const atLeast = (value: number, min: number) => value >= min - EPSILON;

/**
 * Rounds half up to `digits` decimals for output. Going through 12 significant digits first drops
 * float noise, so a true 66.65 computed as 66.64999999999999 still rounds to 66.7.
 */
export function roundTo(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(Number((n * f).toPrecision(12))) / f;
}

/** Scores are shown with one decimal (docs/format.md, "Score"). */
export const round1 = (n: number): number => roundTo(n, 1);

/** The tier column's word for an account with too little rated for a tier; `--tier "needs rating"` lists them. */
export const NEEDS_RATING = 'needs rating';

/** An account with its place in the whole portfolio's ranking (1-based), kept when filtering. */
export type RankedScore = AccountScore & { rank: number };
