import type { Repo } from '../load/loadRepo.js';
import { requirementsByTier } from '../profiles/profile.js';
import type { Portfolio } from '../score/portfolio.js';
import type { AccountScore } from '../score/score.js';
import type { Account } from '../schema/account.js';
import { scorePortfolio } from '../score/portfolio.js';
import { accountHealth, compareHealth, type AccountHealth } from './health.js';

export interface HealthOptions {
  /** YYYY-MM-DD: the local date or --today. */
  today: string;
  /** The date of a plan's last commit, for plans without `last_reviewed` (as stale_plan uses it). */
  lastCommitDate?: (file: string) => string | undefined;
  /** Scores already computed by the caller (saves scoring twice). */
  portfolio?: Portfolio;
}

/** An account's health with the plan file it was computed from. */
export type PlanHealth = AccountHealth & { file: string };

/**
 * The health of every valid account that has a valid plan, worst first (ties by id). Accounts
 * whose files have errors are left out, as `kam score` leaves them out.
 */
export function repoHealth(repo: Repo, opts: HealthOptions): PlanHealth[] {
  const portfolio = opts.portfolio ?? scorePortfolio(repo);
  const scores = new Map(portfolio.accounts.map((s) => [s.id, s]));
  const accounts = new Map(repo.accounts.filter((a) => a.value !== undefined).map((a) => [a.id, a.value!]));
  return healthOfPlans(repo, opts, (id) => scores.get(id), (id) => accounts.get(id));
}

/**
 * repoHealth with the lookups given: `scoreOf` an id's score in the portfolio, `accountOf` the
 * value of the last valid-valued account file of that id (as repoHealth maps them). For kam
 * trend, which has them at hand at every point and would otherwise map 10,000 accounts twice.
 */
export function healthOfPlans(repo: Repo, opts: HealthOptions, scoreOf: (id: string) => AccountScore | undefined, accountOf: (id: string) => Account | undefined): PlanHealth[] {
  const requirements = requirementsByTier(repo.config);
  const out: PlanHealth[] = [];
  for (const p of repo.plans) {
    const score = scoreOf(p.id);
    const account = accountOf(p.id);
    if (!p.value || !score || !account || p.value.account !== p.id) continue;
    const reviewDate = p.value.last_reviewed ?? opts.lastCommitDate?.(p.file);
    const h = accountHealth({ id: p.id, account, plan: p.value, tier: score.tier, requirements: requirements(score.tier), reviewDate, today: opts.today, config: repo.config });
    out.push({ ...h, file: p.file });
  }
  return out.sort(compareHealth);
}

