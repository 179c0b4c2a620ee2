import type { Account } from '../schema/account.js';
import type { Config, Criterion } from '../schema/config.js';
import { atLeast, normalize, roundTo, scoreAccount, type AccountScore } from './score.js';

/** One criterion of the model as this account rates it; the unrated ones are listed too. */
export interface CriterionExplanation {
  id: string;
  label: string;
  axis: Criterion['axis'];
  inverse: boolean;
  weight: number;
  /** null when the account leaves the criterion unrated (then it counts for nothing). */
  rating: number | null;
  normalized: number | null;
  /** Points added to the score: 100 * w * n / Σw over rated criteria. The contributions sum to the score. */
  contribution: number | null;
}

/** 100 * weighted / weight, spelled out: Σ(w·n) and Σw over the rated criteria. */
export interface SumExplanation {
  score: number | null;
  weighted: number;
  weight: number;
}

/** An axis sum, and whether it counts as high for the quadrant (>= matrix_threshold). */
export interface AxisExplanation extends SumExplanation {
  high: boolean | null;
}

export interface TierStep {
  name: string;
  min: number;
}

/** One rating change, on a single criterion, that is enough to reach the next tier. */
export interface Move {
  criterion: string;
  label: string;
  /** The current rating; null when the criterion is unrated today (the move is to rate it). */
  from: number | null;
  to: number;
  /** How many scale points the rating moves; null for rating an unrated criterion. */
  steps: number | null;
  score: number;
  tier: string;
}

/** What an account that needs rating must rate before it gets a tier (scoring.min_rated_weight). */
export interface RatingNeeded {
  /** Σ weight of the rated criteria, and of every criterion of the model. */
  ratedWeight: number;
  totalWeight: number;
  /** scoring.min_rated_weight, a share 0..1. */
  minShare: number;
  /** How much more weight must be rated. */
  missingWeight: number;
  /** The fewest unrated criteria (heaviest first) that carry the missing weight. */
  rate: { id: string; label: string; weight: number }[];
}

export interface Explanation {
  account: AccountScore;
  /** Set when the account needs rating: no tier until these criteria are rated. */
  needsRating: RatingNeeded | null;
  scale: { min: number; max: number };
  criteria: CriterionExplanation[];
  total: SumExplanation;
  axes: { current: AxisExplanation; potential: AxisExplanation };
  matrixThreshold: number;
  /** The tier thresholds the score sits between: its own tier's floor and the next tier up. */
  floor: TierStep | null;
  next: TierStep | null;
  /**
   * Single-criterion changes that reach `next`, cheapest first: changes of a rated criterion by
   * fewest steps, then ratings of unrated criteria. Empty when no single change is enough;
   * null when there is no tier above.
   */
  moves: Move[] | null;
}

/** Every criterion of the model in config order, labelled, with the account's rating or nulls. */
export function criteriaInOrder(scored: AccountScore, config: Config): CriterionExplanation[] {
  return config.scoring.criteria.map((c) => {
    const s = scored.criteria[c.id];
    return {
      id: c.id,
      label: c.label,
      axis: c.axis,
      inverse: c.inverse,
      weight: c.weight,
      rating: s?.rating ?? null,
      normalized: s?.normalized ?? null,
      contribution: s?.contribution ?? null,
    };
  });
}

/** Why an account has its score, and the smallest rating changes that would lift it a tier. */
export function explainAccount(id: string, account: Account, config: Config): Explanation {
  const scored = scoreAccount(id, account, config);
  const { scale, tiers, matrix_threshold } = config.scoring;
  const criteria = criteriaInOrder(scored, config);
  const sum = (list: CriterionExplanation[], score: number | null): SumExplanation => {
    const rated = list.filter((c) => c.normalized !== null);
    return { score, weighted: rated.reduce((s, c) => s + c.weight * c.normalized!, 0), weight: rated.reduce((s, c) => s + c.weight, 0) };
  };
  const axis = (s: SumExplanation): AxisExplanation => ({ ...s, high: s.score === null ? null : atLeast(s.score, matrix_threshold) });
  // The tier an account is in, and the one above it; an unscored or untiered account aims at the lowest tier.
  const tierIndex = scored.tiered ? tiers.findIndex((t) => t.name === scored.tier) : tiers.length;
  const floor = scored.tiered ? tiers[tierIndex]! : null;
  const next = tierIndex > 0 ? tiers[tierIndex - 1]! : null;
  return {
    account: scored,
    needsRating: scored.needsRating ? ratingNeeded(scored, config) : null,
    scale: { ...scale },
    criteria,
    total: sum(criteria, scored.score),
    axes: {
      current: axis(sum(criteria.filter((c) => c.axis === 'current'), scored.current)),
      potential: axis(sum(criteria.filter((c) => c.axis === 'potential'), scored.potential)),
    },
    matrixThreshold: matrix_threshold,
    floor: floor ? { name: floor.name, min: floor.min } : null,
    next: next ? { name: next.name, min: next.min } : null,
    moves: next ? movesTo(next, id, account, config) : null,
  };
}

/** The missing weight, and the heaviest unrated criteria (config order among equals) that cover it. */
function ratingNeeded(scored: AccountScore, config: Config): RatingNeeded {
  const defs = config.scoring.criteria;
  const totalWeight = defs.reduce((s, c) => s + c.weight, 0);
  const ratedWeight = defs.filter((c) => scored.criteria[c.id]).reduce((s, c) => s + c.weight, 0);
  const minShare = config.scoring.min_rated_weight;
  const missingWeight = Math.max(0, minShare * totalWeight - ratedWeight);
  const unrated = defs.filter((c) => !scored.criteria[c.id]).sort((a, b) => b.weight - a.weight);
  const rate: RatingNeeded['rate'] = [];
  let covered = 0;
  for (const c of unrated) {
    // Rating nothing leaves no score: at least one criterion, even when min_rated_weight is 0.
    if (atLeast(covered, missingWeight) && (rate.length > 0 || ratedWeight > 0)) break;
    rate.push({ id: c.id, label: c.label, weight: c.weight });
    covered += c.weight;
  }
  return { ratedWeight, totalWeight, minShare, missingWeight, rate };
}

/**
 * For each criterion, the smallest single change that reaches `target`: a rated criterion moved
 * towards its best rating one step at a time, or an unrated one given the least favourable rating
 * that is enough. Rescoring goes through scoreAccount, so the formula lives in one place.
 */
function movesTo(target: TierStep, id: string, account: Account, config: Config): Move[] {
  const { scale, criteria: defs } = config.scoring;
  const ratings = account.ratings as Record<string, number | undefined>;
  const reaches = (cid: string, rating: number) => {
    const s = scoreAccount(id, { ...account, ratings: { ...ratings, [cid]: rating } }, config);
    const tierNames = config.scoring.tiers.map((t) => t.name);
    // Reaching the target or any tier above it counts (scoreAccount's tier check handles float noise).
    const ok = s.tiered && tierNames.indexOf(s.tier!) <= tierNames.indexOf(target.name);
    return ok ? { score: s.score!, tier: s.tier! } : null;
  };
  const all = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  // Least to most favourable: low ratings first, high first for an inverse criterion.
  const worstToBest = (c: Criterion) => (c.inverse ? [...all].reverse() : all);
  const moves: Move[] = [];
  for (const c of defs) {
    const from = ratings[c.id];
    const candidates = worstToBest(c).filter((r) => from === undefined || normalize(r, c, scale) > normalize(from, c, scale));
    for (const to of candidates) {
      const hit = reaches(c.id, to);
      if (hit) {
        moves.push({ criterion: c.id, label: c.label, from: from ?? null, to, steps: from === undefined ? null : Math.abs(to - from), ...hit });
        break;
      }
    }
  }
  const order = defs.map((c) => c.id);
  return moves.sort(
    (a, b) =>
      (a.steps ?? Infinity) - (b.steps ?? Infinity) || roundTo(b.score, 6) - roundTo(a.score, 6) || order.indexOf(a.criterion) - order.indexOf(b.criterion),
  );
}
