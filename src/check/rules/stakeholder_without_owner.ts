import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { needsOwner, ownerOf, stakeholderKey } from '../../relationships/people.js';
import { isGone } from '../../relationships/gone.js';
import type { Rule } from '../rule.js';

export const stakeholderWithoutOwner: Rule = {
  id: 'stakeholder_without_owner',
  severity: 'warning',
  example: 'stakeholders:\n  - { name: Dana Reyes, role: champion }  # no owner',
  description: 'a stakeholder with influence `high`, or role `decision_maker`, `economic_buyer` or `champion`, and no `owner` on our team',
  fix: 'set `owner:` to the person of our team who holds the relationship (and make sure someone does)',
  check({ plans, today }) {
    return plans.flatMap((plan) =>
      plan.value.stakeholders.flatMap((s, i) => {
        if (isGone(s, today) || !needsOwner(s) || ownerOf(s) !== null) return [];
        const why = s.influence === 'high' ? 'has high influence' : `is the ${s.role}`;
        // At an empty `owner:` when there is one, else at the stakeholder's mapping.
        const where = whereIn(plan, plan.id, ['stakeholders', i, 'owner'], true);
        return [makeFinding(stakeholderWithoutOwner, where, `${s.name} ${why} but no one on our team owns the relationship; add owner: <name>`, { stakeholder: stakeholderKey(s) })];
      }),
    );
  },
};
