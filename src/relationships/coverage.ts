// The coverage map of a plan (spec 1.1, section 1): team members x stakeholders, each cell "owner",
// "contact" or empty. People named as owner or contact who are not on the team get a column too,
// marked, so that the map shows every relationship the plan records.
import type { Plan } from '../schema/plan.js';
import { personKey } from '../people/people.js';
import { presentOnly } from './gone.js';
import { contactsOf, ownerOf, singleThread, stakeholderKey } from './people.js';
import { threadsOf } from './threads.js';

export type CoverageCell = 'owner' | 'contact' | null;

export interface CoverageMap {
  members: { name: string; onTeam: boolean; owns: number; contacts: number }[];
  rows: { key: string; name: string; title: string | null; cells: CoverageCell[]; covered: boolean }[];
  /** The one person every relationship goes through (2+ stakeholders), else null. */
  singleThreaded: string | null;
  /** Stakeholders no one of ours owns or contacts. */
  uncovered: number;
  /** Distinct people of ours who own or contact a present stakeholder (spec 1.2, section 6). */
  threads: number;
}

/** The coverage map of the stakeholders who are not gone by `today` (spec 1.2, section 6). */
export function buildCoverage(plan: Pick<Plan, 'team' | 'stakeholders'>, today: string): CoverageMap {
  const stakeholders = presentOnly(plan.stakeholders, today);
  // One column per person (case and spacing aside, spec 1.1 section 9), named as the team writes them.
  const names: string[] = [];
  const col = new Map<string, number>();
  const onTeam = new Set<string>();
  const add = (name: string, member: boolean) => {
    const key = personKey(name);
    if (!col.has(key)) col.set(key, names.push(name) - 1);
    if (member) onTeam.add(key);
  };
  for (const m of plan.team) add(m.name.trim(), true);
  for (const s of stakeholders) for (const p of [ownerOf(s), ...contactsOf(s)]) if (p !== null) add(p, false);
  const rows = stakeholders.map((s) => {
    const cells: CoverageCell[] = names.map(() => null);
    const owner = ownerOf(s);
    for (const c of contactsOf(s)) cells[col.get(personKey(c))!] = 'contact';
    if (owner !== null) cells[col.get(personKey(owner))!] = 'owner';
    return { key: stakeholderKey(s), name: s.name, title: s.title?.trim() ? s.title.trim() : null, cells, covered: cells.some((c) => c !== null) };
  });
  return {
    members: names.map((name, i) => ({
      name,
      onTeam: onTeam.has(personKey(name)),
      owns: rows.filter((r) => r.cells[i] === 'owner').length,
      contacts: rows.filter((r) => r.cells[i] === 'contact').length,
    })),
    rows,
    singleThreaded: singleThread(stakeholders),
    uncovered: rows.filter((r) => !r.covered).length,
    threads: threadsOf(plan.stakeholders, today).count,
  };
}
