import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { objectiveProgress, progressComplete } from '../../numbers/objectives.js';
import { percent } from '../../numbers/format.js';
import { daysBetween } from '../../util/dates.js';
import type { Rule } from '../rule.js';
import { plural } from '../../util/plural.js';

export const objectiveOverdue: Rule = {
  id: 'objective_overdue',
  severity: 'warning',
  example: 'an objective with due: 2020-01-01 and progress below 1',
  description: 'an objective whose `due` is before today and whose progress (spec 1.2, section 1) is not 1',
  fix: 'record the progress (`measure.actual`, or mark its actions done), or agree a new `due` date',
  check({ plans, today }) {
    return plans.flatMap((plan) => {
      // Progress is worked out only for plans with an objective past due.
      if (!plan.value.objectives.some((o) => typeof o === 'object' && o.due !== undefined && o.due < today)) return [];
      return objectiveProgress(plan.value).flatMap((o) => {
        if (o.due === null || o.due >= today || progressComplete(o.progress)) return [];
        const where = whereIn(plan, plan.id, ['objectives', o.index, 'due']);
        const late = plural(daysBetween(o.due, today), 'day');
        const progress = o.progress === null ? 'with no measured progress' : `at ${percent(o.progress)} (from its ${o.source})`;
        return [makeFinding(objectiveOverdue, where, `objective "${o.title}" was due ${o.due} (${late} ago) and stands ${progress}; update its progress or agree a new due date`, o.id === null ? {} : { objective: o.id })];
      });
    });
  },
};
