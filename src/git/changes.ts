// What changed between two states of the plan repo, as data: the one place that compares them.
// `kam diff` (per account), `check --since` (new findings), the QBR (an account's state then and
// now, stakeholders added) and `render --portfolio --since` (tier moves) read their changes from
// here, so each kind of item is matched one way: findings by findingIdentity (counted, not as a
// set), stakeholders by relationships/people's isKnownStakeholder, accounts and plans by id.
// Nothing here runs git: the caller reads the revision (git/snapshot) and hands both sides in.
import { checkRepo, type CheckOptions } from '../check/checkRepo.js';
import { findingIdentity, type Finding } from '../findings/finding.js';
import type { Repo } from '../load/loadRepo.js';
import { isKnownStakeholder, type Stakeholder } from '../relationships/people.js';
import { scorePortfolio, type Portfolio } from '../score/portfolio.js';
import { accountStates, type AccountState } from './accountState.js';
import type { LastCommitDate } from './lastCommitDates.js';
import { pushTo } from '../util/group.js';

/**
 * One side of a comparison: the repo (null: the plan repo did not exist there), "today" for what
 * is evaluated on that side and the plans' last commit dates as of it. What the caller has
 * computed already (its findings, its scored portfolio) is passed in and not computed again.
 */
export interface RepoSide {
  repo: Repo | null;
  today: string;
  lastCommitDate?: LastCommitDate;
  /** The side's findings; computed with `check` (and today, lastCommitDate) when absent. */
  findings?: Finding[];
  /** Rule settings for the findings computed here (`check --since` passes its --rule overrides). */
  check?: Omit<CheckOptions, 'today' | 'lastCommitDate'>;
  /** The side's scored portfolio (the run's); scored here when absent. */
  portfolio?: Portfolio;
}

/** An account on the key account matrix whose tier differs between the two sides. */
export interface TierChange {
  id: string;
  /** The name it has now (or had, when it is gone). */
  name: string;
  /** The tier (or the untiered label) at the revision; null when it needed rating or did not exist there. */
  from: string | null;
  to: string | null;
  /** How the revision's side reads: the tier, "needs rating" or "new" (not in the repo then). */
  fromText: string;
  /** The tier, "needs rating" or "removed" (not in the repo now). */
  toText: string;
}

/** One account in `kam diff`: added, removed or changed (its state or its findings). */
export interface AccountChange {
  id: string;
  kind: 'added' | 'removed' | 'changed';
  before: AccountState | null;
  after: AccountState | null;
  findings: { new: Finding[]; resolved: Finding[] };
}

/** Stakeholders of one account's plan present on one side only. */
export interface StakeholderChanges {
  added: Stakeholder[];
  removed: Stakeholder[];
}

/**
 * The changes between two sides. Each part is computed when first read, and once: `check
 * --since` reads only `findings`, the QBR only `states` and `stakeholders`, so neither pays for
 * the rest.
 */
export interface Changes {
  /** Ids of account files on one side only (sorted). */
  readonly accounts: { added: string[]; removed: string[] };
  /** Ids of plan files on one side only (sorted). */
  readonly plans: { added: string[]; removed: string[] };
  /** Each side's scored portfolio (null: no plan repo there). */
  readonly portfolios: { before: Portfolio | null; after: Portfolio | null };
  /** Accounts whose tier differs, in the order of the ranking now (accounts gone since last). */
  readonly tiers: TierChange[];
  /** Findings of one side only, matched by findingIdentity and counted (a second equal finding is new). */
  readonly findings: { new: Finding[]; resolved: Finding[] };
  /** Each account's state (score, tier, quadrant, completeness, health, agreement, numbers) on each side. */
  readonly states: { before: Map<string, AccountState>; after: Map<string, AccountState> };
  /** `kam diff`'s view: per account, added, removed or changed; unchanged accounts left out; sorted by id. */
  readonly byAccount: AccountChange[];
  /** Stakeholders added and removed in one account's plan. */
  stakeholders(id: string): StakeholderChanges;
}

/** The changes from `before` to `after`. */
export function changesBetween(before: RepoSide, after: RepoSide): Changes {
  const portfolio = memo((side: RepoSide) => side.portfolio ?? (side.repo ? scorePortfolio(side.repo) : null));
  const findingsOf = memo((side: RepoSide) => side.findings ?? (side.repo ? checkRepo(side.repo, { ...side.check, today: side.today, lastCommitDate: side.lastCommitDate }).findings : []));
  const statesOf = memo((side: RepoSide) => (side.repo ? accountStates(side.repo, { today: side.today, lastCommitDate: side.lastCommitDate, portfolio: portfolio(side) ?? undefined }) : new Map<string, AccountState>()));
  const ids = (side: RepoSide, kind: 'accounts' | 'plans') => new Set(side.repo?.[kind].map((f) => f.id) ?? []);
  const added = (kind: 'accounts' | 'plans') => {
    const [b, a] = [ids(before, kind), ids(after, kind)];
    return { added: [...a].filter((id) => !b.has(id)).sort(), removed: [...b].filter((id) => !a.has(id)).sort() };
  };
  const parts = {
    accounts: once(() => added('accounts')),
    plans: once(() => added('plans')),
    portfolios: once(() => ({ before: portfolio(before), after: portfolio(after) })),
    tiers: once(() => tierChanges(portfolio(before), portfolio(after))),
    findings: once(() => ({ new: newFindings(findingsOf(after), findingsOf(before)), resolved: newFindings(findingsOf(before), findingsOf(after)) })),
    states: once(() => ({ before: statesOf(before), after: statesOf(after) })),
    byAccount: once(() => compareAccounts({ states: statesOf(before), findings: findingsOf(before) }, { states: statesOf(after), findings: findingsOf(after) })),
  };
  const planOf = (side: RepoSide, id: string) => side.repo?.plans.find((p) => p.id === id)?.value;
  return {
    get accounts() { return parts.accounts(); },
    get plans() { return parts.plans(); },
    get portfolios() { return parts.portfolios(); },
    get tiers() { return parts.tiers(); },
    get findings() { return parts.findings(); },
    get states() { return parts.states(); },
    get byAccount() { return parts.byAccount(); },
    stakeholders: (id) => stakeholderChanges(planOf(before, id)?.stakeholders ?? [], planOf(after, id)?.stakeholders ?? []),
  };
}

/**
 * Findings of `these` with no counterpart in `those`, in their order. Matched by findingIdentity
 * (rule, file, account, the rule's own fields, the YAML path; never line, column, severity or
 * wording) and counted: two equal findings need two counterparts.
 */
export function newFindings(these: readonly Finding[], those: readonly Finding[]): Finding[] {
  const counts = new Map<string, number>();
  for (const f of those) {
    const id = findingIdentity(f);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return these.filter((f) => {
    const id = findingIdentity(f);
    const left = counts.get(id) ?? 0;
    if (left > 0) counts.set(id, left - 1);
    return left === 0;
  });
}

/** Stakeholders of `now` who are not in `then`, and those of `then` who are not in `now`, each in file order. */
export function stakeholderChanges(then: readonly Stakeholder[], now: readonly Stakeholder[]): StakeholderChanges {
  const known = isKnownStakeholder(then);
  const still = isKnownStakeholder(now);
  return { added: now.filter((s) => !known(s)), removed: then.filter((s) => !still(s)) };
}

const NEEDS_RATING = 'needs rating';

/** Tier changes between two scored portfolios (null: no plan repo on that side); ids follow an account through a rename. */
export function tierChanges(then: Portfolio | null, now: Portfolio | null): TierChange[] {
  const before = then?.accounts ?? [];
  const byId = new Map(before.map((s) => [s.id, s]));
  const out: TierChange[] = [];
  const seen = new Set<string>();
  for (const s of now?.accounts ?? []) {
    seen.add(s.id);
    const b = byId.get(s.id);
    const from = b?.tier ?? null;
    if (b && from === s.tier) continue;
    out.push({ id: s.id, name: s.name, from, to: s.tier, fromText: b ? (from ?? NEEDS_RATING) : 'new', toText: s.tier ?? NEEDS_RATING });
  }
  for (const s of before) if (!seen.has(s.id)) out.push({ id: s.id, name: s.name, from: s.tier, to: null, fromText: s.tier ?? NEEDS_RATING, toText: 'removed' });
  return out;
}

/** One side as `kam diff` compares it: each account's state and the findings. */
export interface Snapshot {
  states: Map<string, AccountState>;
  findings: Finding[];
}

/** Per account: added, removed or changed (state or findings); unchanged accounts are left out. Sorted by id. */
export function compareAccounts(before: Snapshot, after: Snapshot): AccountChange[] {
  const beforeFindings = aboutAccounts(before.findings);
  const afterFindings = aboutAccounts(after.findings);
  const ids = [...new Set([...before.states.keys(), ...after.states.keys(), ...beforeFindings.keys(), ...afterFindings.keys()])].sort();
  const changes: AccountChange[] = [];
  for (const id of ids) {
    const b = before.states.get(id) ?? null;
    const a = after.states.get(id) ?? null;
    const findings = {
      new: newFindings(afterFindings.get(id) ?? [], beforeFindings.get(id) ?? []),
      resolved: newFindings(beforeFindings.get(id) ?? [], afterFindings.get(id) ?? []),
    };
    const kind = b === null && a === null ? 'changed' : b === null ? 'added' : a === null ? 'removed' : 'changed';
    if (kind === 'changed' && sameState(b, a) && findings.new.length === 0 && findings.resolved.length === 0) continue;
    changes.push({ id, kind, before: b, after: a, findings });
  }
  return changes;
}

function sameState(a: AccountState | null, b: AccountState | null): boolean {
  return a === b || (a !== null && b !== null && a.score === b.score && a.tier === b.tier && a.quadrant === b.quadrant && a.completeness === b.completeness && a.health === b.health && a.band === b.band && JSON.stringify(a.agreement) === JSON.stringify(b.agreement) && JSON.stringify(a.numbers) === JSON.stringify(b.numbers));
}

/** Findings about an account; those about no account (portfolio-wide) are not part of a per-account diff. */
function aboutAccounts(findings: Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) if (f.account !== null) pushTo(map, f.account, f);
  return map;
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

function memo<T>(compute: (side: RepoSide) => T): (side: RepoSide) => T {
  const values = new Map<RepoSide, T>();
  return (side) => {
    if (!values.has(side)) values.set(side, compute(side));
    return values.get(side)!;
  };
}
