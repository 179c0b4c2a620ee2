import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import type { Rule } from '../rule.js';

/** Stages at which a plan is expected to act on its objectives (spec 1.2, section 7). */
const ACTING = new Set(['action_plan', 'execution', 'review']);

export const objectiveWithoutAction: Rule = {
  id: 'objective_without_action',
  severity: 'warning',
  example: 'objectives:\n  - { id: expand-eu, title: Expand in the EU }  # no action names objective: expand-eu',
  description: 'at stage `action_plan`, `execution` or `review`, an objective with an `id` that no action names in its `objective`',
  fix: 'add an action with `objective: <id>`, or link an existing action to it',
  check({ plans }) {
    return plans.flatMap((plan) => {
      if (!plan.value.stage || !ACTING.has(plan.value.stage)) return [];
      const named = new Set(plan.value.actions.flatMap((a) => (a.objective === undefined ? [] : [a.objective])));
      return plan.value.objectives.flatMap((o, i) => {
        if (typeof o === 'string' || o.id === undefined || named.has(o.id)) return [];
        const where = whereIn(plan, plan.id, ['objectives', i, 'id']);
        return [makeFinding(objectiveWithoutAction, where, `objective "${o.title}" (${o.id}) has no action that works towards it, and the plan is at stage ${plan.value.stage}; add an action with objective: ${o.id}`, { objective: o.id })];
      });
    });
  },
};
