import type { Finding } from '../findings/finding.js';
import type { LoadedAccount, LoadedPlan, Repo } from '../load/loadRepo.js';
import type { Requirements } from '../profiles/profile.js';
import type { Portfolio } from '../score/portfolio.js';
import type { AccountScore } from '../score/score.js';
import type { Account } from '../schema/account.js';
import type { Plan } from '../schema/plan.js';
import type { RuleInfo } from '../findings/ruleInfo.js';

/** What every rule sees: the loaded repo, scores, and "today". */
export interface CheckContext {
  repo: Repo;
  /** YYYY-MM-DD: the local date or --today. */
  today: string;
  /** Scores of the valid accounts, by id. */
  scores: Map<string, AccountScore>;
  /** Portfolio totals against kam.yaml's limits (key accounts, per-manager load). */
  portfolio: Portfolio;
  /** Valid accounts and plans only (files with errors are reported by loading, not by rules). */
  accounts: (LoadedAccount & { value: Account })[];
  plans: (LoadedPlan & { value: Plan })[];
  /**
   * What the account's tier profile asks of its plan (spec 1.1, section 2): the tier comes from
   * the account's score; an unscored, untiered or unknown account gets the repo-wide defaults.
   */
  requirements(accountId: string): Requirements;
  /** For rules whose verdict depends on git history (stale_plan); absent outside git. */
  lastCommitDate?: (file: string) => string | undefined;
}

export type { RuleInfo } from '../findings/ruleInfo.js';

/**
 * One check of a plan reviewer: a module per rule under src/check/rules/, carrying its default
 * severity and an example (docs/architecture.md, "Adding a rule").
 */
export interface Rule extends RuleInfo {
  check(ctx: CheckContext): Finding[];
}
