import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { personMentions } from '../../people/mentions.js';
import { declaredPeople, People } from '../../people/people.js';
import type { Rule } from '../rule.js';

export const unknownPerson: Rule = {
  id: 'unknown_person',
  severity: 'warning',
  example: 'team:\n  - { name: Nobody Known, roles: [lead] }  # kam.yaml lists people, and not this one',
  description: 'with `people:` declared in kam.yaml, a manager, team member, owner or contact of our side who is not in it (the owner of a `side: customer` action is the customer\'s person, never reported)',
  fix: 'add the person under `people:` in kam.yaml, or fix the name (the message suggests the closest one)',
  check({ accounts, plans, repo }) {
    const declared = declaredPeople(repo.config);
    if (!declared) return [];
    const people = new People(declared);
    const seen = new Set<string>();
    const findings = [];
    for (const m of personMentions(accounts, plans)) {
      // people: lists our side; the customer's people (owners of their actions) are not ours to add.
      if (m.side !== 'us' || !people.unknown(m.name)) continue;
      // Once per name and file: the first place it appears.
      const once = `${m.loaded.file}\u0000${m.name}`;
      if (seen.has(once)) continue;
      seen.add(once);
      const guess = people.suggest(m.name);
      const hint = guess ? `did you mean "${guess}"? Or add` : 'add';
      findings.push(
        makeFinding(unknownPerson, whereIn(m.loaded, m.account, m.path), `"${m.name}" is not in kam.yaml people:; ${hint} them under people:`, { person: m.name }),
      );
    }
    return findings;
  },
};
