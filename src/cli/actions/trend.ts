import { accountContext } from '../../accounts/repoAccounts.js';
import { plural } from '../../util/plural.js';
import { resolveAccount } from '../../accounts/resolveAccount.js';
import { localToday } from '../../util/dates.js';
import { KamError } from '../../errors.js';
import { select, type AccountIndex } from '../../analysis/select.js';
import { parseSince, type Every } from '../../history/points.js';
import { computeTrend, explainTrend, type TrendAccount, type TrendData, type TrendEntry, type TrendExplanation } from '../../history/trend.js';
import { percent, roundToSum } from '../../numbers/format.js';
import { findRoot } from '../../repoFs/findRoot.js';
import { SLUG_RE } from '../../schema/common.js';
import { didYouMean } from '../../util/didYouMean.js';
import { writeCsv } from '../../util/csvWrite.js';
import { escapeControl } from '../../util/terminal.js';
import { makeChalk } from '../color.js';
import { mdCell } from '../format/score/markdown.js';
import { sparkline } from '../format/sparkline.js';
import { renderTable } from '../format/table.js';
import { cacheWanted, type Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { pushAll } from '../../util/lists.js';

export interface TrendCliOptions extends GlobalOptions {
  since?: string;
  every: Every;
  manager?: string;
  tier?: string;
  explain?: string;
  format: 'table' | 'json' | 'csv' | 'markdown' | 'md';
  today?: string;
}

export async function runTrend(refs: string[], opts: TrendCliOptions, io: Io): Promise<number> {
  const root = findRoot(io.cwd, opts.repo);
  const today = opts.today ?? localToday();
  if (opts.explain !== undefined && (opts.format === 'csv')) throw new KamError('--explain prints a table, markdown or json, not csv');
  const data = await computeTrend(root, { every: opts.every, since: parseSince(opts.since), today, cache: cacheWanted(opts, io) });
  for (const note of data.notes) io.stderr.write(`kam: note: ${note}\n`);
  if (opts.explain !== undefined && (refs.some((r) => r !== opts.explain) || opts.tier !== undefined || opts.manager !== undefined))
    throw new KamError('--explain shows one account: leave out other accounts, --tier and --manager');
  let accounts = opts.explain !== undefined ? pick(data, [opts.explain], io.cwd) : refs.length > 0 ? pick(data, refs, io.cwd) : data.accounts;
  if (opts.manager !== undefined || opts.tier !== undefined) {
    if (!data.lastRepo) throw new KamError('no point of the history has a valid kam.yaml, so there are no tiers or managers to select by');
    // Each account as the last point that knows it: its tier, manager and band then.
    const index: AccountIndex = {
      accounts: accounts.map((a) => {
        const known = lastKnown(data, a);
        return { id: a.id, file: '', name: a.name, manager: known.manager, tier: known.tier, needsRating: known.tier === null, band: known.band };
      }),
      plans: [],
      tiers: data.lastRepo.config.scoring.tiers.map((t) => t.name),
      untiered: data.lastRepo.config.scoring.untiered,
    };
    const selection = select(index, { manager: opts.manager, tier: opts.tier }, { root, cwd: io.cwd });
    accounts = accounts.filter((a) => selection.has(a.id));
  }
  const explanation = opts.explain !== undefined ? explainOrFail(data, accounts[0]!) : undefined;

  if (opts.format === 'json') {
    const out = {
      points: data.points,
      accounts: accounts.map((a) => ({ ...a, ...(explanation && a.id === explanation.id ? { explain: explanationJson(explanation.e) } : {}) })),
    };
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  if (opts.format === 'csv') {
    const rows = accounts.flatMap((a) => a.series.flatMap((e, i) => (e ? [[data.points[i]!.date, data.points[i]!.commit ?? 'work tree', a.id, a.name, e.score, e.tier, e.health, e.band, e.coverage]] : [])));
    io.stdout.write(writeCsv(['date', 'commit', 'account', 'name', 'score', 'tier', 'health', 'band', 'coverage'], rows));
    return 0;
  }
  const markdown = opts.format === 'markdown' || opts.format === 'md';
  if (explanation) {
    io.stdout.write(markdown ? explainMarkdown(explanation.account, explanation.e) : explainText(explanation.account, explanation.e, makeChalk(io, opts.color)));
    return 0;
  }
  io.stdout.write(markdown ? trendMarkdown(data, accounts) : trendTable(data, accounts, io.stdout.isTTY === true, makeChalk(io, opts.color)));
  return 0;
}

/** Accounts named by id (also one only history knows), file path or name (resolved in the work tree). */
function pick(data: TrendData, refs: string[], cwd: string): TrendAccount[] {
  const byId = new Map(data.accounts.map((a) => [a.id, a]));
  return refs.map((ref) => {
    const known = byId.get(ref);
    if (known) return known;
    if (data.lastRepo && !SLUG_RE.test(ref)) {
      const id = resolveAccount(ref, accountContext(data.lastRepo, cwd)).id;
      const found = byId.get(id);
      if (found) return found;
    }
    throw new KamError(`no account "${ref}" at any point of the trend${didYouMean(ref, [...byId.keys()]) || ' (kam trend without accounts lists them all)'}`);
  });
}

/** The tier and manager an account had at the last point where it existed. */
function lastKnown(data: TrendData, a: TrendAccount): { tier: string | null; manager: string | null; band: TrendEntry['band'] } {
  const i = a.series.reduce((last, e, k) => (e !== null ? k : last), -1);
  return { tier: a.series[i]?.tier ?? null, manager: data.details.get(a.id)?.[i]?.manager ?? null, band: a.series[i]?.band ?? null };
}

function explainOrFail(data: TrendData, account: TrendAccount): { id: string; account: TrendAccount; e: TrendExplanation } {
  const e = explainTrend(data, account.id);
  if (!e) throw new KamError(`"${account.id}" has a health at no point of the trend (it needs a valid account file and plan); "kam trend ${account.id}" shows its score`);
  return { id: account.id, account, e };
}

function explanationJson(e: TrendExplanation) {
  return { from: e.from, to: e.to, components: e.components.map((c) => ({ component: c.component, from: c.from, to: c.to, change: c.change, commits: c.commits })) };
}

const one = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toFixed(1));
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(1)}`;
const pointName = (p: { date: string; commit: string | null }) => `${p.date} ${p.commit ?? '(work tree)'}`;

/** `62.5 → 71.2 (+8.7)` between the first and last point where the account has a value. */
function change(series: (TrendEntry | null)[], field: 'score' | 'health'): string {
  const values = series.map((e) => e?.[field] ?? null).filter((v): v is number => v !== null);
  if (values.length === 0) return '–';
  const [a, b] = [values[0]!, values.at(-1)!];
  return values.length === 1 || Math.abs(a - b) < 0.05 ? one(b) : `${one(a)} → ${one(b)} (${signed(b - a)})`;
}

/** Coverage as `kam pipeline` prints it, `40.0% → 55.0%` between the first and last point with one. */
function coverageChange(series: (TrendEntry | null)[]): string {
  const values = series.map((e) => e?.coverage ?? null).filter((v): v is number => v !== null);
  if (values.length === 0) return '–';
  const [a, b] = [percent(values[0]!), percent(values.at(-1)!)];
  return a === b ? b : `${a} → ${b}`;
}

function textChange(series: (TrendEntry | null)[], field: 'tier' | 'band'): { text: string; changed: boolean } {
  const values = series.flatMap((e) => (e && e[field] !== null ? [e[field]!] : []));
  if (values.length === 0) return { text: '–', changed: false };
  const [a, b] = [values[0]!, values.at(-1)!];
  return a === b ? { text: b, changed: false } : { text: `${a} → ${b}`, changed: true };
}

function trendTable(data: TrendData, accounts: TrendAccount[], tty: boolean, chalk: ReturnType<typeof makeChalk>): string {
  const first = data.points[0]!;
  const last = data.points.at(-1)!;
  const head = `kam trend: ${plural(data.points.length, 'point')}, ${pointName(first)} → ${pointName(last)}`;
  const errors = data.points.flatMap((p) => (p.error ? [`  ${pointName(p)}: ${escapeControl(p.error)}`] : []));
  if (accounts.length === 0) return `${head}\nno accounts\n${errors.join('\n')}${errors.length ? '\n' : ''}`;
  const rows = accounts.map((a) => {
    const tier = textChange(a.series, 'tier');
    const band = textChange(a.series, 'band');
    const row = [chalk.bold(escapeControl(a.id)), change(a.series, 'score'), tier.changed ? chalk.bold.yellow(escapeControl(tier.text)) : escapeControl(tier.text), change(a.series, 'health'), band.changed ? chalk.bold(band.text) : band.text, coverageChange(a.series)];
    // The sparkline is for eyes on a terminal only: never in files, pipes or JSON.
    if (tty) row.splice(4, 0, a.series.some((e) => e?.health != null) ? sparkline(a.series.map((e) => e?.health ?? null)) : '');
    return row;
  });
  const cols = ['Account', 'Score', 'Tier', 'Health', ...(tty ? ['Trend'] : []), 'Band', 'Coverage'];
  const out = [head, renderTable(cols, rows)];
  if (errors.length) pushAll(out, ['Points that could not be evaluated:', ...errors]);
  return `${out.join('\n')}\n`;
}

function trendMarkdown(data: TrendData, accounts: TrendAccount[]): string {
  const out = [`## Trend: ${mdCell(pointName(data.points[0]!))} → ${mdCell(pointName(data.points.at(-1)!))}`, '', `${data.points.length} points.`, ''];
  out.push('| Account | Score | Tier | Health | Band | Coverage |', '| --- | ---: | --- | ---: | --- | ---: |');
  for (const a of accounts) {
    const tier = textChange(a.series, 'tier');
    const band = textChange(a.series, 'band');
    out.push(`| ${mdCell(a.name)} (\`${a.id}\`) | ${change(a.series, 'score')} | ${tier.changed ? `**${mdCell(tier.text)}**` : mdCell(tier.text)} | ${change(a.series, 'health')} | ${band.changed ? `**${band.text}**` : band.text} | ${coverageChange(a.series)} |`);
  }
  const errors = data.points.filter((p) => p.error);
  if (errors.length) pushAll(out, ['', ...errors.map((p) => `- ${mdCell(pointName(p))}: ${mdCell(p.error!)}`)]);
  return `${out.join('\n')}\n`;
}

function explainRows(e: TrendExplanation) {
  const from = roundToSum(e.components.map((c) => c.from), e.from.health);
  const to = roundToSum(e.components.map((c) => c.to), e.to.health);
  return e.components.map((c, i) => ({ c, from: from[i]!, to: to[i]!, change: Math.round((to[i]! - from[i]!) * 10) / 10 }));
}

function explainText(account: TrendAccount, e: TrendExplanation, chalk: ReturnType<typeof makeChalk>): string {
  const rows = explainRows(e);
  const total = Math.round((Math.round(e.to.health * 10) - Math.round(e.from.health * 10))) / 10;
  const out = [
    `${chalk.bold(escapeControl(account.name))} (${account.id}): health ${one(e.from.health)} at ${pointName(e.from)} → ${one(e.to.health)} at ${pointName(e.to)} (${signed(total)})`,
    renderTable(
      ['Component', 'From', 'To', 'Change'],
      [...rows.map((r) => [escapeControl(r.c.label), r.from.toFixed(1), r.to.toFixed(1), signed(r.change)]), [chalk.bold('Health'), one(e.from.health), one(e.to.health), signed(total)]],
      { aligns: ['left', 'right', 'right', 'right'] },
    ),
    'Points of a component = 100 × weight × value / (sum of the weights used at that point); absent there: 0.',
  ];
  const moved = rows.filter((r) => r.c.commits.length > 0);
  if (moved.length) out.push('', 'What changed them:');
  for (const r of moved) {
    out.push(`  ${escapeControl(r.c.label)}`);
    for (const c of r.c.commits) out.push(`    ${signed(c.change).padStart(6)}  ${c.date} ${c.commit ?? '(work tree)'}${c.subject ? `  ${escapeControl(c.subject)}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

function explainMarkdown(account: TrendAccount, e: TrendExplanation): string {
  const rows = explainRows(e);
  const total = Math.round((Math.round(e.to.health * 10) - Math.round(e.from.health * 10))) / 10;
  const out = [`## ${mdCell(account.name)}: health ${one(e.from.health)} → ${one(e.to.health)} (${signed(total)})`, '', `From ${mdCell(pointName(e.from))} to ${mdCell(pointName(e.to))}.`, '', '| Component | From | To | Change | Changed by |', '| --- | ---: | ---: | ---: | --- |'];
  for (const r of rows) out.push(`| ${mdCell(r.c.label)} | ${r.from.toFixed(1)} | ${r.to.toFixed(1)} | ${signed(r.change)} | ${r.c.commits.map((c) => `${c.commit ? `\`${c.commit}\`` : 'work tree'} ${signed(c.change)}`).join(', ') || '–'} |`);
  out.push(`| **Health** | ${one(e.from.health)} | ${one(e.to.health)} | ${signed(total)} | |`);
  return `${out.join('\n')}\n`;
}
