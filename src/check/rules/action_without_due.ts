import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import type { Rule } from '../rule.js';

export const actionWithoutDue: Rule = {
  id: 'action_without_due',
  severity: 'warning',
  example: 'actions:\n  - { title: Send the proposal, owner: Pat Lee, status: open }',
  description: 'an open or blocked action with no `due` date (done actions need none)',
  fix: 'set `due: YYYY-MM-DD` to when the action should be done',
  check({ plans }) {
    return plans.flatMap((plan) =>
      plan.value.actions.flatMap((action, i) => {
        if (action.status === 'done' || action.due) return [];
        const where = whereIn(plan, plan.id, ['actions', i, 'due'], true);
        return [makeFinding(actionWithoutDue, where, `action "${action.title}" has no due date; add due: YYYY-MM-DD`)];
      }),
    );
  },
};
