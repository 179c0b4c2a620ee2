import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { stakeholderKey } from '../../relationships/people.js';
import { daysBetween } from '../../util/dates.js';
import { isGone } from '../../relationships/gone.js';
import type { Rule } from '../rule.js';
import { plural } from '../../util/plural.js';

export const stakeholderNotContacted: Rule = {
  id: 'stakeholder_not_contacted',
  severity: 'warning',
  example: 'stakeholders:\n  - { name: Dana Reyes, role: decision_maker, last_contact: 2020-01-01 }',
  description: 'the tier profile sets `contact_days`, and a stakeholder with influence `high` has no `last_contact` or one more than `contact_days` days before today; or any `last_contact` in the future',
  fix: 'talk to them, then set `last_contact:` to the date of that conversation (never a future date)',
  check({ plans, today, requirements }) {
    return plans.flatMap((plan) => {
      const { contactDays, profile } = requirements(plan.id);
      const present = plan.value.stakeholders.flatMap((s, i) => (isGone(s, today) ? [] : [{ s, i }]));
      type Entry = (typeof present)[number];
      // A contact "in the future" is a typo whatever the profile asks: it would hide a lapsed relationship.
      const inFuture = ({ s }: Entry) => s.last_contact !== undefined && s.last_contact > today;
      // spec 1.1: the profile sets contact_days, and a stakeholder of influence high has no
      // last_contact or one more than contact_days days before today.
      const lapsed = ({ s }: Entry) =>
        contactDays !== undefined && s.influence === 'high' && (s.last_contact === undefined || daysBetween(s.last_contact, today) > contactDays);
      const rhythm = () => `${profile} asks for contact every ${plural(contactDays!, 'day')}`;
      return present.filter((e) => inFuture(e) || lapsed(e)).map(({ s, i }) => {
        const extra = { stakeholder: stakeholderKey(s) };
        const path = ['stakeholders', i, 'last_contact'];
        if (s.last_contact === undefined) {
          return makeFinding(stakeholderNotContacted, whereIn(plan, plan.id, path, true), `${s.name} has high influence and no last_contact (${rhythm()}); talk to them and add last_contact: YYYY-MM-DD`, extra);
        }
        const where = whereIn(plan, plan.id, path);
        if (s.last_contact > today) {
          return makeFinding(stakeholderNotContacted, where, `${s.name}'s last_contact ${s.last_contact} is in the future (${plural(daysBetween(today, s.last_contact), 'day')} after ${today}); set it to the date of the last conversation`, extra);
        }
        return makeFinding(stakeholderNotContacted, where, `${s.name} was last contacted ${s.last_contact}, ${plural(daysBetween(s.last_contact, today), 'day')} ago (${rhythm()}); talk to them and update last_contact`, extra);
      });
    });
  },
};
