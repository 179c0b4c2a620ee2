// Small facts about a plan's stakeholders that rules, the power map and the coverage map share.
import type { Plan } from '../schema/plan.js';

export type Stakeholder = Plan['stakeholders'][number];

/** How findings and maps name a stakeholder: its `id`, or its `name` when it has none (spec 1.1, section 3). */
export const stakeholderKey = (s: Pick<Stakeholder, 'id' | 'name'>): string => s.id ?? s.name;

/** The stakeholder roles that must have someone of ours holding them (stakeholder_without_owner). */
export const KEY_STAKEHOLDER_ROLES: ReadonlySet<string> = new Set(['decision_maker', 'economic_buyer', 'champion']);

/** Whether losing touch with this person would hurt: influence high, or a deciding or championing role. */
export const needsOwner = (s: Pick<Stakeholder, 'influence' | 'role'>): boolean => s.influence === 'high' || (s.role !== undefined && KEY_STAKEHOLDER_ROLES.has(s.role));

const filled = (name: string | null | undefined): name is string => typeof name === 'string' && name.trim() !== '';

/** The stakeholder's owner, trimmed, or null when there is none (missing, empty or blank). */
export const ownerOf = (s: Pick<Stakeholder, 'owner'>): string | null => (filled(s.owner) ? s.owner.trim() : null);

/** The stakeholder's other contacts on our side, trimmed, blank entries dropped, owner excluded, in order, once each. */
export function contactsOf(s: Pick<Stakeholder, 'owner' | 'contacts'>): string[] {
  const owner = ownerOf(s);
  const out: string[] = [];
  for (const c of s.contacts ?? []) {
    const name = c.trim();
    if (name !== '' && name !== owner && !out.includes(name)) out.push(name);
  }
  return out;
}

/** The one person of ours behind every relationship of a plan, or null when there are none or several. */
export function singleThread(stakeholders: readonly Pick<Stakeholder, 'owner' | 'contacts'>[]): string | null {
  if (stakeholders.length < 2) return null;
  const people = new Set<string>();
  for (const s of stakeholders) {
    const owner = ownerOf(s);
    if (owner !== null) people.add(owner);
    for (const c of contactsOf(s)) people.add(c);
    if (people.size > 1) return null;
  }
  return people.size === 1 ? [...people][0]! : null;
}
