// One person's week (spec 1.2, section 11): what falls due for them, the findings on the accounts
// they manage or own items in (new since a revision, or all of them), and health band changes
// since that revision. Pure: the caller loads the repo, runs the agenda, the checker and health
// (now and at the revision); formatting lives in cli/format/digest/.
import type { AgendaItem } from '../agenda/agenda.js';
import type { Finding } from '../findings/finding.js';
import type { Band } from '../health/health.js';
import type { PlanHealth } from '../health/portfolio.js';
import type { Repo } from '../load/loadRepo.js';
import { samePerson } from '../people/people.js';
import { compareCodeUnits } from '../util/compare.js';

export interface DigestAccount {
  id: string;
  name: string;
  /** The person manages the account (else they own an action or a relationship in its plan). */
  manages: boolean;
}

export interface DigestItem {
  kind: AgendaItem['kind'];
  account: string;
  date: string;
  overdue: boolean;
  title: string;
  file: string;
  line: number;
}

export interface DigestFinding {
  account: string | null;
  rule: string;
  severity: Finding['severity'];
  message: string;
  file: string;
  line: number;
  column: number;
}

export interface BandChange {
  account: string;
  name: string;
  /** The band at the revision; null when the account had no health there (no plan yet). */
  from: Band | null;
  /** The band now; null when it has none any more. */
  to: Band | null;
  health: number | null;
}

export interface Digest {
  /** The person's name as the repo spells it (kam.yaml people:, else the first spelling met). */
  person: string;
  today: string;
  within: number;
  /** The revision compared with; null without --since (then every current finding, no band change). */
  since: { rev: string; commit: string; date: string } | null;
  accounts: DigestAccount[];
  due: DigestItem[];
  findings: DigestFinding[];
  bands: BandChange[];
}

export interface DigestInput {
  repo: Repo;
  person: string;
  today: string;
  within: number;
  /** The agenda of the whole repo for `within` days (overdue included). */
  items: readonly AgendaItem[];
  /** The findings to report: those new since the revision, or every current one. */
  findings: readonly Finding[];
  health: readonly PlanHealth[];
  before: { rev: string; commit: string; date: string; health: readonly PlanHealth[] } | null;
}


/** The accounts a person manages, then those whose plan has an action or relationship they own. */
export function accountsOf(repo: Repo, person: string): DigestAccount[] {
  const out: DigestAccount[] = [];
  const seen = new Set<string>();
  const nameOf = (id: string) => repo.accounts.find((a) => a.id === id)?.value?.name ?? id;
  for (const a of repo.accounts)
    if (a.value?.manager !== undefined && samePerson(a.value.manager, person)) {
      out.push({ id: a.id, name: a.value.name, manages: true });
      seen.add(a.id);
    }
  for (const p of repo.plans) {
    if (seen.has(p.id) || p.value === undefined) continue;
    const owns =
      p.value.actions.some((a) => a.side !== 'customer' && typeof a.owner === 'string' && samePerson(a.owner, person)) ||
      p.value.stakeholders.some((s) => typeof s.owner === 'string' && samePerson(s.owner, person));
    if (owns) {
      out.push({ id: p.id, name: nameOf(p.id), manages: false });
      seen.add(p.id);
    }
  }
  return out.sort((a, b) => compareCodeUnits(a.id, b.id));
}

/** One person's digest. `person` must be resolved (resolvePerson). */
export function buildDigest(input: DigestInput): Digest {
  const { repo, person } = input;
  const accounts = accountsOf(repo, person);
  const ids = new Set(accounts.map((a) => a.id));
  const due = input.items
    .filter((i) => i.owner !== null && samePerson(i.owner, person))
    .map((i) => ({ kind: i.kind, account: i.account, date: i.date, overdue: i.overdue, title: i.title, file: i.file, line: i.line }));
  const findings = input.findings
    .filter((f) => f.account !== null && ids.has(f.account))
    .map((f) => ({ account: f.account, rule: f.rule, severity: f.severity, message: f.message, file: f.file, line: f.line, column: f.column }));
  const bands: BandChange[] = [];
  if (input.before) {
    const then = new Map(input.before.health.map((h) => [h.id, h]));
    const now = new Map(input.health.map((h) => [h.id, h]));
    for (const a of accounts) {
      const from = then.get(a.id)?.band ?? null;
      const to = now.get(a.id)?.band ?? null;
      if (from !== to) bands.push({ account: a.id, name: a.name, from, to, health: now.get(a.id)?.health ?? null });
    }
  }
  return {
    person,
    today: input.today,
    within: input.within,
    since: input.before && { rev: input.before.rev, commit: input.before.commit, date: input.before.date },
    accounts,
    due,
    findings,
    bands,
  };
}

/** Whether the digest has anything to say (--all writes digests only for these). */
export const hasNews = (d: Digest): boolean => d.due.length > 0 || d.findings.length > 0 || d.bands.length > 0;
