// Threads (spec 1.2, section 6): how many distinct people of ours hold a relationship at the
// account. Everyone named as the `owner` or in `contacts` of a stakeholder who is not gone counts,
// one person however the name is cased or spaced (spec 1.1, section 9). Names not on the team
// count too, as `single_threaded` counts them: they are people of ours (owner_not_on_team reports
// that the team list misses them), and a thread held by someone left off the team is still held.
import { personKey } from '../people/people.js';
import type { Plan } from '../schema/plan.js';
import { presentOnly } from './gone.js';
import { contactsOf, ownerOf } from './people.js';

export interface Threads {
  /** The number of distinct people of ours who own or contact a present stakeholder. */
  count: number;
  /** Those people, as first written, in plan order. */
  people: string[];
  /** Stakeholders who are not gone. */
  present: number;
}

export function threadsOf(stakeholders: Plan['stakeholders'], today: string): Threads {
  const here = presentOnly(stakeholders, today);
  const people = new Map<string, string>();
  for (const s of here) for (const name of [ownerOf(s), ...contactsOf(s)]) if (name !== null && !people.has(personKey(name))) people.set(personKey(name), name);
  return { count: people.size, people: [...people.values()], present: here.length };
}

/**
 * too_few_threads's verdict (spec 1.2, section 7): the profile sets `min_threads`, the plan has
 * two or more present stakeholders and fewer threads than that. `single_threaded` asks it too: it
 * is not also reported when this holds.
 */
export function tooFewThreads(stakeholders: Plan['stakeholders'], minThreads: number | undefined, today: string): Threads | null {
  if (minThreads === undefined) return null;
  const t = threadsOf(stakeholders, today);
  return t.present >= 2 && t.count < minThreads ? t : null;
}
