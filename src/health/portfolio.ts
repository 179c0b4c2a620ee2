import type { Repo } from '../load/loadRepo.js';
import { requirementsByTier } from '../profiles/profile.js';
import type { Portfolio } from '../score/portfolio.js';
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
  const requirements = requirementsByTier(repo.config);
  const out: PlanHealth[] = [];
  for (const p of repo.plans) {
    const score = scores.get(p.id);
    const account = accounts.get(p.id);
    if (!p.value || !score || !account || p.value.account !== p.id) continue;
    const reviewDate = p.value.last_reviewed ?? opts.lastCommitDate?.(p.file);
    const h = accountHealth({ id: p.id, account, plan: p.value, tier: score.tier, requirements: requirements(score.tier), reviewDate, today: opts.today, config: repo.config });
    out.push({ ...h, file: p.file });
  }
  return out.sort(compareHealth);
}

/** Whether health needs git: some valid plan has no `last_reviewed`. */
export function healthNeedsGit(repo: Repo): boolean {
  return repo.plans.some((p) => p.value !== undefined && !p.value.last_reviewed);
}
