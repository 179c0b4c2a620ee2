import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import type { Rule } from '../rule.js';

export const actionWithoutOwner: Rule = {
  id: 'action_without_owner',
  severity: 'error',
  example: 'actions:\n  - { title: Send the proposal, due: 2026-05-01 }',
  description: 'an action with no `owner` (missing, empty or blank), whatever its status',
  fix: 'set `owner:` to the one person who will make the action happen',
  check({ plans }) {
    return plans.flatMap((plan) =>
      plan.value.actions.flatMap((action, i) => {
        if (action.owner && action.owner.trim() !== '') return [];
        // At an empty `owner:` when there is one, else at the action.
        const where = whereIn(plan, plan.id, ['actions', i, 'owner'], true);
        return [makeFinding(actionWithoutOwner, where, `action "${action.title}" has no owner; add owner: <name>`)];
      }),
    );
  },
};
