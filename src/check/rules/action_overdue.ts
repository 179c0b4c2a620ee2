import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { daysBetween } from '../../util/dates.js';
import type { Rule } from '../rule.js';
import { plural } from '../../util/plural.js';

export const actionOverdue: Rule = {
  id: 'action_overdue',
  severity: 'warning',
  example: 'actions:\n  - { title: Send the proposal, owner: Pat Lee, due: 2020-01-01, status: open }',
  description: 'an open action whose `due` date is before today (done and blocked actions are never overdue)',
  fix: 'do it and set `status: done`, set `status: blocked`, or agree a new `due` date',
  check({ plans, today }) {
    return plans.flatMap((plan) =>
      plan.value.actions.flatMap((action, i) => {
        if (action.status !== 'open' || !action.due || action.due >= today) return [];
        const where = whereIn(plan, plan.id, ['actions', i, 'due']);
        const late = plural(daysBetween(action.due, today), 'day');
        return [makeFinding(actionOverdue, where, `action "${action.title}" was due ${action.due} (${late} ago) and is still open; mark it done or set a new due date`)];
      }),
    );
  },
};
