// People who leave (spec 1.2, section 6): a stakeholder whose `left` is today or earlier is gone.
// This is the one place that says so. Every relationship rule, the coverage map, the agenda and
// the health stakeholders component ask `isGone` (or take `present`), and the power map and the
// plan document draw the gone struck through with the date, so they never disagree about who is
// still there. A `left` after today is a departure announced, not yet happened: still present.
import type { Plan } from '../schema/plan.js';

type Stakeholder = Plan['stakeholders'][number];

/** Whether the stakeholder has left the role by `today` (both YYYY-MM-DD, compared as text). */
export const isGone = (s: Pick<Stakeholder, 'left'>, today: string): boolean => s.left !== undefined && s.left <= today;

/**
 * The stakeholders still there, each with its position in the plan's list (rules locate findings
 * at `stakeholders.<index>`, which a filtered list would lose).
 */
export function present<T extends Pick<Stakeholder, 'left'>>(stakeholders: readonly T[], today: string): { s: T; i: number }[] {
  return stakeholders.flatMap((s, i) => (isGone(s, today) ? [] : [{ s, i }]));
}

/** Only the stakeholders still there, in plan order. */
export const presentOnly = <T extends Pick<Stakeholder, 'left'>>(stakeholders: readonly T[], today: string): T[] => stakeholders.filter((s) => !isGone(s, today));
