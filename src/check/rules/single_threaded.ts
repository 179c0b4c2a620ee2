import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { singleThread } from '../../relationships/people.js';
import type { Rule } from '../rule.js';

export const singleThreaded: Rule = {
  id: 'single_threaded',
  description: 'a plan with two or more stakeholders whose owners and contacts are all one person of our team',
  fix: 'give other team members relationships at the account: set them as `owner` or add them to `contacts`',
  check({ plans }) {
    return plans.flatMap((plan) => {
      const person = singleThread(plan.value.stakeholders);
      if (person === null) return [];
      const where = whereIn(plan, plan.id, ['stakeholders'], true);
      const n = plan.value.stakeholders.length;
      return [makeFinding('single_threaded', where, `all ${n} stakeholder relationships go through ${person}: the account is lost if they leave; have other team members own or contact some of them`, { person })];
    });
  },
};
