// The quarterly business review (`kam render <id> --template qbr [--since <rev>]`): where the
// account stands, what changed since a revision (the diff core's account state, plus the
// stakeholders added and actions completed), actions overdue and due next, KPIs, the shared
// objectives, and the open questions as the agenda.
import type { CheckResult } from '../check/checkRepo.js';
import { daysBetween } from '../util/dates.js';
import type { AccountState } from '../git/accountState.js';
import type { Changes } from '../git/changes.js';
import type { HealthTrend } from '../history/trend.js';
import type { Repo } from '../load/loadRepo.js';
import { objectiveProgress } from '../numbers/objectives.js';
import type { Plan } from '../schema/plan.js';
import type { AgreedRevision } from '../history/agreedAt.js';
import { agreementOf } from '../signoff/digest.js';
import { sharedChanges, type SharedChange } from '../signoff/sharedChanges.js';
import { round1 } from '../score/score.js';
import { percent, roundToSum } from '../numbers/format.js';
import { buildPlanModel, type PlanModel } from './model.js';

/** Open actions due within this many days of today are "due next": about a quarter. */
export const DUE_NEXT_DAYS = 90;

export interface QbrChanges {
  since: string;
  /** The commit `since` resolved to (abbreviated). */
  commit: string;
  before: AccountState | null;
  after: AccountState | null;
  stakeholdersAdded: string[];
  actionsCompleted: string[];
  /** The quarter with the numbers: then (at the revision) and now. */
  quarter: QbrQuarter;
  /** The customer's agreement now (spec 1.2, section 9); null without sign-offs. */
  agreement: QbrAgreement | null;
}

/**
 * Whether the latest sign-off still holds; when shared items changed since, the agreement is
 * void and `since` names the revision where the digest last matched (null when history lacks
 * it) with the shared items that changed from there.
 */
export interface QbrAgreement {
  state: 'agreed' | 'changed';
  by: string;
  date: string;
  since: { commit: string; date: string; changes: SharedChange[] } | null;
}

/** The quarter in review (spec 1.2, sections 1-4 and 8 compared between the revision and now). */
export interface QbrQuarter {
  /** The revision's date ("today" for what is evaluated there). */
  date: string;
  /** Each objective of the plan now, in file order, with its progress (0..1) then and now. */
  objectives: { title: string; then: number | null; now: number | null; change: number | null; isNew: boolean }[];
  /** Opportunities won or lost in between: at that stage now, not at the revision. */
  won: { name: string; value: number | null }[];
  lost: { name: string; value: number | null }[];
  /** Pipeline coverage then and now (null without a plan, a revenue target or a gap > 0). */
  coverage: { then: number | null; now: number | null };
  /** Contracts renewed or lost in between: that renewal status now, another (or none) at the revision. */
  renewed: { id: string; value: number | null; end: string }[];
  contractsLost: { id: string; value: number | null; end: string }[];
  /** Health at each point of history since the revision, and the components that moved (history/trend.ts). */
  health: HealthTrend | null;
}

/** The revision a review looks back to: as the user wrote it, its commit and date, and the repo there (null: no plan repo yet). */
export interface QbrBase {
  rev: string;
  commit: string;
  date: string;
  repo: Repo | null;
}

/**
 * What changed for one account between the repo at a revision (`base`, read by the caller through
 * git/snapshot's loadRevision: documents never run git themselves) and the repo as loaded (the
 * working tree). The account state (score, tier, quadrant, completeness) and the stakeholders
 * added come from `changes` (git/changes, built by the caller from the same two repos), as
 * `kam diff` compares them; a revision without kam.yaml or without the account counts as
 * "nothing before".
 */
export function qbrChanges(base: QbrBase, changes: Pick<Changes, 'states' | 'stakeholders'>, repo: Repo, id: string, health: HealthTrend | null = null, agreedAt: AgreedRevision | null = null): QbrChanges {
  const then = base.repo?.plans.find((p) => p.id === id)?.value;
  const now = repo.plans.find((p) => p.id === id)?.value;
  const doneBefore = new Set((then?.actions ?? []).filter((a) => a.status === 'done').map((a) => a.title.trim()));
  return {
    since: base.rev,
    commit: base.commit,
    before: changes.states.before.get(id) ?? null,
    after: changes.states.after.get(id) ?? null,
    stakeholdersAdded: changes.stakeholders(id).added.map((s) => s.name),
    actionsCompleted: (now?.actions ?? []).filter((a) => a.status === 'done' && !doneBefore.has(a.title.trim())).map((a) => a.title),
    quarter: quarterOf(base, changes, repo, id, health),
    agreement: agreementOfPlan(now, agreedAt),
  };
}

/** The agreement of the plan now and, when void, what changed since the agreed version (read by the caller from git). */
function agreementOfPlan(plan: Plan | undefined, agreedAt: AgreedRevision | null): QbrAgreement | null {
  const a = plan ? agreementOf(plan) : undefined;
  if (!plan || !a || a.state === 'none') return null;
  const since = a.state === 'changed' && agreedAt ? { commit: agreedAt.commit, date: agreedAt.date, changes: sharedChanges(agreedAt.plan, plan) } : null;
  return { state: a.state, by: a.by, date: a.date, since };
}

const key = (s: string) => s.trim();
const validPlan = (r: Repo | null, id: string): Plan | undefined => r?.plans.find((p) => p.id === id && p.value?.account === id)?.value;
const validAccount = (r: Repo | null, id: string) => r?.accounts.find((a) => a.id === id)?.value;

/** Then and now of one account's numbers: coverage from the account's states in `changes`, the rest from the plan at both ends. */
function quarterOf(base: QbrBase, changes: Pick<Changes, 'states'>, repo: Repo, id: string, health: HealthTrend | null): QbrQuarter {
  const thenPlan = validPlan(base.repo, id);
  const nowPlan = validPlan(repo, id);
  // Objectives are matched by id where they have one, else by title.
  const objectiveKey = (o: { id: string | null; title: string }) => (o.id !== null ? `id:${o.id}` : `title:${key(o.title)}`);
  const progressThen = new Map((thenPlan ? objectiveProgress(thenPlan) : []).map((o) => [objectiveKey(o), o.progress]));
  const objectives = (nowPlan ? objectiveProgress(nowPlan) : []).map((o) => {
    const k = objectiveKey(o);
    const then = progressThen.get(k) ?? null;
    return { title: o.title, then, now: o.progress, change: then !== null && o.progress !== null ? o.progress - then : null, isNew: thenPlan !== undefined && !progressThen.has(k) };
  });
  const stageThen = new Map((thenPlan?.opportunities ?? []).map((o) => [key(o.name), o.stage]));
  const settledNow = (stage: 'won' | 'lost') => (nowPlan?.opportunities ?? []).filter((o) => o.stage === stage && stageThen.get(key(o.name)) !== stage).map((o) => ({ name: o.name, value: o.value ?? null }));
  const renewalThen = new Map((validAccount(base.repo, id)?.contracts ?? []).map((c) => [c.id, c.renewal]));
  const contracts = (status: 'renewed' | 'lost') =>
    (validAccount(repo, id)?.contracts ?? []).filter((c) => c.renewal === status && renewalThen.get(c.id) !== status).map((c) => ({ id: c.id, value: c.value ?? null, end: c.end }));
  return {
    date: base.date,
    objectives,
    won: settledNow('won'),
    lost: settledNow('lost'),
    // The coverage kam pipeline and kam diff show (numbers/pipeline's, in the account state).
    coverage: { then: changes.states.before.get(id)?.numbers?.coverage ?? null, now: changes.states.after.get(id)?.numbers?.coverage ?? null },
    renewed: contracts('renewed'),
    contractsLost: contracts('lost'),
    health,
  };
}

const delta = (before: number | null | undefined, after: number | null | undefined) =>
  typeof before === 'number' && typeof after === 'number' ? round1(after - before) : null;

/** Ratios as the numbers module prints them (`40.0%`, `-` for none) and a change in percentage points. */
const ratioView = (then: number | null, now: number | null) => ({
  then: percent(then),
  now: percent(now),
  change: then !== null && now !== null && Math.abs(now - then) > 1e-9 ? `${now > then ? '+' : '−'}${Math.abs(round1((now - then) * 100)).toFixed(1)} pts` : null,
});

/** The quarter as the templates show it: ratios printed once, here. */
function quarterView(q: QbrQuarter) {
  return {
    ...q,
    coverageView: ratioView(q.coverage.then, q.coverage.now),
    // Objectives with a progress at either end (a text objective has none to compare).
    objectivesView: q.objectives.filter((o) => o.then !== null || o.now !== null).map((o) => ({ title: o.title, isNew: o.isNew, ...ratioView(o.then, o.now) })),
    moved: q.health ? movedComponents(q.health) : [],
    // The change as printed: between the two printed ends.
    healthChange: q.health ? round1(round1(q.health.to) - round1(q.health.from)) : null,
    settled: q.won.length + q.lost.length + q.renewed.length + q.contractsLost.length > 0,
  };
}

/**
 * The health components that moved, biggest first, rounded as kam trend --explain rounds them:
 * each end to one decimal adding up to the printed health, so the printed changes add up to the
 * printed change of health.
 */
function movedComponents(h: HealthTrend): { label: string; change: number }[] {
  const from = roundToSum(h.components.map((c) => c.from), h.from);
  const to = roundToSum(h.components.map((c) => c.to), h.to);
  return h.components
    .map((c, i) => ({ label: c.label, change: round1(to[i]! - from[i]!) }))
    .filter((c) => c.change !== 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
}

export interface QbrModel extends PlanModel {
  qbr: {
    quarter: ReturnType<typeof quarterView> | null;
    changes: null | (QbrChanges & { scoreDelta: number | null; completenessDelta: number | null; tierChanged: boolean; quadrantChanged: boolean; nothing: boolean });
    overdue: PlanActions;
    dueNext: PlanActions;
    dueNextDays: number;
    sharedObjectives: { title: string }[];
  };
}
type PlanActions = NonNullable<PlanModel['plan']>['actions']['items'];

/** The QBR model: the plan model plus the review's own sections. */
export function buildQbrModel(repo: Repo, id: string, check: CheckResult, today: string, changes: QbrChanges | null): QbrModel {
  const base = buildPlanModel(repo, id, check, today);
  const actions = base.plan?.actions.items ?? [];
  const pending = actions.filter((a) => a.status === 'open' || a.status === 'blocked');
  const byDue = (a: { due: string | null }, b: { due: string | null }) => (a.due ?? '').localeCompare(b.due ?? '');
  // Overdue is what `kam check` reports (action_overdue), so the review and the checker agree.
  const overdue = pending.filter((a) => a.overdue).sort(byDue);
  const dueNext = pending.filter((a) => !a.overdue && a.due !== null && a.due >= today && daysBetween(today, a.due) <= DUE_NEXT_DAYS).sort(byDue);
  return {
    ...base,
    qbr: {
      quarter: changes && quarterView(changes.quarter),
      changes: changes && {
        ...changes,
        scoreDelta: delta(changes.before?.score, changes.after?.score),
        completenessDelta: delta(changes.before?.completeness, changes.after?.completeness),
        tierChanged: (changes.before?.tier ?? null) !== (changes.after?.tier ?? null),
        quadrantChanged: (changes.before?.quadrant ?? null) !== (changes.after?.quadrant ?? null),
        nothing:
          delta(changes.before?.score, changes.after?.score) === 0 &&
          delta(changes.before?.completeness, changes.after?.completeness) === 0 &&
          (changes.before?.tier ?? null) === (changes.after?.tier ?? null) &&
          changes.stakeholdersAdded.length === 0 &&
          changes.actionsCompleted.length === 0 &&
          changes.quarter.won.length + changes.quarter.lost.length + changes.quarter.renewed.length + changes.quarter.contractsLost.length === 0,
      },
      overdue,
      dueNext,
      dueNextDays: DUE_NEXT_DAYS,
      sharedObjectives: (base.plan?.objectives ?? []).filter((o) => o.shared).map((o) => ({ title: o.title })),
    },
  };
}
