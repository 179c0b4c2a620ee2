import { compareFindings, type Finding } from '../findings/finding.js';
import type { Repo } from '../load/loadRepo.js';
import { scorePortfolio, type Portfolio } from '../score/portfolio.js';
import type { Account } from '../schema/account.js';
import type { Plan } from '../schema/plan.js';
import { requirementsByTier } from '../profiles/profile.js';
import { completeness, type Completeness } from '../plan/completeness.js';
import type { CheckContext } from './rule.js';
import { RULES } from './rules/index.js';
import { applySeverities, configRuleSettings, summarize, type FindingSummary, type RuleSettings } from '../findings/severity.js';

export interface CheckOptions {
  today: string;
  /** --rule ID=severity, applied over kam.yaml's `rules:`. */
  rules?: RuleSettings;
  lastCommitDate?: (file: string) => string | undefined;
  /** The repo's portfolio when the caller has it (the analysis scores once). */
  portfolio?: Portfolio;
}

export interface CheckResult {
  /** Loading findings and rule findings, severities applied, `off` rules dropped, sorted. */
  findings: Finding[];
  summary: FindingSummary;
  /** Checklist completeness per plan, by account id (valid plans only). */
  completeness: Record<string, Completeness>;
  /** The scores the rules saw (callers reuse them instead of scoring the portfolio again). */
  portfolio: Portfolio;
}

/** Runs every rule over a loaded repo. Pure: all I/O happened while loading. */
export function checkRepo(repo: Repo, opts: CheckOptions): CheckResult {
  const accounts = repo.accounts.filter((a): a is typeof a & { value: Account } => a.value !== undefined);
  const plans = repo.plans.filter((p): p is typeof p & { value: Plan } => p.value !== undefined);
  const portfolio = opts.portfolio ?? scorePortfolio(repo);
  const scores = new Map(portfolio.accounts.map((s) => [s.id, s]));
  const byTier = requirementsByTier(repo.config);
  const requirements = (id: string) => byTier(scores.get(id)?.tier);
  const ctx: CheckContext = {
    repo,
    today: opts.today,
    accounts,
    plans,
    scores,
    requirements,
    portfolio,
    lastCommitDate: opts.lastCommitDate,
  };
  const raw = [...repo.findings, ...RULES.flatMap((rule) => rule.check(ctx))];
  const findings = applySeverities(raw, configRuleSettings(repo.config), opts.rules).sort(compareFindings);
  return {
    findings,
    summary: summarize(findings, repo.accounts.length, repo.plans.length),
    completeness: Object.fromEntries(plans.map((p) => [p.id, completeness(p.value, repo.config, requirements(p.id))])),
    portfolio,
  };
}
