import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { isGone } from '../../relationships/gone.js';
import { stakeholderKey } from '../../relationships/people.js';
import { STAKEHOLDER_ROLE_LABELS } from '../../schema/enums.js';
import type { Rule } from '../rule.js';

/** The roles whose loss is the early sign of churn (spec 1.2, section 7). */
const KEY_ROLES: ReadonlySet<string> = new Set(['decision_maker', 'economic_buyer', 'champion']);

export const stakeholderLeft: Rule = {
  id: 'stakeholder_left',
  severity: 'warning',
  example: 'a gone decision_maker, economic_buyer or champion with no successor who is still there',
  description: 'a gone stakeholder (`left` today or earlier) with role `decision_maker`, `economic_buyer` or `champion` and no `successor` who is still there',
  fix: 'find who took over, add them under `stakeholders:` and set `successor:` to their id (a successor who left too does not count)',
  check({ plans, today }) {
    return plans.flatMap((plan) => {
      const list = plan.value.stakeholders;
      const byId = new Map(list.flatMap((s) => (s.id === undefined ? [] : [[s.id, s] as const])));
      return list.flatMap((s, i) => {
        if (!isGone(s, today) || s.role === undefined || !KEY_ROLES.has(s.role)) return [];
        const next = s.successor === undefined ? undefined : byId.get(s.successor);
        if (next !== undefined && !isGone(next, today)) return [];
        const label = STAKEHOLDER_ROLE_LABELS[s.role] ?? s.role;
        const why =
          s.successor === undefined
            ? 'and no successor is named; add who took over and set successor: <their id>'
            : next === undefined
              ? `and successor "${s.successor}" is not a stakeholder of this plan; add them or correct successor`
              : `and their successor ${next.name} left too (${next.left}); name who holds the role now`;
        // At `successor:` when there is one, else at `left:`.
        const where = whereIn(plan, plan.id, ['stakeholders', i, s.successor === undefined ? 'left' : 'successor']);
        return [makeFinding(stakeholderLeft, where, `${s.name}, the ${label}, left on ${s.left} ${why}`, { stakeholder: stakeholderKey(s) })];
      });
    });
  },
};
