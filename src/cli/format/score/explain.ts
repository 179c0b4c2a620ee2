import type { ChalkInstance } from 'chalk';
import type { Config } from '../../../schema/config.js';
import type { AxisExplanation, Explanation, Move, SumExplanation } from '../../../score/explain.js';
import { round1, roundTo } from '../../../score/score.js';
import { plainTable } from './table.js';
import { colorTier, NEEDS_RATING, scoreText } from './values.js';
import { escapeControl } from '../../../util/terminal.js';

const maybe1 = (n: number | null) => (n === null ? null : round1(n));
const maybe4 = (n: number | null) => (n === null ? null : roundTo(n, 4));

/** `kam score --explain ID --format json`: the explanation, scores to one decimal, the rest to four. */
export function explainJson(e: Explanation): string {
  const a = e.account;
  const sum = (s: SumExplanation & { high?: boolean | null }) => ({ ...s, score: maybe1(s.score), weighted: roundTo(s.weighted, 4), weight: roundTo(s.weight, 4) });
  const out = {
    account: {
      id: a.id, name: a.name, manager: a.manager, score: maybe1(a.score), current: maybe1(a.current), potential: maybe1(a.potential),
      tier: a.tier, quadrant: a.quadrant, needs_rating: a.needsRating, unrated: a.unrated,
    },
    needs_rating: e.needsRating
      ? {
          rated_weight: roundTo(e.needsRating.ratedWeight, 4),
          total_weight: roundTo(e.needsRating.totalWeight, 4),
          min_rated_weight: e.needsRating.minShare,
          missing_weight: roundTo(e.needsRating.missingWeight, 4),
          rate: e.needsRating.rate.map((c) => c.id),
        }
      : null,
    scale: e.scale,
    criteria: e.criteria.map((c) => ({ ...c, normalized: maybe4(c.normalized), contribution: maybe4(c.contribution) })),
    total: sum(e.total),
    axes: { current: sum(e.axes.current), potential: sum(e.axes.potential) },
    matrix_threshold: e.matrixThreshold,
    floor: e.floor,
    next: e.next,
    moves: e.moves?.map((m) => ({ ...m, score: round1(m.score) })) ?? null,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The human explanation: criteria table, the arithmetic of each sum, tiers around it, moves up. */
export function explainText(e: Explanation, config: Config, chalk: ChalkInstance): string {
  const a = e.account;
  const out: string[] = [];
  out.push(`${chalk.bold(escapeControl(a.name))} (${escapeControl(a.id)})${a.manager ? `, managed by ${escapeControl(a.manager)}` : ''}`);
  out.push(
    a.score === null
      ? `Score ${chalk.bold('-')}: no criterion is rated, so the account has no score and no tier.`
      : a.needsRating
        ? `Score ${chalk.bold(scoreText(a.score))}  ${chalk.yellow(NEEDS_RATING)}: too little is rated for a tier or a quadrant.`
        : `Score ${chalk.bold(scoreText(a.score))}  ${colorTier(chalk, config, a.tier)}  ${escapeControl(a.quadrant ?? '')}`.trimEnd(),
  );
  if (e.needsRating) out.push(needsRatingText(e.needsRating, chalk));
  out.push('');

  const cells = e.criteria.map((c) => {
    const label = `${escapeControl(c.id)}${c.inverse ? chalk.dim(' (inverse)') : ''}`;
    return c.rating === null
      ? [chalk.dim(label), chalk.dim(escapeControl(c.axis)), chalk.yellow('unrated'), chalk.dim(c.weight), chalk.dim('-'), chalk.dim('-')]
      : [label, escapeControl(c.axis), c.rating, c.weight, c.normalized!.toFixed(3), c.contribution!.toFixed(2)];
  });
  out.push(plainTable(['criterion', 'axis', 'rating', 'weight', 'normalized', 'contribution'], chalk, ['left', 'left', 'right', 'right', 'right', 'right'], cells));
  const { min, max } = e.scale;
  out.push(chalk.dim(`normalized = (rating - ${min}) / (${max} - ${min}), or 1 minus that for an inverse criterion`));
  if (e.total.weight > 0) out.push(chalk.dim(`contribution = 100 × weight × normalized / ${fmt(e.total.weight)} (the weight of the rated criteria); contributions add up to the score`));
  if (a.unrated.length > 0) out.push(chalk.yellow(`Unrated criteria count for nothing: ${a.unrated.map(escapeControl).join(', ')}`));
  out.push('');

  const line = (name: string, s: SumExplanation, note = '') =>
    s.score === null
      ? `${name.padEnd(9)} = -  (no ${name === 'Score' ? '' : `${name.toLowerCase()} `}criterion rated)`
      : `${name.padEnd(9)} = 100 × ${fmt(s.weighted)} / ${fmt(s.weight)} = ${chalk.bold(scoreText(s.score))}${note}`;
  const high = (s: AxisExplanation) => (s.high === null ? '' : s.high ? `  (high: >= ${e.matrixThreshold})` : `  (low: < ${e.matrixThreshold})`);
  out.push(line('Score', e.total), line('Current', e.axes.current, high(e.axes.current)), line('Potential', e.axes.potential, high(e.axes.potential)));
  if (a.quadrant) out.push(`Quadrant: ${escapeControl(a.quadrant)}`);
  out.push('');

  out.push(escapeControl(tierLine(e)));
  if (e.next && e.moves) {
    if (e.moves.length === 0) out.push(`No single rating change reaches ${escapeControl(e.next.name)} (${e.next.min}): it takes changes to several criteria.`);
    else {
      out.push(`Single rating changes that reach ${escapeControl(e.next.name)} (${e.next.min}), smallest first:`);
      const cheapest = e.moves[0]!.steps;
      for (const m of e.moves) out.push(`  ${m.steps === cheapest ? chalk.green('*') : ' '} ${escapeControl(moveText(m))}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** What to rate before the account gets a tier. */
function needsRatingText(n: NonNullable<Explanation['needsRating']>, chalk: ChalkInstance): string {
  const share = (x: number) => `${roundTo(100 * x, 1)}%`;
  const rated = `The rated criteria carry ${fmt(n.ratedWeight)} of the model's weight ${fmt(n.totalWeight)} (${share(n.totalWeight ? n.ratedWeight / n.totalWeight : 0)}); a tier needs at least ${share(n.minShare)} (scoring.min_rated_weight).`;
  const list = n.rate.map((c) => `${c.id} (weight ${fmt(c.weight)})`).join(', ');
  return `${rated}\n${chalk.yellow(`To rate: ${list}`)}${n.rate.length === 1 ? ' is' : ' are'} enough, or any unrated criteria worth ${fmt(n.missingWeight)} more weight.`;
}

function tierLine(e: Explanation): string {
  if (e.needsRating) return '';
  const s = e.account.score;
  if (s === null) return e.next ? `Rating criteria would give it a score; ${e.next.name} starts at ${e.next.min}.` : '';
  const gap = e.next ? `, ${scoreText(Math.max(0, e.next.min - s))} points below ${e.next.name}` : '';
  if (e.floor && e.next) return `Between ${e.floor.name} (min ${e.floor.min}) and ${e.next.name} (min ${e.next.min})${gap}.`;
  if (e.floor) return `${e.floor.name} (min ${e.floor.min}) is the top tier; ${scoreText(s - e.floor.min)} points above its threshold.`;
  if (e.next) return `Below the lowest tier, ${e.next.name} (min ${e.next.min})${gap}.`;
  return 'No tiers are configured.';
}

function moveText(m: Move): string {
  const change = m.from === null ? `rate ${m.criterion} ${m.to} (unrated today)` : `${m.to > m.from ? 'raise' : 'lower'} ${m.criterion} from ${m.from} to ${m.to}`;
  return `${change}: score ${scoreText(m.score)}, ${m.tier}`;
}

/** Sums as short decimals: 13.25, 7, 6.5. */
function fmt(n: number): string {
  return String(roundTo(n, 4));
}
