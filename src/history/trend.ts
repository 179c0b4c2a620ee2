// kam trend (spec 1.2, section 8): each account's score, tier, health, band and coverage at
// points of history, each point evaluated with its own kam.yaml and "today" = its date. The core
// returns data; the CLI formats it.
import type { Band } from '../health/health.js';
import { healthOfPlans } from '../health/portfolio.js';
import { loadRepo, type LoadResult, type Repo } from '../load/loadRepo.js';
import { errorsByFile, portfolioScores } from '../score/portfolio.js';
import { scoreAccount, type AccountScore } from '../score/score.js';
import type { Account } from '../schema/account.js';
import type { Config } from '../schema/config.js';
import { gitText, openGitRepo } from '../git/git.js';
import { CONFIG_FILE } from '../repoFs/findRoot.js';
import { gitDatesFor } from '../git/lastCommitDates.js';
import { trendCoverages } from './coverage.js';
import { selectPoints, type Every, type HistoryPoint, type Since } from './points.js';
import { HistoryReader, type ReaderStats } from './repoAt.js';

/** One account at one point. */
export interface TrendEntry {
  /** Unrounded, as JSON carries every value (spec 1.2); null where the account rates nothing or its file is invalid. */
  score: number | null;
  tier: string | null;
  health: number | null;
  band: Band | null;
  /** Pipeline coverage (spec 1.2, section 2) as `kam pipeline` gives it there; null without a plan or a gap > 0. */
  coverage: number | null;
}

/** What explain needs besides the entry: each counted health component's points (they add up to health). */
export interface PointDetail {
  name: string;
  manager: string | null;
  /** Component id -> 100 x weight x value / (sum of the weights used there). */
  points: Record<string, number>;
  labels: Record<string, string>;
}

export interface TrendPointOut {
  date: string;
  /** git's abbreviation of the sha; null for the work tree. */
  commit: string | null;
  /** Set when this point could not be evaluated (kam.yaml invalid there): every account is null. */
  error?: string;
}

export interface TrendAccount {
  id: string;
  /** The latest name it had (an account renamed between points is one account: it is followed by id). */
  name: string;
  series: (TrendEntry | null)[];
}

export interface TrendData {
  points: TrendPointOut[];
  accounts: TrendAccount[];
  /** Not part of the JSON: full points, details for explain, notes for stderr, the last valid config. */
  full: HistoryPoint[];
  details: Map<string, (PointDetail | null)[]>;
  notes: string[];
  lastRepo: Repo | null;
  stats: ReaderStats;
}

export interface TrendOptions {
  every: Every;
  since: Since;
  /** The work tree's date (and the end of the last period). */
  today: string;
  /** Let the work tree use the cache of loaded files. */
  cache?: boolean;
}

/** Evaluates every point; a point whose kam.yaml is invalid is reported as such, never a crash. */
export async function computeTrend(root: string, opts: TrendOptions): Promise<TrendData> {
  const git = await openGitRepo(root);
  const { points, notes } = await selectPoints(git, opts);
  const reader = new HistoryReader(git);
  const commits = points.filter((p) => p.commit !== null);
  // One ls-tree for the first commit and a diff-tree to each next one (what changed, not every
  // tree again), then ONE cat-file for every blob not seen before.
  const trees = await reader.trees(commits.map((p) => p.commit!));
  await reader.prefetch(trees);
  const treeOf = new Map(trees.map((t) => [t.commit, t]));
  // The work tree is HEAD's tree when no plan file differs from HEAD (nor is untracked or ignored):
  // then it is read from the blobs already parsed, not loaded cold a second time.
  const headTree = (await planFilesClean(root)) ? (await reader.trees(['HEAD'], trees.at(-1)))[0]! : null;
  if (headTree) await reader.prefetch([headTree]);

  const score = memoScore();
  const memo: StateMemo = new WeakMap();
  const perPoint: { states: Map<string, { entry: TrendEntry; detail: PointDetail }>; error?: string }[] = [];
  let lastRepo: Repo | null = null;
  let carry: Carry | undefined;
  for (const p of points) {
    const loaded: LoadResult | null = p.commit ? reader.load(treeOf.get(p.commit)!) : headTree ? reader.load(headTree) : await loadRepo(root, { cache: opts.cache ?? false });
    if (loaded === null) {
      perPoint.push({ states: new Map(), error: 'no kam.yaml at this commit' });
      continue;
    }
    if (!loaded.ok) {
      const f = loaded.findings[0]!;
      perPoint.push({ states: new Map(), error: `kam.yaml is invalid here: ${f.file}:${f.line}:${f.column} ${f.message}` });
      continue;
    }
    lastRepo = loaded.repo;
    const evaluated = await evaluate(loaded.repo, p, root, score, memo, carry);
    carry = evaluated.carry;
    perPoint.push({ states: evaluated.states });
  }

  const seen = new Set<string>();
  for (const p of perPoint) for (const id of p.states.keys()) seen.add(id);
  const ids = [...seen].sort();
  const accounts: TrendAccount[] = ids.map((id) => {
    const series = perPoint.map((p) => p.states.get(id)?.entry ?? null);
    const name = perPoint.map((p) => p.states.get(id)?.detail.name).filter((n): n is string => n !== undefined).at(-1) ?? id;
    return { id, name, series };
  });
  const details = new Map(ids.map((id) => [id, perPoint.map((p) => p.states.get(id)?.detail ?? null)]));
  const out = points.map((p, i) => ({ date: p.date, commit: p.short, ...(perPoint[i]!.error ? { error: perPoint[i]!.error } : {}) }));
  return { points: out, accounts, full: points, details, notes, lastRepo, stats: reader.stats };
}

/** Whether kam.yaml, accounts/ and plans/ are as HEAD has them: nothing modified, staged, untracked or ignored. */
async function planFilesClean(root: string): Promise<boolean> {
  const out = await gitText(root, ['status', '--porcelain', '--ignored', '--untracked-files=all', '--', CONFIG_FILE, 'accounts', 'plans']);
  return out.trim() === '';
}

/**
 * scoreAccount, remembered per (kam.yaml, account file) as the history reader shares them: an
 * account whose file and kam.yaml did not change between points is the same object there, and
 * scoring is a pure function of them, so it is scored once for all the points that share it.
 */
function memoScore(): typeof scoreAccount {
  const byConfig = new WeakMap<Config, WeakMap<Account, AccountScore>>();
  return (id, account, config) => {
    let known = byConfig.get(config);
    if (!known) byConfig.set(config, (known = new WeakMap()));
    const hit = known.get(account);
    if (hit && hit.id === id) return hit;
    const scored = scoreAccount(id, account, config);
    known.set(account, scored);
    return scored;
  };
}

/** Every account of one point (one that has an account file there), with "today" = the point's date. */
type PointState = { entry: TrendEntry; detail: PointDetail };
/** An account's state at a point where it has no health and no coverage: shared by every point where its score (so its file and kam.yaml) is the same. */
type StateMemo = WeakMap<Repo['accounts'][number], { score: AccountScore | undefined; state: PointState }>;

/**
 * What one point leaves for the next (the maps are updated in place by it): when the next point
 * has the same kam.yaml and the same account files (same ids, same names, no id twice), only the
 * files that changed are scored again and only they and the accounts with a health or coverage
 * (now or before) get a new state; every other account keeps its state.
 */
interface Carry {
  config: Config;
  accounts: Repo['accounts'];
  /** Id -> its index in `accounts` (the same at every point the carry is reused for). */
  index: Map<string, number>;
  scores: Map<string, AccountScore>;
  first: Map<string, Account>;
  states: Map<string, PointState>;
  /** Ids with a health or a coverage at that point. */
  special: Set<string>;
}

async function evaluate(repo: Repo, point: HistoryPoint, root: string, score: typeof scoreAccount, memo: StateMemo, carry: Carry | undefined): Promise<{ states: Map<string, PointState>; carry: Carry }> {
  const changed = carry ? changedAccounts(carry, repo) : null;
  let scores: Map<string, AccountScore>;
  let first: Map<string, Account>;
  const later = new Map<string, Account>();
  if (carry && changed) {
    ({ scores, first } = carry);
    const files = new Set(changed.map((i) => repo.accounts[i]!.file));
    const errors = errorsByFile(repo.findings.filter((f) => files.has(f.file)), repo.config);
    for (const i of changed) {
      const a = repo.accounts[i]!;
      if (a.value === undefined) first.delete(a.id);
      else first.set(a.id, a.value);
      if (a.value !== undefined && !errors.has(a.file)) scores.set(a.id, score(a.id, a.value, repo.config));
      else scores.delete(a.id);
    }
  } else {
    // The scores and tiers kam score gives (its ranking and totals are not needed here), and each
    // id's account as repoHealth (the last file with a value) and kam pipeline (the first) take it.
    scores = new Map<string, AccountScore>();
    for (const s of portfolioScores(repo, score)) scores.set(s.id, s);
    first = new Map<string, Account>();
    for (const a of repo.accounts) if (a.value !== undefined) (first.has(a.id) ? later : first).set(a.id, a.value);
  }
  // Freshness falls back on the plan's last commit as of this point, as stale_plan does there.
  const opts = { today: point.date, lastCommitDate: await gitDatesFor({ plans: repo.plans, root }, point.commit ?? 'HEAD') };
  const health = new Map(healthOfPlans(repo, opts, (id) => scores.get(id), (id) => later.get(id) ?? first.get(id)).map((h) => [h.id, h]));
  const coverages = trendCoverages(repo, (id) => first.get(id));
  const special = new Set<string>(health.keys());
  for (const [id, c] of coverages) if (c !== null) special.add(id);
  const stateOf = (a: Repo['accounts'][number]): PointState => {
    const s = scores.get(a.id);
    const h = health.get(a.id);
    const coverage = coverages.get(a.id) ?? null;
    if (!h && coverage === null) {
      const known = memo.get(a);
      if (known && known.score === s) return known.state;
    }
    const sumW = h ? Object.values(h.components).reduce((n, c) => n + c.weight, 0) : 0;
    const points: Record<string, number> = {};
    if (h && sumW > 0) for (const [cid, c] of Object.entries(h.components)) points[cid] = (100 * c.weight * c.value) / sumW;
    const labels = Object.fromEntries((h?.details ?? []).map((d) => [d.id, d.label]));
    const state = {
      entry: { score: s?.score ?? null, tier: s?.tier ?? null, health: h?.health ?? null, band: h?.band ?? null, coverage },
      detail: { name: a.value?.name ?? s?.name ?? a.id, manager: a.value?.manager ?? null, points, labels },
    };
    if (!h && coverage === null) memo.set(a, { score: s, state });
    return state;
  };
  if (carry && changed) {
    const states = new Map(carry.states);
    const redo = new Set<string>([...changed.map((i) => repo.accounts[i]!.id), ...carry.special, ...special]);
    for (const id of redo) {
      const i = carry.index.get(id);
      if (i !== undefined) states.set(id, stateOf(repo.accounts[i]!));
    }
    return { states, carry: { ...carry, accounts: repo.accounts, states, special } };
  }
  const states = new Map<string, PointState>();
  const index = new Map<string, number>();
  repo.accounts.forEach((a, i) => {
    if (states.has(a.id)) return;
    index.set(a.id, i);
    states.set(a.id, stateOf(a));
  });
  return { states, carry: { config: repo.config, accounts: repo.accounts, index, scores, first, states, special } };
}

/**
 * The indexes of the account files that changed since the carry's point, when nothing else did
 * that could change another account (the same kam.yaml, the same files by id and name, no id
 * twice); null when the point must be evaluated whole.
 */
function changedAccounts(carry: Carry, repo: Repo): number[] | null {
  const now = repo.accounts;
  const before = carry.accounts;
  if (carry.config !== repo.config || now.length !== before.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < now.length; i++) {
    const a = now[i]!;
    if (i > 0 && a.id === now[i - 1]!.id) return null;
    if (a === before[i]) continue;
    if (a.id !== before[i]!.id || a.file !== before[i]!.file) return null;
    changed.push(i);
  }
  return changed;
}

/** `kam trend <account> --explain`: each component's points at the first and last point with a health. */
export interface TrendExplanation {
  from: { date: string; commit: string | null; health: number };
  to: { date: string; commit: string | null; health: number };
  components: { component: string; label: string; from: number; to: number; change: number; commits: { date: string; commit: string | null; subject: string; change: number }[] }[];
}

/**
 * Points of each health component (100 x weight x value / sum of the weights used at that point)
 * at the first and the last point where the account has a health, and the change: a component
 * absent at a point counts 0 there, so the changes add up to the change of health. `commits`
 * lists the points after the first (the last included) where a component's points changed, and by how much.
 * Null when the account has a health at no point.
 */
export function explainTrend(data: TrendData, id: string): TrendExplanation | null {
  const account = data.accounts.find((a) => a.id === id);
  const details = data.details.get(id);
  if (!account || !details) return null;
  const withHealth = account.series.flatMap((e, i) => (e?.health != null ? [i] : []));
  if (withHealth.length === 0) return null;
  const first = withHealth[0]!;
  const last = withHealth.at(-1)!;
  const pointsAt = (i: number) => details[i]?.points ?? {};
  const order: string[] = [];
  const labels: Record<string, string> = {};
  for (const i of withHealth) {
    for (const cid of Object.keys(pointsAt(i))) if (!order.includes(cid)) order.push(cid);
    Object.assign(labels, details[i]?.labels ?? {});
  }
  const where = (i: number) => ({ date: data.full[i]!.date, commit: data.full[i]!.short, health: account.series[i]!.health! });
  return {
    from: where(first),
    to: where(last),
    components: order.map((cid) => {
      const from = pointsAt(first)[cid] ?? 0;
      const to = pointsAt(last)[cid] ?? 0;
      const commits: TrendExplanation['components'][number]['commits'] = [];
      // Between points with a health (a point without one, or with an invalid kam.yaml, is skipped).
      for (let k = 1; k < withHealth.length; k++) {
        const i = withHealth[k]!;
        const change = (pointsAt(i)[cid] ?? 0) - (pointsAt(withHealth[k - 1]!)[cid] ?? 0);
        if (Math.abs(change) > 1e-9) commits.push({ date: data.full[i]!.date, commit: data.full[i]!.short, subject: data.full[i]!.subject, change });
      }
      return { component: cid, label: labels[cid] ?? cid, from, to, change: to - from, commits };
    }),
  };
}

/** An account's health over the points of a trend, for the quarter in review (the QBR). */
export interface HealthTrend {
  /** Each point where the account has a health, oldest first (the work tree last). */
  points: { date: string; commit: string | null; health: number; band: Band | null }[];
  from: number;
  to: number;
  change: number;
  /** The points where health changed (the first one included): the steps of the trend. */
  steps: { date: string; commit: string | null; health: number; band: Band | null }[];
  /** Every component's points at the first and the last point (explainTrend's), in health's order. */
  components: { component: string; label: string; from: number; to: number; change: number }[];
}

/** The health trend of one account (explainTrend's arithmetic); null when it has a health at no point. */
export function healthTrendOf(data: TrendData, id: string): HealthTrend | null {
  const e = explainTrend(data, id);
  const account = data.accounts.find((a) => a.id === id);
  if (!e || !account) return null;
  const points = account.series.flatMap((entry, i) => (entry?.health != null ? [{ date: data.full[i]!.date, commit: data.full[i]!.short, health: entry.health, band: entry.band }] : []));
  const steps = points.filter((p, i) => i === 0 || Math.abs(p.health - points[i - 1]!.health) > 1e-9);
  const components = e.components.map((c) => ({ component: c.component, label: c.label, from: c.from, to: c.to, change: c.change }));
  return { points, steps, from: e.from.health, to: e.to.health, change: e.to.health - e.from.health, components };
}
