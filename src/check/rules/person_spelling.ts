import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { personMentions } from '../../people/mentions.js';
import { declaredPeople, personKey } from '../../people/people.js';
import type { Rule } from '../rule.js';
import { pushTo } from '../../util/group.js';

export const personSpelling: Rule = {
  id: 'person_spelling',
  severity: 'warning',
  example: 'team:\n  - { name: pat  lee, roles: [lead] }  # kam.yaml people spells them Pat Lee',
  description: 'one person written two ways (names that differ only by case or spacing, e.g. "Dana Whitfield" and "dana  whitfield")',
  fix: 'write the name one way everywhere: as kam.yaml `people:` lists it, or as most files write it',
  check({ accounts, plans, repo }) {
    const mentions = personMentions(accounts, plans);
    const declared = new Map((declaredPeople(repo.config) ?? []).map((n) => [personKey(n), n]));
    const byPerson = new Map<string, Map<string, typeof mentions>>();
    // Our people and the customer's apart: a customer's owner is compared with the customer's
    // other owners, never rewritten "as kam.yaml people: lists it" (people: lists our side).
    for (const m of mentions) {
      const key = `${m.side}\u0000${personKey(m.name)}`;
      const spellings = byPerson.get(key) ?? new Map<string, typeof mentions>();
      pushTo(spellings, m.name, m);
      byPerson.set(key, spellings);
    }
    const findings = [];
    for (const [sideKey, spellings] of byPerson) {
      const key = sideKey.startsWith('us\u0000') ? sideKey.slice(3) : sideKey;
      const usual = declared.get(key) ?? [...spellings].sort((a, b) => b[1].length - a[1].length)[0]![0];
      if (spellings.size < 2 && (!declared.has(key) || spellings.has(usual))) continue;
      // One finding per other spelling, at its first place in each file.
      for (const [spelling, where] of spellings) {
        if (spelling === usual) continue;
        const seen = new Set<string>();
        for (const m of where) {
          if (seen.has(m.loaded.file)) continue;
          seen.add(m.loaded.file);
          const source = declared.has(key) ? 'as kam.yaml people: lists it' : 'as most files write it';
          findings.push(
            makeFinding(personSpelling, whereIn(m.loaded, m.account, m.path), `"${spelling}" and "${usual}" are one person written two ways; write "${usual}" (${source})`, { person: usual }),
          );
        }
      }
    }
    return findings;
  },
};
