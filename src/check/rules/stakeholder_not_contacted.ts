import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { stakeholderKey } from '../../relationships/people.js';
import { daysBetween, plural } from '../dates.js';
import { isGone } from '../../relationships/gone.js';
import type { Rule } from '../rule.js';

export const stakeholderNotContacted: Rule = {
  id: 'stakeholder_not_contacted',
  severity: 'warning',
  example: 'stakeholders:\n  - { name: Dana Reyes, role: decision_maker, last_contact: 2020-01-01 }',
  description: 'the tier profile sets `contact_days`, and a stakeholder with influence `high` has no `last_contact` or one more than `contact_days` days before today; or any `last_contact` in the future',
  fix: 'talk to them, then set `last_contact:` to the date of that conversation (never a future date)',
  check({ plans, today, requirements }) {
    return plans.flatMap((plan) => {
      const { contactDays, profile } = requirements(plan.id);
      // A contact "in the future" is a typo whatever the profile asks: it would hide a lapsed relationship.
      const future = plan.value.stakeholders.flatMap((s, i) =>
        s.last_contact !== undefined && s.last_contact > today && !isGone(s, today)
          ? [
              makeFinding(stakeholderNotContacted,
                whereIn(plan, plan.id, ['stakeholders', i, 'last_contact']),
                `${s.name}'s last_contact ${s.last_contact} is in the future (${plural(daysBetween(today, s.last_contact), 'day')} after ${today}); set it to the date of the last conversation`,
                { stakeholder: stakeholderKey(s) },
              ),
            ]
          : [],
      );
      if (contactDays === undefined) return future;
      const rhythm = `${profile} asks for contact every ${plural(contactDays, 'day')}`;
      return plan.value.stakeholders.flatMap((s, i) => {
        if (s.influence !== 'high' || isGone(s, today)) return [];
        const extra = { stakeholder: stakeholderKey(s) };
        if (s.last_contact !== undefined && s.last_contact > today) return future.filter((f) => f.path[1] === i);
        if (s.last_contact === undefined) {
          const where = whereIn(plan, plan.id, ['stakeholders', i, 'last_contact'], true);
          return [makeFinding(stakeholderNotContacted, where, `${s.name} has high influence and no last_contact (${rhythm}); talk to them and add last_contact: YYYY-MM-DD`, extra)];
        }
        const age = daysBetween(s.last_contact, today);
        if (age <= contactDays) return [];
        const where = whereIn(plan, plan.id, ['stakeholders', i, 'last_contact']);
        return [makeFinding(stakeholderNotContacted, where, `${s.name} was last contacted ${s.last_contact}, ${plural(age, 'day')} ago (${rhythm}); talk to them and update last_contact`, extra)];
      }).concat(future.filter((f) => plan.value.stakeholders[f.path[1] as number]!.influence !== 'high'));
    });
  },
};
