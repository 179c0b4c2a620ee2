import type { ChalkInstance } from 'chalk';
import type { Config } from '../../../schema/config.js';
import type { Portfolio } from '../../../score/portfolio.js';
import { renderTable, type Align } from '../table.js';
import { colorTier, NEEDS_RATING, scoreText, tierText, unratedText } from './values.js';
import type { ScoreFormatter } from './types.js';
import { escapeControl } from '../../../util/terminal.js';
import { maxOf, pushAll } from '../../../util/lists.js';
import { plural } from '../../../util/plural.js';

/** Shown beside an over-limit value, so it stands out without colour too. */
export const OVER_LIMIT = '✖ over limit';

/** A compact table with bold headings, in kam's colours. */
export function plainTable(head: string[], chalk: ChalkInstance, aligns: Align[], rows: (string | number)[][]): string {
  return renderTable(head.map((h) => chalk.bold(h)), rows, { aligns, compact: true });
}

/** The ranked table, then the portfolio summary. */
export const table: ScoreFormatter = ({ rows, portfolio, config, chalk, filtered }) => {
  const out: string[] = [];
  if (rows.length === 0) out.push(chalk.dim(filtered ? 'No account matches these filters.' : 'No accounts to score (add accounts/<id>.yaml files).'));
  else {
    const cells = rows.map((a) => [
        a.rank,
        escapeControl(a.id),
        a.manager == null ? chalk.dim('-') : escapeControl(a.manager),
        a.score === null ? chalk.dim('-') : chalk.bold(scoreText(a.score)),
        scoreText(a.current, '-'),
        scoreText(a.potential, '-'),
        colorTier(chalk, config, tierText(a)),
        a.quadrant === null || a.quadrant === undefined ? chalk.dim('-') : escapeControl(a.quadrant),
        unratedText(a) === '' ? '' : chalk.yellow(unratedText(a)),
      ]);
    out.push(
      plainTable(
        ['#', 'account', 'manager', 'score', 'current', 'potential', 'tier', 'quadrant', 'unrated'],
        chalk,
        ['right', 'left', 'left', 'right', 'right', 'right', 'left', 'left', 'right'],
        cells,
      ),
    );
    if (rows.some((a) => a.unrated.length > 0))
      out.push(chalk.dim('unrated: criteria the account does not rate yet; they count for nothing (kam score --explain <account>)'));
    if (rows.some((a) => a.needsRating))
      out.push(
        chalk.dim(
          `${NEEDS_RATING}: the rated criteria carry less than ${Math.round(config.scoring.min_rated_weight * 100)}% of the total weight (scoring.min_rated_weight), so no tier yet; "kam score --explain <account>" says what to rate`,
        ),
      );
  }
  if (filtered) out.push(chalk.dim(`Listed ${rows.length} of ${portfolio.accounts.length} accounts; the summary covers them all.`));
  pushAll(out, ['', ...summary(portfolio, chalk, config)]);
  return `${out.join('\n')}\n`;
};

/** Accounts per tier, key accounts against their limit, each manager's load against theirs. */
function summary(p: Portfolio, chalk: ChalkInstance, config: Config): string[] {
  const flag = (over: boolean, text: string) => (over ? `${chalk.red.bold(text)}  ${chalk.red(OVER_LIMIT)}` : text);
  const tiers = p.tiers.map((t) => `${escapeControl(t.name)}: ${chalk.bold(t.count)}`);
  if (p.needsRating > 0) tiers.push(`${NEEDS_RATING}: ${chalk.bold(p.needsRating)}`);
  const lines = [
    `${chalk.bold('Accounts per tier:')} ${tiers.join(', ')}`,
    `${chalk.bold('Key accounts')} (tiered, not "${escapeControl(config.scoring.untiered)}"): ${flag(p.keyAccounts.over, `${p.keyAccounts.count} of max ${p.keyAccounts.limit}`)}`,
  ];
  if (p.managers.length > 0 || p.unmanaged > 0) {
    lines.push(chalk.bold(`Key accounts per manager (max ${config.limits.max_accounts_per_manager} each):`));
    const width = maxOf(p.managers.map((m) => escapeControl(m.manager).length), 0);
    for (const m of p.managers) lines.push(`  ${escapeControl(m.manager).padEnd(width)}  ${flag(m.over, String(m.accounts).padStart(2))}`);
    if (p.unmanaged > 0) lines.push(chalk.yellow(`  ${p.unmanaged} key account${p.unmanaged === 1 ? ' has' : 's have'} no manager`));
  }
  const broken = p.invalid.filter((i) => i.errors > 0 && !i.rankedFrom);
  const extra = p.invalid.filter((i) => i.errors === 0 || i.rankedFrom);
  if (broken.length > 0)
    lines.push(chalk.yellow(`Left out: ${plural(broken.length, 'account')} with errors (${broken.map((i) => escapeControl(i.id)).join(', ')}); run "kam validate"`));
  if (extra.length > 0)
    lines.push(chalk.yellow(`Not ranked: ${extra.map((i) => escapeControl(i.file)).join(', ')} (a second file for an account ranked from another file); run "kam validate"`));
  return lines;
}
