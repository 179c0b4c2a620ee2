// The customer's version of a plan (spec 1.1, section 6): built from an allowlist, field by
// field, so nothing reaches the document unless it is named here. Templates (built-in or the
// user's own) only ever see this model, so they cannot leak what it does not hold.
import { daysBetween } from '../util/dates.js';
import type { LoadedPlan, Repo } from '../load/loadRepo.js';
import type { Plan } from '../schema/plan.js';
import { GENERATED_MARKER } from '../util/safeWrite.js';
import { agreementOf } from '../signoff/digest.js';
import { sharedItemKey } from '../signoff/sharedChanges.js';

export const SIDE_LABELS = { us: 'Us', customer: 'Customer', joint: 'Joint' } as const;
const STATUS_LABELS = { open: 'Open', done: 'Done', blocked: 'Blocked' } as const;

const blankToNull = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s);

export interface CustomerModel {
  marker: string;
  audience: 'customer';
  today: string;
  organization: string | null;
  account: { name: string };
  period: string | null;
  /** Each member's title when the plan gives one (the customer reads it), and the role labels. */
  team: { name: string; title: string | null; roles: string[] }[];
  objectives: { title: string }[];
  actions: { title: string; side: string; sideLabel: string; owner: string | null; due: string | null; status: string; statusLabel: string; done: boolean }[];
  kpis: { name: string; target: string | number | null; actual: string | number | null }[];
  /** spec 1.2, section 9: agreed (the latest sign-off is of this version), changed since, or none. */
  agreement: { state: 'agreed' | 'changed' | 'none'; by: string | null; date: string | null };
}

/**
 * Exactly what may leave the company: the account's name, our organization, the plan's period,
 * the date, our team with their titles (else their role labels), and the shared objectives,
 * actions and KPIs. Throws when the account or its plan is not loaded and valid.
 */
export function buildCustomerModel(repo: Repo, id: string, today: string): CustomerModel {
  const account = repo.accounts.find((a) => a.id === id)?.value;
  const plan = repo.plans.find((p): p is LoadedPlan & { value: Plan } => p.id === id && p.value !== undefined)?.value;
  if (!account || !plan) throw new Error(`account "${id}" has no valid plan`);
  const roleLabel = (rid: string) => repo.config.roles.find((r) => r.id === rid)?.label ?? rid;
  return {
    marker: GENERATED_MARKER,
    audience: 'customer',
    today,
    organization: repo.config.organization ?? null,
    account: { name: account.name },
    period: plan.period === undefined ? null : String(plan.period),
    team: plan.team.map((m) => ({ name: m.name, title: blankToNull(m.title), roles: m.roles.map(roleLabel) })),
    objectives: plan.objectives.flatMap((o) => (typeof o === 'object' && o.shared ? [{ title: o.title }] : [])),
    actions: plan.actions
      .filter((a) => a.shared)
      .map((a) => ({
        title: a.title,
        side: a.side,
        sideLabel: SIDE_LABELS[a.side],
        owner: blankToNull(a.owner),
        due: blankToNull(a.due),
        status: a.status,
        statusLabel: STATUS_LABELS[a.status],
        done: a.status === 'done',
      })),
    kpis: plan.kpis.filter((k) => k.shared).map((k) => ({ name: k.name, target: k.target ?? null, actual: k.actual ?? null })),
    agreement: customerAgreement(plan),
  };
}

/** What changed in the shared items since a revision: all the customer's QBR may say of the past. */
export interface CustomerChanges {
  since: string;
  actionsCompleted: string[];
  actionsAdded: string[];
  objectivesAdded: string[];
  kpis: { name: string; before: { target: string | number | null; actual: string | number | null } | null; target: string | number | null; actual: string | number | null }[];
}

export interface CustomerQbrModel extends CustomerModel {
  review: {
    changes: CustomerChanges | null;
    overdue: CustomerModel['actions'];
    dueNext: CustomerModel['actions'];
    dueNextDays: number;
  };
}

/**
 * The customer's quarterly business review: the customer model (the same allowlist, nothing
 * more), the shared actions overdue and due next, and, with a revision, what changed in the
 * shared items since then. Items are matched by signoff/sharedChanges' sharedItemKey (title, or a
 * KPI's name, trimmed), as a voided agreement lists them; an item that was
 * there but not shared counts as added once shared. `base` is the repo at the revision (null:
 * it had no plan repo) or undefined without --since.
 */
export function buildCustomerQbrModel(repo: Repo, id: string, today: string, base: { rev: string; repo: Repo | null } | undefined, dueNextDays: number): CustomerQbrModel {
  const model = buildCustomerModel(repo, id, today);
  const pending = model.actions.filter((a) => !a.done && a.due !== null);
  const byDue = (a: { due: string | null }, b: { due: string | null }) => (a.due ?? '').localeCompare(b.due ?? '');
  return {
    ...model,
    review: {
      changes: base === undefined ? null : customerChanges(base, id, model),
      overdue: pending.filter((a) => a.due! < today).sort(byDue),
      dueNext: pending.filter((a) => a.due! >= today && daysBetween(today, a.due!) <= dueNextDays).sort(byDue),
      dueNextDays,
    },
  };
}

function customerChanges(base: { rev: string; repo: Repo | null }, id: string, now: CustomerModel): CustomerChanges {
  const then = base.repo?.plans.find((p) => p.id === id)?.value;
  const key = sharedItemKey;
  const sharedBefore = new Set((then?.actions ?? []).filter((a) => a.shared).map(key));
  const doneBefore = new Set((then?.actions ?? []).filter((a) => a.shared && a.status === 'done').map(key));
  const objectivesBefore = new Set((then?.objectives ?? []).flatMap((o) => (typeof o === 'object' && o.shared ? [key(o)] : [])));
  const kpisBefore = new Map((then?.kpis ?? []).filter((k) => k.shared).map((k) => [key(k), { target: k.target ?? null, actual: k.actual ?? null }]));
  return {
    since: base.rev,
    actionsCompleted: now.actions.filter((a) => a.done && !doneBefore.has(key(a))).map((a) => a.title),
    actionsAdded: now.actions.filter((a) => !sharedBefore.has(key(a))).map((a) => a.title),
    objectivesAdded: now.objectives.filter((o) => !objectivesBefore.has(key(o))).map((o) => o.title),
    kpis: now.kpis.flatMap((k) => {
      const before = kpisBefore.get(key(k)) ?? null;
      if (before && String(before.target) === String(k.target) && String(before.actual) === String(k.actual)) return [];
      return [{ name: k.name, before, target: k.target, actual: k.actual }];
    }),
  };
}

/** Who agreed and when: the latest sign-off's name and date only (never its digest). */
function customerAgreement(plan: Plan): CustomerModel['agreement'] {
  const a = agreementOf(plan);
  return a.state === 'none' ? { state: 'none', by: null, date: null } : { state: a.state, by: a.by, date: a.date };
}
