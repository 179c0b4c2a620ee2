import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { keyTierNames } from '../../schema/keyTiers.js';
import type { Rule } from '../rule.js';

export const missingPlan: Rule = {
  id: 'missing_plan',
  severity: 'error',
  example: '# accounts/acme.yaml scores into a key tier; plans/acme.yaml does not exist',
  description: 'a key account (its tier is one of `key_tiers`, default: every tier) without a plan',
  fix: 'create `plans/<id>.yaml` for the account, or leave its tier out of `key_tiers` in kam.yaml',
  check({ repo, accounts, scores }) {
    const keyTiers = new Set(keyTierNames(repo.config));
    // A plan file with errors still counts as a plan: loading reports what is wrong with it.
    const planned = new Set(repo.plans.map((p) => p.id));
    return accounts.flatMap((account) => {
      const tier = scores.get(account.id)?.tier;
      if (!tier || !keyTiers.has(tier) || planned.has(account.id)) return [];
      const where = whereIn(account, account.id, ['name'], true);
      return [makeFinding(missingPlan, where, `${account.value.name} is ${tier}, a key tier, but has no plan; create plans/${account.id}.yaml`)];
    });
  },
};
