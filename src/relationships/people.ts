// Small facts about a plan's stakeholders that rules, the power map and the coverage map share.
import { personKey } from '../people/people.js';
import type { Plan } from '../schema/plan.js';

export type Stakeholder = Plan['stakeholders'][number];

/**
 * How findings and maps name a stakeholder within one version of a plan: its `id`, or its `name`
 * when it has none (spec 1.1, section 3). Across two versions (what changed since a revision) the
 * identity is isKnownStakeholder below, which git/changes' stakeholderChanges uses for every command.
 */
export const stakeholderKey = (s: Pick<Stakeholder, 'id' | 'name'>): string => s.id ?? s.name;

/**
 * Who of `known` a stakeholder is, across two versions of a plan (git/changes' stakeholders added and removed, the QBR's list):
 * the same `id`, or a name that is the same person (spec 1.1, section 9). Matching by name as well
 * as id means that giving existing stakeholders ids, or dropping one, is no addition.
 */
export function isKnownStakeholder(known: readonly Pick<Stakeholder, 'id' | 'name'>[]): (s: Pick<Stakeholder, 'id' | 'name'>) => boolean {
  const ids = new Set(known.flatMap((k) => (k.id === undefined ? [] : [k.id])));
  const names = new Set(known.map((k) => personKey(k.name)));
  return (s) => (s.id !== undefined && ids.has(s.id)) || names.has(personKey(s.name));
}

/** The stakeholder roles that must have someone of ours holding them (stakeholder_without_owner). */
export const KEY_STAKEHOLDER_ROLES: ReadonlySet<string> = new Set(['decision_maker', 'economic_buyer', 'champion']);

/** Whether losing touch with this person would hurt: influence high, or a deciding or championing role. */
export const needsOwner = (s: Pick<Stakeholder, 'influence' | 'role'>): boolean => s.influence === 'high' || (s.role !== undefined && KEY_STAKEHOLDER_ROLES.has(s.role));

const filled = (name: string | null | undefined): name is string => typeof name === 'string' && name.trim() !== '';

/** The stakeholder's owner, trimmed, or null when there is none (missing, empty or blank). */
export const ownerOf = (s: Pick<Stakeholder, 'owner'>): string | null => (filled(s.owner) ? s.owner.trim() : null);

/**
 * The stakeholder's other contacts on our side, trimmed, blank entries dropped, owner excluded, in
 * order, once each: names that differ only by case or spacing are one person (spec 1.1, section 9).
 */
export function contactsOf(s: Pick<Stakeholder, 'owner' | 'contacts'>): string[] {
  const owner = ownerOf(s);
  const seen = new Set(owner === null ? [] : [personKey(owner)]);
  const out: string[] = [];
  for (const c of s.contacts ?? []) {
    const name = c.trim();
    if (name === '' || seen.has(personKey(name))) continue;
    seen.add(personKey(name));
    out.push(name);
  }
  return out;
}

/** The one person of ours behind every relationship of a plan, or null when there are none or several. */
export function singleThread(stakeholders: readonly Pick<Stakeholder, 'owner' | 'contacts'>[]): string | null {
  if (stakeholders.length < 2) return null;
  // One person however their name is cased or spaced: key -> the first spelling met.
  const people = new Map<string, string>();
  for (const s of stakeholders) {
    for (const name of [ownerOf(s), ...contactsOf(s)]) if (name !== null && !people.has(personKey(name))) people.set(personKey(name), name);
    if (people.size > 1) return null;
  }
  return people.size === 1 ? [...people.values()][0]! : null;
}
