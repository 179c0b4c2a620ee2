import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { personKey } from '../../people/people.js';
import { closest } from '../../util/didYouMean.js';
import { isGone } from '../../relationships/gone.js';
import type { Rule } from '../rule.js';

const hint = (name: string, team: string[]) => {
  const guess = closest(name, team);
  return guess ? ` (did you mean "${guess}"?)` : '';
};

export const ownerNotOnTeam: Rule = {
  id: 'owner_not_on_team',
  severity: 'warning',
  example: 'team:\n  - { name: Pat Lee, roles: [lead] }\nactions:\n  - { title: Send the proposal, owner: Sam Roy, due: 2026-05-01 }',
  description: 'a stakeholder `owner` or `contacts` entry that is not the `name` of a member of the plan\'s `team`',
  fix: 'write the name exactly as under `team:`, or add the person to the team',
  check({ plans, today }) {
    return plans.flatMap((plan) => {
      const team = plan.value.team.map((m) => m.name.trim());
      // Case and spacing aside (spec 1.1, section 9: one person); person_spelling reports the spelling.
      const known = new Set(team.map(personKey));
      return plan.value.stakeholders.flatMap((s, i) => {
        if (isGone(s, today)) return [];
        const named: [string, (string | number)[], string][] = [];
        if (s.owner !== undefined && s.owner.trim() !== '') named.push([s.owner.trim(), ['stakeholders', i, 'owner'], 'owner']);
        (s.contacts ?? []).forEach((c, j) => {
          if (c.trim() !== '') named.push([c.trim(), ['stakeholders', i, 'contacts', j], 'contact']);
        });
        return named
          .filter(([person]) => !known.has(personKey(person)))
          .map(([person, path, as]) =>
            makeFinding(ownerNotOnTeam,
              whereIn(plan, plan.id, path),
              `${as} "${person}" of ${s.name} is not on the account team${hint(person, team)}; write the name as under team:, or add them to the team`,
              { person },
            ),
          );
      });
    });
  },
};
