import { KamError } from '../../errors.js';
import { accountContext } from '../../accounts/repoAccounts.js';
import { resolveAccount } from '../../accounts/resolveAccount.js';
import { SLUG_RE } from '../../schema/common.js';
import { renderTable } from '../format/table.js';
import { SHALLOW_HINT } from '../../git/git.js';
import { accountHistory, type History } from '../../git/history.js';
import { findRoot } from '../../repoFs/findRoot.js';
import { makeChalk } from '../color.js';
import { sparkline } from '../format/sparkline.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { escapeControl } from '../../util/terminal.js';
import { amount, percent } from '../../numbers/format.js';

export async function runHistory(ref: string, opts: GlobalOptions & { format: 'table' | 'json'; since?: string }, io: Io): Promise<number> {
  const root = findRoot(io.cwd, opts.repo);
  const found = await historyOf(ref, root, opts, io);
  if ('exitCode' in found) return found.exitCode;
  const { shallow, ...history } = found;
  if (shallow) io.stderr.write(`kam: note: this is a shallow clone, so the history may start late; ${SHALLOW_HINT}\n`);
  if (opts.format === 'json') {
    io.stdout.write(`${JSON.stringify(history, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(historyTable(history, makeChalk(io, opts.color)));
  // The sparkline is for eyes on a terminal only: never in files, pipes or JSON.
  const scores = history.history.map((h) => h.score).filter((s): s is number => s !== null);
  if (io.stdout.isTTY && scores.length > 0)
    io.stdout.write(`score ${sparkline(history.history.map((h) => h.score))}  ${scores[0]!.toFixed(1)} → ${scores.at(-1)!.toFixed(1)}\n`);
  return 0;
}

/**
 * The history `ref` names. An id comes first, also one that lives only in history (a deleted or
 * renamed account); a file path or an account name is resolved against the working tree.
 */
async function historyOf(ref: string, root: string, opts: GlobalOptions & { since?: string }, io: Io): Promise<History | { exitCode: number }> {
  let notInHistory: unknown;
  if (SLUG_RE.test(ref)) {
    try {
      return await accountHistory(root, ref, { since: opts.since });
    } catch (err) {
      if (!(err instanceof KamError) || !err.message.startsWith('no account')) throw err;
      notInHistory = err;
    }
  }
  const { loadRepoForCli } = await import('./loadForCli.js');
  const repo = await loadRepoForCli(io, opts);
  let id: string;
  try {
    id = resolveAccount(ref, accountContext(repo, io.cwd)).id;
  } catch (err) {
    throw notInHistory ?? err;
  }
  if (id === ref && notInHistory) throw notInHistory;
  return accountHistory(root, id, { since: opts.since });
}

function historyTable({ account, history }: Omit<History, 'shallow'>, chalk: ReturnType<typeof makeChalk>): string {
  if (history.length === 0) return `${escapeControl(account)}: no commits in that period\n`;
  let tier: string | null | undefined;
  // Target and coverage only for an account that has numbers (spec 1.2) somewhere in its history.
  const withNumbers = history.some((h) => h.numbers);
  const numberCells = (h: (typeof history)[number]) =>
    withNumbers ? [h.numbers ? amount(h.numbers.target, h.numbers.currency) : '–', h.numbers ? (h.numbers.coverage !== null ? percent(h.numbers.coverage) : h.numbers.target !== null ? 'met' : '–') : '–'] : [];
  const rows = history.map((h) => {
    const tierText = escapeControl(h.tier ?? '–');
    const row = [chalk.dim(h.commit.slice(0, 7)), h.date, h.score === null ? '–' : h.score.toFixed(1), tier !== undefined && h.tier !== tier ? chalk.bold.yellow(tierText) : tierText, h.completeness === null ? '–' : `${h.completeness}%`, h.health === null ? '–' : `${h.health.toFixed(1)} ${bandColor(chalk, h.band)}`, ...numberCells(h), escapeControl(h.subject)];
    tier = h.tier;
    return row;
  });
  const t = renderTable(['Commit', 'Date', 'Score', 'Tier', 'Checklist', 'Health', ...(withNumbers ? ['Target', 'Coverage'] : []), 'Subject'], rows);
  return `${chalk.bold(escapeControl(account))}\n${t}\n`;
}

const bandColor = (chalk: ReturnType<typeof makeChalk>, band: string | null) =>
  band === 'red' ? chalk.red(band) : band === 'amber' ? chalk.yellow(band) : band === 'green' ? chalk.green(band) : '';
