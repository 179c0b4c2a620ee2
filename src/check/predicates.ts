// Small verdicts about plan items, shared by the rules that report them and by `kam render`,
// which flags the same items in documents. One definition, so a document never disagrees with
// `kam check`.
import type { Config } from '../schema/config.js';
import type { Plan } from '../schema/plan.js';

type Action = Plan['actions'][number];
type Stakeholder = Plan['stakeholders'][number];

/** Stakeholder roles that count as knowing who decides (no_decision_maker). */
export const DECISION_ROLES: readonly string[] = ['decision_maker', 'economic_buyer'];

export const isBlank = (text: string | null | undefined): boolean => text === undefined || text === null || text.trim() === '';

/** An open action due before today (ISO dates compare as strings). */
export const isOverdue = (action: Action, today: string): boolean => action.status === 'open' && !isBlank(action.due) && action.due! < today;

/** Days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Not reviewed within the cadence (a plan without `last_reviewed` has never been reviewed). */
export function isStale(lastReviewed: string | undefined, today: string, cadenceDays: number): boolean {
  return lastReviewed === undefined || daysBetween(lastReviewed, today) > cadenceDays;
}

/** Configured account-team roles no team member holds, in config order. */
export function missingRoles(plan: Plan, config: Config): Config['roles'] {
  const held = new Set(plan.team.flatMap((m) => m.roles));
  return config.roles.filter((r) => !held.has(r.id));
}

export const hasDecisionMaker = (stakeholders: Stakeholder[]): boolean => stakeholders.some((s) => s.role !== undefined && DECISION_ROLES.includes(s.role));
