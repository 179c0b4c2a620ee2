import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { presentOnly } from '../../relationships/gone.js';
import type { Rule } from '../rule.js';

const DECIDERS = new Set(['decision_maker', 'economic_buyer']);

export const noDecisionMaker: Rule = {
  id: 'no_decision_maker',
  severity: 'warning',
  example: 'stakeholders:\n  - { name: Dana Reyes, role: champion }',
  description: 'a plan whose `stakeholders` name no one with role `decision_maker` or `economic_buyer`',
  fix: 'find out who decides and who holds the budget, and add them under `stakeholders:` with that role',
  check({ plans, today }) {
    return plans.flatMap((plan) => {
      if (presentOnly(plan.value.stakeholders, today).some((s) => s.role && DECIDERS.has(s.role))) return [];
      const where = whereIn(plan, plan.id, ['stakeholders'], true);
      return [makeFinding(noDecisionMaker, where, 'no stakeholder is the decision maker or economic buyer; add who decides (role: decision_maker) and who holds the budget (role: economic_buyer)')];
    });
  },
};
