// The quarterly business review (`kam render <id> --template qbr [--since <rev>]`): where the
// account stands, what changed since a revision (the diff core's account state, plus the
// stakeholders added and actions completed), actions overdue and due next, KPIs, the shared
// objectives, and the open questions as the agenda.
import type { CheckResult } from '../check/checkRepo.js';
import { daysBetween } from '../check/dates.js';
import { accountStates, type AccountState } from '../git/accountState.js';
import type { RevisionSnapshot } from '../git/snapshot.js';
import type { Repo } from '../load/loadRepo.js';
import { isKnownStakeholder } from '../relationships/people.js';
import { round1 } from '../score/score.js';
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
}

/**
 * What changed for one account between the repo at a revision (`base`, read by the caller through
 * git/snapshot's loadRevision: documents never run git themselves) and the repo as loaded (the
 * working tree). The account state (score, tier, quadrant, completeness) is the one `kam diff`
 * compares; a revision without kam.yaml or without the account counts as "nothing before".
 * Stakeholders are compared as people (relationships/people's isKnownStakeholder).
 */
export function qbrChanges(base: RevisionSnapshot, repo: Repo, id: string, today: string): QbrChanges {
  const baseRepo = base.repo;
  const before = baseRepo ? (accountStates(baseRepo, { today }).get(id) ?? null) : null;
  const after = accountStates(repo, { today }).get(id) ?? null;
  const then = baseRepo?.plans.find((p) => p.id === id)?.value;
  const now = repo.plans.find((p) => p.id === id)?.value;
  const known = isKnownStakeholder(then?.stakeholders ?? []);
  const doneBefore = new Set((then?.actions ?? []).filter((a) => a.status === 'done').map((a) => a.title.trim()));
  return {
    since: base.rev,
    commit: base.commit,
    before,
    after,
    stakeholdersAdded: (now?.stakeholders ?? []).filter((s) => !known(s)).map((s) => s.name),
    actionsCompleted: (now?.actions ?? []).filter((a) => a.status === 'done' && !doneBefore.has(a.title.trim())).map((a) => a.title),
  };
}

const delta = (before: number | null | undefined, after: number | null | undefined) =>
  typeof before === 'number' && typeof after === 'number' ? round1(after - before) : null;

export interface QbrModel extends PlanModel {
  qbr: {
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
          changes.actionsCompleted.length === 0,
      },
      overdue,
      dueNext,
      dueNextDays: DUE_NEXT_DAYS,
      sharedObjectives: (base.plan?.objectives ?? []).filter((o) => o.shared).map((o) => ({ title: o.title })),
    },
  };
}
