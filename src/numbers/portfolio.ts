// spec 1.2, sections 2-5 together: the figures of `kam pipeline`, per account with a plan and for
// the portfolio. Pure: the loaded repo, the scores and today in, plain data out; every command
// (pipeline, render, export, the agenda) reads the numbers from here.
import type { Repo } from '../load/loadRepo.js';
import type { Account } from '../schema/account.js';
import type { Config } from '../schema/config.js';
import type { Plan } from '../schema/plan.js';
import type { Portfolio } from '../score/portfolio.js';
import { scorePortfolio } from '../score/portfolio.js';
import { contribution } from './economics.js';
import { isOpen, opportunityProbability, pipelineFigures, coverageOf, type ProbabilitySource } from './pipeline.js';
import { renewalFigures, type RenewalFigures } from './renewals.js';
import { walletFigures } from './wallet.js';

/** One row of `kam pipeline`, in the key order of spec 1.2 section 2's JSON. */
export interface AccountNumbers {
  id: string;
  name: string;
  tier: string | null;
  current: number | null;
  target: number | null;
  gap: number | null;
  won: number;
  weighted: number;
  coverage: number | null;
  open: number;
  wallet: number | null;
  share: number | null;
  contribution: number | null;
  renewing: number | null;
  at_risk: number | null;
}

export interface PortfolioTotals {
  current: number;
  target: number;
  gap: number;
  won: number;
  weighted: number;
  coverage: number | null;
  wallet: number;
  renewing: number;
  at_risk: number;
}

/** What `--explain` shows of one account: each opportunity, each renewing contract, each wallet cell. */
export interface NumbersDetail {
  opportunities: { index: number; name: string; stage: string | null; value: number | null; open: boolean; probability: number | null; source: ProbabilitySource; weighted: number | null }[];
  renewals: RenewalFigures['window'];
  wallet: { index: number; center: string; offering: string; status: string; value: number | null; wallet: number }[];
}

export type AccountNumbersRow = AccountNumbers & { manager: string | null; detail: NumbersDetail };

export interface PortfolioNumbers {
  currency: string;
  accounts: AccountNumbersRow[];
  totals: PortfolioTotals;
}

export interface NumbersInput {
  id: string;
  account: Account;
  plan: Plan;
  tier: string | null;
  config: Config;
  today: string;
}

/** The figures of one account with a plan. */
export function accountNumbers({ id, account, plan, tier, config, today }: NumbersInput): AccountNumbersRow {
  const p = pipelineFigures(account, plan, config);
  const w = walletFigures(plan);
  const r = renewalFigures(account.contracts, config.renewals.assess_days, today);
  return {
    id,
    name: account.name,
    tier,
    current: p.current,
    target: p.target,
    gap: p.gap,
    won: p.won,
    weighted: p.weighted,
    coverage: p.coverage,
    open: p.open,
    wallet: w.wallet,
    share: w.share,
    contribution: contribution(account),
    renewing: r.renewing,
    at_risk: r.at_risk,
    manager: account.manager ?? null,
    detail: {
      opportunities: plan.opportunities.map((o, index) => {
        const { probability, source } = opportunityProbability(o, config);
        const open = isOpen(o);
        return { index, name: o.name, stage: o.stage ?? null, value: o.value ?? null, open, probability, source, weighted: open && o.value !== undefined && probability !== null ? o.value * probability : null };
      }),
      renewals: r.window,
      wallet: plan.whitespace.flatMap((e, index) => (e.wallet === undefined ? [] : [{ index, center: e.center, offering: e.offering, status: e.status, value: e.value ?? null, wallet: e.wallet }])),
    },
  };
}

/** Lowest coverage first, nulls last, ties (within 1e-9) by id. */
export function compareNumbers(a: AccountNumbers, b: AccountNumbers): number {
  if (a.coverage !== null && b.coverage !== null && Math.abs(a.coverage - b.coverage) > 1e-9) return a.coverage - b.coverage;
  if ((a.coverage === null) !== (b.coverage === null)) return a.coverage === null ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Totals over the listed accounts: each field summed where not null, except `gap` (only gaps > 0)
 * and `coverage` = (won + weighted of the accounts with gap > 0) / that gap sum, null when it is 0.
 */
export function totalsOf(rows: readonly AccountNumbers[]): PortfolioTotals {
  const sum = (f: (r: AccountNumbers) => number | null) => rows.reduce((s, r) => s + (f(r) ?? 0), 0);
  const short = rows.filter((r) => r.gap !== null && r.gap > 1e-9);
  const gap = short.reduce((s, r) => s + r.gap!, 0);
  const covered = short.reduce((s, r) => s + r.won + r.weighted, 0);
  return {
    current: sum((r) => r.current),
    target: sum((r) => r.target),
    gap,
    won: sum((r) => r.won),
    weighted: sum((r) => r.weighted),
    coverage: coverageOf(covered, short.length ? gap : null),
    wallet: sum((r) => r.wallet),
    renewing: sum((r) => r.renewing),
    at_risk: sum((r) => r.at_risk),
  };
}

/**
 * The numbers of every valid account that has a valid plan (as `kam health` lists them), lowest
 * coverage first, with the portfolio totals. `tier` is the tier `kam score` gives.
 */
export function repoNumbers(repo: Repo, today: string, portfolio: Portfolio = scorePortfolio(repo)): PortfolioNumbers {
  const scores = new Map(portfolio.accounts.map((s) => [s.id, s]));
  const accounts = new Map(repo.accounts.filter((a) => a.value !== undefined).map((a) => [a.id, a.value!]));
  const rows: AccountNumbersRow[] = [];
  for (const p of repo.plans) {
    const score = scores.get(p.id);
    const account = accounts.get(p.id);
    if (!p.value || !score || !account || p.value.account !== p.id) continue;
    rows.push(accountNumbers({ id: p.id, account, plan: p.value, tier: score.tier, config: repo.config, today }));
  }
  rows.sort(compareNumbers);
  return { currency: repo.config.currency, accounts: rows, totals: totalsOf(rows) };
}
