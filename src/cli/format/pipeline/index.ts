// `kam pipeline` formatters: JSON exactly as spec 1.2 section 2 (unrounded values); table,
// Markdown and CSV round as the spec's human formats do (money whole units, ratios as
// percentages with one decimal) through numbers/format.ts.
import type { ChalkInstance } from 'chalk';
import { amount, percent, wholeUnits } from '../../../numbers/format.js';
import type { AccountNumbers, AccountNumbersRow, PortfolioNumbers, PortfolioTotals } from '../../../numbers/portfolio.js';
import { writeCsv } from '../../../util/csvWrite.js';
import { escapeControl } from '../../../util/terminal.js';
import { mdCell } from '../score/markdown.js';
import { plainTable } from '../score/table.js';

export interface PipelineView {
  numbers: PortfolioNumbers;
  /** Whether filters or account names narrowed the list. */
  filtered: boolean;
  /** How many accounts with a plan there are before filtering. */
  total: number;
  chalk: ChalkInstance;
}

/** One account in spec key order (the row's manager and working are left out). */
export function specRow(r: AccountNumbers): AccountNumbers {
  return {
    id: r.id, name: r.name, tier: r.tier, current: r.current, target: r.target, gap: r.gap, won: r.won, weighted: r.weighted,
    coverage: r.coverage, open: r.open, wallet: r.wallet, share: r.share, contribution: r.contribution, renewing: r.renewing, at_risk: r.at_risk,
  };
}

const json = ({ numbers }: PipelineView) => `${JSON.stringify({ currency: numbers.currency, accounts: numbers.accounts.map(specRow), totals: numbers.totals }, null, 2)}\n`;

const coverageText = (r: { gap: number | null; coverage: number | null }) => (r.coverage !== null ? percent(r.coverage) : r.gap !== null && r.gap <= 1e-9 ? 'target met' : '-');

const HEAD = ['account', 'tier', 'target', 'gap', 'won', 'weighted', 'coverage', 'open', 'share', 'contribution', 'renewing', 'at risk'];
const cells = (r: AccountNumbersRow) => [r.id, r.tier ?? '-', wholeUnits(r.target), wholeUnits(r.gap), wholeUnits(r.won), wholeUnits(r.weighted), coverageText(r), r.open, percent(r.share), wholeUnits(r.contribution), wholeUnits(r.renewing), wholeUnits(r.at_risk)];
const totalCells = (t: PortfolioTotals) => ['total', '', wholeUnits(t.target), wholeUnits(t.gap), wholeUnits(t.won), wholeUnits(t.weighted), coverageText(t), '', '', '', wholeUnits(t.renewing), wholeUnits(t.at_risk)];

const table = ({ numbers, filtered, total, chalk }: PipelineView) => {
  const out: string[] = [];
  if (numbers.accounts.length === 0) out.push(chalk.dim(filtered ? 'No account matches these filters.' : 'No account has a plan yet (add plans/<id>.yaml files).'));
  else {
    const rows = numbers.accounts.map((r) => cells(r).map((c) => escapeControl(String(c))));
    const t = numbers.totals;
    rows.push(totalCells(t).map((c) => chalk.bold(String(c))));
    out.push(plainTable(HEAD, chalk, ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'], rows));
    out.push(`Money in ${numbers.currency}. Portfolio coverage ${chalk.bold(t.coverage === null ? 'none (no account has a gap to its target)' : percent(t.coverage))}: won ${amount(t.won, numbers.currency)} + weighted ${amount(t.weighted, numbers.currency)} against gaps of ${amount(t.gap, numbers.currency)}${filtered ? chalk.dim(`; listed ${numbers.accounts.length} of ${total} accounts with a plan`) : ''}`);
    out.push(chalk.dim('kam pipeline --explain <account> lists each opportunity, renewing contract and wallet cell behind the figures'));
  }
  return `${out.join('\n')}\n`;
};

const markdown = ({ numbers }: PipelineView) => {
  const align = [':---', ':---', ...HEAD.slice(2).map(() => '---:')];
  // User text (id, tier) escaped; the figures are kam's own.
  const lines = numbers.accounts.map((r) => cells(r).map((c, i) => (i < 2 ? mdCell(c) : String(c))));
  if (numbers.accounts.length) lines.push(totalCells(numbers.totals).map((c) => (c === '' ? '' : `**${c}**`)));
  return [HEAD, align, ...lines].map((c) => `| ${c.join(' | ')} |\n`).join('') + `\nMoney in ${numbers.currency}.\n`;
};

/** One row per account, the spec's fields unrounded (the spreadsheet rounds); no totals row. */
const csv = ({ numbers }: PipelineView) => {
  const header = ['id', 'name', 'tier', 'manager', 'current', 'target', 'gap', 'won', 'weighted', 'coverage', 'open', 'wallet', 'share', 'contribution', 'renewing', 'at_risk'];
  return writeCsv(header, numbers.accounts.map((r) => [r.id, r.name, r.tier, r.manager, r.current, r.target, r.gap, r.won, r.weighted, r.coverage, r.open, r.wallet, r.share, r.contribution, r.renewing, r.at_risk]));
};

export const pipelineFormatters = { table, json, csv, markdown };
export type PipelineFormat = keyof typeof pipelineFormatters;

/** `--explain --format json`: the account's figures and every item behind them, unrounded. */
export function explainPipelineJson(r: AccountNumbersRow, currency: string): string {
  const d = r.detail;
  return `${JSON.stringify({
    currency,
    account: specRow(r),
    opportunities: d.opportunities.map((o) => ({ name: o.name, stage: o.stage, value: o.value, open: o.open, probability: o.probability, from: o.source, weighted: o.weighted })),
    renewals: d.renewals.map((w) => ({ id: w.contract.id, offering: w.contract.offering ?? null, value: w.contract.value ?? null, end: w.contract.end, decision: w.decision, renewal: w.contract.renewal })),
    wallet: d.wallet.map((w) => ({ center: w.center, offering: w.offering, status: w.status, value: w.value, wallet: w.wallet })),
  }, null, 2)}\n`;
}

/** `--explain`: the figures, then the opportunities, the renewing contracts and the wallet cells. */
export function explainPipelineText(r: AccountNumbersRow, currency: string, assessDays: number, chalk: ChalkInstance): string {
  const t = (s: string | number | null) => (s === null ? chalk.dim('-') : escapeControl(String(s)));
  const out: string[] = [];
  const d = r.detail;
  out.push(`${chalk.bold(escapeControl(r.name))} (${r.id})${r.tier ? `, ${escapeControl(r.tier)}` : ''}${r.manager ? `, managed by ${escapeControl(r.manager)}` : ''}. Money in ${currency}.`);
  out.push(`Target ${wholeUnits(r.target)} - current ${wholeUnits(r.current)} = gap ${wholeUnits(r.gap)}`);
  out.push(`Coverage = (won ${wholeUnits(r.won)} + weighted ${wholeUnits(r.weighted)}) / gap = ${chalk.bold(coverageText(r))}`);
  out.push('');
  if (d.opportunities.length === 0) out.push(chalk.dim('No opportunities in the plan.'));
  else {
    const from = (o: (typeof d.opportunities)[number]) =>
      !o.open ? (o.stage === 'won' ? 'won: counts in full' : 'lost: left out') : o.value === null ? 'no value: left out' : o.source === 'opportunity' ? 'its own probability' : o.source === 'stage' ? `stage ${o.stage} in kam.yaml` : 'no probability: left out';
    out.push(plainTable(['opportunity', 'stage', 'value', 'probability', 'from', 'weighted'], chalk, ['left', 'left', 'right', 'right', 'left', 'right'],
      d.opportunities.map((o) => [t(o.name), t(o.stage), wholeUnits(o.value), o.probability === null ? '-' : percent(o.probability), from(o), wholeUnits(o.weighted)])));
  }
  out.push('');
  out.push(`Renewing within ${assessDays} days: ${wholeUnits(r.renewing)}, at risk ${wholeUnits(r.at_risk)}`);
  if (d.renewals.length) out.push(plainTable(['contract', 'offering', 'value', 'ends', 'decide by', 'renewal'], chalk, ['left', 'left', 'right', 'left', 'left', 'left'],
    d.renewals.map((w) => [t(w.contract.id), t(w.contract.offering ?? null), wholeUnits(w.contract.value ?? null), w.contract.end, w.decision, w.contract.renewal])));
  out.push('');
  out.push(r.wallet === null ? 'Wallet: no whitespace entry of the plan gives a wallet.' : `Wallet ${wholeUnits(r.wallet)}, our share ${percent(r.share)} (won value of the entries with a wallet / wallet)`);
  out.push(r.contribution === null ? 'Contribution: needs revenue.current, economics.gross_margin and economics.cost_to_serve.' : `Contribution ${wholeUnits(r.contribution)} (current x gross margin - cost to serve)`);
  if (d.wallet.length) out.splice(out.length - 1, 0, plainTable(['center', 'offering', 'status', 'value', 'wallet'], chalk, ['left', 'left', 'left', 'right', 'right'],
    d.wallet.map((w) => [t(w.center), t(w.offering), w.status, wholeUnits(w.value), wholeUnits(w.wallet)])));
  return `${out.join('\n')}\n`;
}
