import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { amount, percent } from '../../numbers/format.js';
import { minCoverageFor, pipelineFigures } from '../../numbers/pipeline.js';
import { keyTierNames } from '../../schema/keyTiers.js';
import type { Rule } from '../rule.js';

export const pipelineShort: Rule = {
  id: 'pipeline_short',
  severity: 'warning',
  example: 'a key account whose pipeline coverage is 0.5 against min_coverage 3',
  description: 'a key account whose coverage, (won + weighted pipeline) / (revenue.target - revenue.current), is below `min_coverage` (its tier profile\'s, else kam.yaml `pipeline.min_coverage`, default 1)',
  fix: 'add or advance opportunities in the plan, or revisit `revenue.target`',
  check({ plans, accounts, scores, repo }) {
    const key = new Set(keyTierNames(repo.config));
    // Only accounts that set a target can fall short: most repos skip the work entirely.
    const byId = new Map(accounts.filter((a) => a.value.revenue?.target !== undefined).map((a) => [a.id, a]));
    if (byId.size === 0) return [];
    return plans.flatMap((plan) => {
      const account = byId.get(plan.id);
      const tier = scores.get(plan.id)?.tier;
      if (!account || !tier || !key.has(tier)) return [];
      const p = pipelineFigures(account.value, plan.value, repo.config);
      const min = minCoverageFor(repo.config, tier);
      if (p.coverage === null || p.coverage >= min - 1e-9) return [];
      const cur = repo.config.currency;
      const where = whereIn(account, account.id, ['revenue', 'target']);
      return [makeFinding(pipelineShort, where, `pipeline covers ${percent(p.coverage)} of the gap to the target, below the ${percent(min)} a ${tier} account needs: won ${amount(p.won, cur)} + weighted ${amount(p.weighted, cur)} against a gap of ${amount(p.gap, cur)}; add or advance opportunities in plans/${plan.id}.yaml`)];
    });
  },
};
