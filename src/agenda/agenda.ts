import { addDays, daysBetween } from '../util/dates.js';
import { isGone } from '../relationships/gone.js';
import type { Repo } from '../load/loadRepo.js';
import { requirementsByTier } from '../profiles/profile.js';
import { scorePortfolio, type Portfolio } from '../score/portfolio.js';
import { compareCodeUnits } from '../util/compare.js';
import { measureInput } from '../health/health.js';
import { decisionDay, isSettled } from '../numbers/renewals.js';

export type AgendaKind = 'action' | 'review' | 'contact' | 'health_input' | 'renewal';

/** One thing that falls due (spec 1.1, section 7). */
export interface AgendaItem {
  kind: AgendaKind;
  account: string;
  /** YYYY-MM-DD: when it is due. */
  date: string;
  /** Due before today. */
  overdue: boolean;
  /** Who owes it; null when nobody is named. */
  owner: string | null;
  title: string;
  file: string;
  line: number;
  /** The account's manager (for --manager); not printed in JSON. */
  manager: string | null;
  /** What identifies the item from run to run (kind, account and what it is about), for calendar UIDs. */
  key: string;
}

export interface AgendaOptions {
  today: string;
  /** Days ahead of today to look (default 14); everything overdue is listed too. */
  within: number;
  /** For plans without `last_reviewed`: the date of their last commit, as stale_plan uses it. */
  lastCommitDate?: (file: string) => string | undefined;
  /** The repo's portfolio when the caller has it (the analysis scores once). */
  portfolio?: Portfolio;
}

/** Sort by date, then account, then title (code units), then kind for a stable order. */
export function compareItems(a: AgendaItem, b: AgendaItem): number {
  return compareCodeUnits(a.date, b.date) || compareCodeUnits(a.account, b.account) || compareCodeUnits(a.title, b.title) || compareCodeUnits(a.key, b.key);
}

/**
 * What falls due within `within` days of today, overdue included: open actions by `due`, plan
 * reviews by review date + cadence, contacts with the high-influence stakeholders the contact rule
 * watches by `last_contact` + `contact_days` (none: due today), and health measures by `as_of` +
 * `max_age_days`. Valid files only.
 */
export function agenda(repo: Repo, opts: AgendaOptions): AgendaItem[] {
  const { today } = opts;
  const horizon = addDays(today, opts.within);
  const scores = new Map((opts.portfolio ?? scorePortfolio(repo)).accounts.map((s) => [s.id, s]));
  const accounts = new Map(repo.accounts.filter((a) => a.value !== undefined).map((a) => [a.id, a]));
  const requirements = requirementsByTier(repo.config);
  const items: AgendaItem[] = [];
  const managerOf = (id: string) => accounts.get(id)?.value?.manager ?? null;
  const push = (item: Omit<AgendaItem, 'overdue' | 'manager'>) => {
    if (item.date <= horizon) items.push({ ...item, overdue: item.date < today, manager: managerOf(item.account) });
  };

  for (const plan of repo.plans) {
    const p = plan.value;
    if (!p) continue;
    const account = accounts.get(plan.id);
    const manager = account?.value?.manager ?? null;
    const line = (path: (string | number)[]) => plan.index.locate(path).line;
    const seen = new Map<string, number>();
    p.actions.forEach((a, i) => {
      if (a.status !== 'open' || !a.due) return;
      // Two actions with one title stay two items: the second is keyed with its occurrence.
      const n = (seen.get(a.title) ?? 0) + 1;
      seen.set(a.title, n);
      push({ kind: 'action', account: plan.id, date: a.due, owner: a.owner?.trim() || null, title: a.title, file: plan.file, line: line(['actions', i]), key: `action\u0000${plan.id}\u0000${a.title}\u0000${n}` });
    });
    const req = requirements(scores.get(plan.id)?.tier);
    const reviewed = p.last_reviewed ?? opts.lastCommitDate?.(plan.file);
    push({
      kind: 'review',
      account: plan.id,
      date: reviewed ? addDays(reviewed, req.cadenceDays) : today,
      owner: manager,
      title: `Review the ${account?.value?.name ?? plan.id} plan`,
      file: plan.file,
      line: line(p.last_reviewed ? ['last_reviewed'] : []),
      key: `review\u0000${plan.id}`,
    });
    if (req.contactDays !== undefined) {
      p.stakeholders.forEach((s, i) => {
        if (s.influence !== 'high' || isGone(s, today)) return;
        push({
          kind: 'contact',
          account: plan.id,
          date: s.last_contact ? addDays(s.last_contact, req.contactDays!) : today,
          owner: s.owner?.trim() || null,
          title: `Contact ${s.name}${s.title ? `, ${s.title}` : ''}`,
          file: plan.file,
          line: line(['stakeholders', i]),
          key: `contact\u0000${plan.id}\u0000${s.id ?? s.name}`,
        });
      });
    }
  }

  const measures = repo.config.health.measures.filter((m) => m.max_age_days !== undefined);
  for (const account of accounts.values()) {
    for (const m of measures) {
      const input = measureInput(account.value!, m.id);
      if (!input) continue;
      push({
        kind: 'health_input',
        account: account.id,
        date: addDays(input.as_of, m.max_age_days!),
        owner: account.value!.manager ?? null,
        title: `Measure ${m.label} again`,
        file: account.file,
        line: account.index.locate(['health', m.id]).line,
        key: `health_input\u0000${account.id}\u0000${m.id}`,
      });
    }
    // spec 1.2, section 4: each unsettled contract at its decision day (end - notice_days), an
    // ended one too (it is overdue); with or without a plan.
    (account.value!.contracts ?? []).forEach((c, i) => {
      if (isSettled(c)) return;
      push({
        kind: 'renewal',
        account: account.id,
        date: decisionDay(c),
        owner: account.value!.manager ?? null,
        title: `Decide the renewal of contract ${c.id} (it ends ${c.end})`,
        file: account.file,
        line: account.index.locate(['contracts', i]).line,
        key: `renewal\u0000${account.id}\u0000${c.id}`,
      });
    });
  }
  return items.sort(compareItems);
}


/** Days from today to the item's date: negative when overdue. */
export const daysUntil = (item: AgendaItem, today: string) => daysBetween(today, item.date);
