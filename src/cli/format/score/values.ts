import type { ChalkInstance } from 'chalk';
import type { Config } from '../../../schema/config.js';
import { round1, type AccountScore } from '../../../score/score.js';
import { escapeControl } from '../../../util/terminal.js';

/** A score as printed in text formats: one decimal, always ("50.0"), empty when there is none. */
export function scoreText(n: number | null, empty = ''): string {
  return n === null ? empty : round1(n).toFixed(1);
}

/** How many criteria an account leaves unrated: "" for none, "all" when it rates nothing. */
export function unratedText(a: AccountScore): string {
  if (a.unrated.length === 0) return '';
  return a.score === null ? 'all' : String(a.unrated.length);
}

export { NEEDS_RATING } from '../../../score/score.js';
import { NEEDS_RATING } from '../../../score/score.js';

/** The tier column: the tier, "needs rating" when too little is rated for one. */
export function tierText(a: Pick<AccountScore, 'tier' | 'needsRating'>): string | null {
  return a.needsRating ? NEEDS_RATING : a.tier;
}

/** Tiers coloured from strongest to weakest; the untiered label and "no score" dimmed. */
export function colorTier(chalk: ChalkInstance, config: Config, tier: string | null): string {
  if (tier === null) return chalk.dim('-');
  if (tier === NEEDS_RATING) return chalk.yellow(tier);
  tier = escapeControl(tier);
  const index = config.scoring.tiers.findIndex((t) => escapeControl(t.name) === tier);
  const styles = [chalk.green.bold, chalk.green, chalk.cyan, chalk.blue];
  return index < 0 ? chalk.dim(tier) : styles[Math.min(index, styles.length - 1)]!(tier);
}
