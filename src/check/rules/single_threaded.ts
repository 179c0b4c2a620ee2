import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { presentOnly } from '../../relationships/gone.js';
import { singleThread } from '../../relationships/people.js';
import { tooFewThreads } from '../../relationships/threads.js';
import type { Rule } from '../rule.js';

export const singleThreaded: Rule = {
  id: 'single_threaded',
  severity: 'warning',
  example: 'stakeholders:\n  - { name: Dana Reyes, role: decision_maker, owner: Pat Lee }  # the only one',
  description: 'a plan with two or more present stakeholders (not gone) whose owners and contacts are all one person of our team; not reported when `too_few_threads` is',
  fix: 'give other team members relationships at the account: set them as `owner` or add them to `contacts`',
  check({ plans, today, requirements }) {
    return plans.flatMap((plan) => {
      const here = presentOnly(plan.value.stakeholders, today);
      const person = singleThread(here);
      if (person === null) return [];
      // spec 1.2, section 7: too_few_threads says it (with the profile's minimum) instead.
      if (tooFewThreads(plan.value.stakeholders, requirements(plan.id).minThreads, today)) return [];
      const where = whereIn(plan, plan.id, ['stakeholders'], true);
      return [makeFinding(singleThreaded, where, `all ${here.length} stakeholder relationships go through ${person}: the account is lost if they leave; have other team members own or contact some of them`, { person })];
    });
  },
};
