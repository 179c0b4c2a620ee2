// The customer's sign-off (spec 1.2, section 9): the plan's shared digest, the latest sign-off,
// and whether it still holds. Other tools compute the same digest, so it follows the spec to the
// letter: change nothing here without changing the spec.
import { hash } from 'node:crypto';
import type { Plan } from '../schema/plan.js';

/**
 * The JSON text the shared digest hashes: `JSON.stringify({ objectives, actions, kpis })` with no
 * spaces, in file order. objectives = titles of shared objectives; actions = [title, side, owner,
 * due] of shared actions (side after its default `us`); kpis = [name, target] of shared KPIs.
 * Strings as the schema reads them, numbers as numbers, dates as their YYYY-MM-DD text (YAML 1.2
 * reads dates as strings), anything missing as null. Status, actuals and non-shared items are
 * left out: progress does not undo an agreement.
 */
export function sharedJson(plan: Pick<Plan, 'objectives' | 'actions' | 'kpis'>): string {
  const objectives = plan.objectives.flatMap((o) => (typeof o === 'object' && o.shared ? [o.title] : []));
  const actions = plan.actions.filter((a) => a.shared).map((a) => [a.title, a.side ?? 'us', a.owner ?? null, a.due ?? null]);
  const kpis = plan.kpis.filter((k) => k.shared).map((k) => [k.name, k.target ?? null]);
  return JSON.stringify({ objectives, actions, kpis });
}

/** "sha256:" + the lowercase hex SHA-256 of the UTF-8 bytes of sharedJson(plan). */
export function sharedDigest(plan: Pick<Plan, 'objectives' | 'actions' | 'kpis'>): string {
  return `sha256:${hash('sha256', Buffer.from(sharedJson(plan), 'utf8'), 'hex')}`;
}

export type Signoff = Plan['signoffs'][number];

/** The sign-off with the latest date; on a tie, the later in the file. Undefined without any. */
export function latestSignoff(plan: Pick<Plan, 'signoffs'>): (Signoff & { index: number }) | undefined {
  let latest: (Signoff & { index: number }) | undefined;
  plan.signoffs.forEach((s, index) => {
    if (!latest || s.date >= latest.date) latest = { ...s, index };
  });
  return latest;
}

/**
 * Where a plan stands with its customer: `agreed` when the latest sign-off's digest is the
 * current shared digest, `changed` when the shared items changed since, `none` without sign-offs.
 */
export type Agreement =
  | { state: 'agreed' | 'changed'; by: string; date: string; digest: string; current: string }
  | { state: 'none'; current: string };

/** An agreement as a state of the repo records it (git/accountState.ts). */
type RecordedAgreement = { state: 'agreed' | 'changed'; by: string; date: string };

/**
 * The sign-off a change voids (spec 1.2, section 9): the plan was agreed at the base and its
 * shared items changed at the head without a new sign-off. Undefined otherwise.
 */
export function voidedAgreement(change: { before: { agreement?: RecordedAgreement } | null; after: { agreement?: RecordedAgreement } | null }): { by: string; date: string } | undefined {
  const b = change.before?.agreement;
  const a = change.after?.agreement;
  return b?.state === 'agreed' && a?.state === 'changed' && a.by === b.by && a.date === b.date ? { by: b.by, date: b.date } : undefined;
}

export function agreementOf(plan: Pick<Plan, 'objectives' | 'actions' | 'kpis' | 'signoffs'>): Agreement {
  const current = sharedDigest(plan);
  const latest = latestSignoff(plan);
  if (!latest) return { state: 'none', current };
  return { state: latest.digest === current ? 'agreed' : 'changed', by: latest.by, date: latest.date, digest: latest.digest, current };
}

/** The line the customer version shows (spec 1.2, section 9), with the date as written. */
export function agreementLine(a: Agreement): string {
  if (a.state === 'agreed') return `Agreed with ${a.by} on ${a.date}`;
  if (a.state === 'changed') return `Draft: changed since ${a.by} agreed on ${a.date}`;
  return 'Draft: not yet agreed';
}
