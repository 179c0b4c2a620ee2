import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { stakeholderKey } from '../../relationships/people.js';
import { daysBetween, plural } from '../dates.js';
import type { Rule } from '../rule.js';

export const stakeholderNotContacted: Rule = {
  id: 'stakeholder_not_contacted',
  description: 'the tier profile sets `contact_days`, and a stakeholder with influence `high` has no `last_contact` or one more than `contact_days` days before today',
  fix: 'talk to them, then set `last_contact:` to the date of that conversation',
  check({ plans, today, requirements }) {
    return plans.flatMap((plan) => {
      const { contactDays, profile } = requirements(plan.id);
      if (contactDays === undefined) return [];
      const rhythm = `${profile} asks for contact every ${plural(contactDays, 'day')}`;
      return plan.value.stakeholders.flatMap((s, i) => {
        if (s.influence !== 'high') return [];
        const extra = { stakeholder: stakeholderKey(s) };
        if (s.last_contact === undefined) {
          const where = whereIn(plan, plan.id, ['stakeholders', i, 'last_contact'], true);
          return [makeFinding('stakeholder_not_contacted', where, `${s.name} has high influence and no last_contact (${rhythm}); talk to them and add last_contact: YYYY-MM-DD`, extra)];
        }
        const age = daysBetween(s.last_contact, today);
        if (age <= contactDays) return [];
        const where = whereIn(plan, plan.id, ['stakeholders', i, 'last_contact']);
        return [makeFinding('stakeholder_not_contacted', where, `${s.name} was last contacted ${s.last_contact}, ${plural(age, 'day')} ago (${rhythm}); talk to them and update last_contact`, extra)];
      });
    });
  },
};
