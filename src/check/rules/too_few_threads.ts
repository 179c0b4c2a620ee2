import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { tooFewThreads } from '../../relationships/threads.js';
import type { Rule } from '../rule.js';
import { plural } from '../../util/plural.js';

export const tooFewThreadsRule: Rule = {
  id: 'too_few_threads',
  severity: 'warning',
  example: 'the tier profile sets min_threads: 3; the plan has 2 present stakeholders, 2 threads',
  description: 'the tier profile sets `min_threads`, the plan has two or more present stakeholders (not gone), and fewer distinct people of ours own or contact them',
  fix: 'give more of our team relationships at the account: make them `owner` of a stakeholder or add them to `contacts`',
  check({ plans, today, requirements }) {
    return plans.flatMap((plan) => {
      const { minThreads, profile } = requirements(plan.id);
      const t = tooFewThreads(plan.value.stakeholders, minThreads, today);
      if (t === null) return [];
      const where = whereIn(plan, plan.id, ['stakeholders'], true);
      const who = t.count === 0 ? 'no one of ours holds' : `only ${t.people.join(', ')} ${t.count === 1 ? 'holds' : 'hold'}`;
      return [
        makeFinding(tooFewThreadsRule,
          where,
          `${who} the relationships with the ${t.present} present stakeholders: ${plural(t.count, 'thread')}, ${profile} asks for ${minThreads}; have more of our team own or contact stakeholders`,
        ),
      ];
    });
  },
};
