import { completeness } from '../plan/completeness.js';
import type { Band } from '../health/health.js';
import { repoHealth } from '../health/portfolio.js';
import type { Repo } from '../load/loadRepo.js';
import { requirementsByTier } from '../profiles/profile.js';
import { scorePortfolio, type Portfolio } from '../score/portfolio.js';
import { round1 } from '../score/score.js';
import { agreementOf } from '../signoff/digest.js';
import { pipelineFigures } from '../numbers/pipeline.js';
import { nextRenewal, renewalFigures } from '../numbers/renewals.js';
import type { Contract } from '../schema/account.js';

/** What a reviewer compares about one account between two revisions. */
export interface AccountState {
  /** Rounded to one decimal; null when the account file is missing or invalid, or rates nothing. */
  score: number | null;
  tier: string | null;
  quadrant: string | null;
  /** The plan's checklist completeness in percent (0..100, one decimal); null without a valid plan. */
  completeness: number | null;
  /** Plan health (0..100, one decimal) and its band; null without a valid plan and account. */
  health: number | null;
  band: Band | null;
  /**
   * Only for a plan with sign-offs (spec 1.2, section 9): whether its latest sign-off is of the
   * shared plan at this revision (`agreed`) or shared items changed since (`changed`).
   */
  agreement?: { state: 'agreed' | 'changed'; by: string; date: string };
  /**
   * Only for an account with a revenue target or contracts, and a valid plan (spec 1.2, sections
   * 2 and 4): what a reviewer of the numbers compares. Unrounded, as `kam pipeline --format json`.
   */
  numbers?: StateNumbers;
}

/** The commercial side of an account's state: target, coverage and renewals. */
export interface StateNumbers {
  currency: string;
  target: number | null;
  /** (won + weighted) / gap; null when the target is met or the account has no target. */
  coverage: number | null;
  /** Value of the unsettled contracts in the renewal window, and the part of it at risk; null without contracts. */
  renewing: number | null;
  at_risk: number | null;
  /** The unsettled contract that ends first, with its renewal status. */
  next_renewal: { id: string; end: string; renewal: Contract['renewal'] } | null;
}

/** "Today" and the plans' last commit dates as of the revision, for health's freshness. */
export interface StateOptions {
  today: string;
  lastCommitDate?: (file: string) => string | undefined;
  /** The repo's scored portfolio when the caller has it: not scored again. */
  portfolio?: Portfolio;
}

/**
 * The state of every account the repo knows: each account file's id and each plan's id (a plan
 * for a missing account is still something a reviewer wants to see).
 */
export function accountStates(repo: Repo, opts: StateOptions): Map<string, AccountState> {
  const portfolio = opts.portfolio ?? scorePortfolio(repo);
  const scores = new Map(portfolio.accounts.map((a) => [a.id, a]));
  const health = new Map(repoHealth(repo, { today: opts.today, lastCommitDate: opts.lastCommitDate, portfolio }).map((h) => [h.id, h]));
  const byTier = requirementsByTier(repo.config);
  const plans = new Map(repo.plans.filter((p) => p.value).map((p) => [p.id, p.value!]));
  const accounts = new Map(repo.accounts.filter((a) => a.value).map((a) => [a.id, a.value!]));
  const ids = [...new Set([...repo.accounts.map((a) => a.id), ...repo.plans.map((p) => p.id)])].sort();
  return new Map(
    ids.map((id) => {
      const s = scores.get(id);
      const plan = plans.get(id);
      const h = health.get(id);
      const agreement = plan ? agreementOf(plan) : undefined;
      const account = accounts.get(id);
      const numbers = plan && account && plan.account === id && (account.revenue?.target !== undefined || (account.contracts?.length ?? 0) > 0) ? stateNumbers(account, plan, repo, opts.today) : undefined;
      return [
        id,
        {
          score: s?.score == null ? null : round1(s.score),
          tier: s?.tier ?? null,
          quadrant: s?.quadrant ?? null,
          completeness: plan ? completeness(plan, repo.config, byTier(s?.tier)).percent : null,
          health: h?.health == null ? null : round1(h.health),
          band: h?.band ?? null,
          ...(agreement && agreement.state !== 'none' ? { agreement: { state: agreement.state, by: agreement.by, date: agreement.date } } : {}),
          ...(numbers ? { numbers } : {}),
        },
      ];
    }),
  );
}

type ValidAccount = NonNullable<Repo['accounts'][number]['value']>;
type ValidPlan = NonNullable<Repo['plans'][number]['value']>;

function stateNumbers(account: ValidAccount, plan: ValidPlan, repo: Repo, today: string): StateNumbers {
  // The figures kam pipeline shows, from the same functions (spec 1.2 sections 2 and 4).
  const { target, coverage } = pipelineFigures(account, plan, repo.config);
  const { renewing, at_risk } = renewalFigures(account.contracts, repo.config.renewals.assess_days, today);
  const next = nextRenewal(account.contracts);
  return { currency: repo.config.currency, target, coverage, renewing, at_risk, next_renewal: next ? { id: next.id, end: next.end, renewal: next.renewal } : null };
}
