// The plan document's "Numbers" section (spec 1.2, sections 2-5): the core's figures
// (src/numbers/) shaped for templates. Internal only: the customer version never reads this.
import type { Repo } from '../load/loadRepo.js';
import { objectiveProgress } from '../numbers/objectives.js';
import { minCoverageFor } from '../numbers/pipeline.js';
import { accountNumbers, repoNumbers } from '../numbers/portfolio.js';
import type { Portfolio } from '../score/portfolio.js';
import { keyTierNames } from '../schema/keyTiers.js';
import type { Plan } from '../schema/plan.js';
import type { Account } from '../schema/account.js';
import { round1 } from '../score/score.js';

const pct = (ratio: number | null) => (ratio === null ? null : round1(100 * ratio));

/**
 * What the section shows, or null when the account has nothing to show (no target, no contracts,
 * no economics, no wallet and no declared stages): a 1.1 plan renders as it did.
 */
export function numbersModel(repo: Repo, id: string, account: Account, plan: Plan, tier: string | null, today: string) {
  const { config } = repo;
  const stages = config.pipeline?.stages;
  const r = accountNumbers({ id, account, plan, tier, config, today });
  const hasAny = r.target !== null || r.wallet !== null || r.contribution !== null || (account.contracts?.length ?? 0) > 0 || (stages !== undefined && plan.opportunities.length > 0);
  if (!hasAny) return null;
  // Pipeline by stage: declared stages in order, then won and lost, then whatever else is written.
  const order = [...(stages ?? []).map((s) => s.id), 'won', 'lost'];
  const byStage = new Map<string, { stage: string; count: number; value: number; weighted: number }>();
  for (const o of r.detail.opportunities) {
    const key = o.stage ?? '(no stage)';
    const row = byStage.get(key) ?? { stage: key, count: 0, value: 0, weighted: 0 };
    row.count++;
    row.value += o.value ?? 0;
    row.weighted += o.stage === 'won' ? (o.value ?? 0) : (o.weighted ?? 0);
    byStage.set(key, row);
  }
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  const contracts = (account.contracts ?? []).map((c) => ({
    id: c.id, value: c.value ?? null, end: c.end, renewal: c.renewal, decision: r.detail.renewals.find((w) => w.contract.id === c.id)?.decision ?? null,
    renewing: r.detail.renewals.some((w) => w.contract.id === c.id),
    atRisk: c.renewal === 'at_risk' || (c.renewal === 'unknown' && r.detail.renewals.some((w) => w.contract.id === c.id)),
    settled: c.renewal === 'renewed' || c.renewal === 'lost',
  }));
  return {
    current: r.current,
    target: r.target,
    gap: r.gap,
    won: r.won,
    weighted: r.weighted,
    /** Coverage in percent (one decimal), null when there is no gap; the bar stops at 100. */
    coverage: pct(r.coverage),
    coverageBar: r.coverage === null ? null : Math.min(100, 100 * r.coverage),
    targetMet: r.gap !== null && r.gap <= 1e-9,
    stages: [...byStage.values()].sort((a, b) => rank(a.stage) - rank(b.stage) || (a.stage < b.stage ? -1 : 1)),
    assessDays: config.renewals.assess_days,
    renewing: r.renewing,
    atRisk: r.at_risk,
    contracts,
    wallet: r.wallet,
    share: pct(r.share),
    contribution: r.contribution,
    negativeContribution: r.contribution !== null && r.contribution < -1e-9,
  };
}

/** Objectives with their progress (spec 1.1's `{ title, shared }` plus id, due and progress in percent). */
export function objectivesModel(plan: Plan) {
  return objectiveProgress(plan).map((o) => ({
    title: o.title,
    shared: typeof plan.objectives[o.index] === 'object' && (plan.objectives[o.index] as { shared: boolean }).shared,
    id: o.id,
    due: o.due,
    progress: pct(o.progress),
    progressFrom: o.source === 'measure' && o.measure ? `${o.measure.actual}${o.measure.unit ? ` ${o.measure.unit}` : ''}, from ${o.measure.baseline} to ${o.measure.target}` : o.source === 'actions' ? `${o.done} of ${o.actions} actions done` : null,
  }));
}

export type NumbersModel = NonNullable<ReturnType<typeof numbersModel>>;

/** One account of the portfolio's numbers: its coverage against what its tier needs. */
export interface PortfolioCoverage {
  /** Coverage in percent (one decimal); null without a gap (no target, or the target is met). */
  coverage: number | null;
  coverageBar: number | null;
  /** The account has a target and its revenue reaches it (gap <= 0). */
  targetMet: boolean;
  hasTarget: boolean;
  /** The coverage a key account of its tier needs, in percent (min_coverage of its profile, else pipeline's); null for an account that is not key. */
  min: number | null;
  /** Coverage below that minimum: what pipeline_short reports. */
  short: boolean;
}

/** Each account's coverage in the portfolio (spec 1.2 section 2), by id; accounts with a plan only. */
export function portfolioCoverage(repo: Repo, today: string, portfolio: Portfolio): Map<string, PortfolioCoverage> {
  const numbers = repoNumbers(repo, today, portfolio);
  const key = new Set(keyTierNames(repo.config));
  return new Map(
    numbers.accounts.map((n) => {
      const min = n.tier !== null && key.has(n.tier) ? minCoverageFor(repo.config, n.tier) : null;
      return [
        n.id,
        {
          coverage: pct(n.coverage),
          coverageBar: n.coverage === null ? null : Math.min(100, 100 * n.coverage),
          targetMet: n.gap !== null && n.gap <= 1e-9,
          hasTarget: n.target !== null,
          min: min === null ? null : round1(100 * min),
          short: min !== null && n.coverage !== null && n.coverage < min - 1e-9,
        },
      ];
    }),
  );
}

interface CoverageHealthRow {
  id: string;
  name: string;
  coverage: number | null;
  health: number | null;
}

/** Lowest first, nothing to measure (null) last. */
const lowFirst = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a - b);

/**
 * The coverage × health view: the accounts with a plan and a target (those with no target have no
 * coverage to set against health), in two orders: by coverage then health (the default: the
 * weakest pipeline first), and by health then coverage. Null when no account has a target, so a
 * spec 1.1 portfolio renders as it did.
 */
export function coverageHealthView<T extends CoverageHealthRow & { hasTarget: boolean }>(rows: readonly T[]): { byCoverage: T[]; byHealth: T[] } | null {
  const listed = rows.filter((r) => r.hasTarget);
  if (listed.length === 0) return null;
  const byName = (a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1);
  return {
    byCoverage: [...listed].sort((a, b) => lowFirst(a.coverage, b.coverage) || lowFirst(a.health, b.health) || byName(a, b)),
    byHealth: [...listed].sort((a, b) => lowFirst(a.health, b.health) || lowFirst(a.coverage, b.coverage) || byName(a, b)),
  };
}
