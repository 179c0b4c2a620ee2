import { samePerson } from '../../people/people.js';
import { agenda, type AgendaItem } from '../../agenda/agenda.js';
import { localToday } from '../../check/dates.js';
import { KamError } from '../../errors.js';
import { didYouMean } from '../../util/didYouMean.js';
import { makeChalk } from '../color.js';
import { agendaFormatters, type AgendaFormat } from '../format/agenda/index.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';

export interface AgendaCliOptions extends GlobalOptions {
  format: AgendaFormat;
  within: number;
  owner?: string;
  manager?: string;
  today?: string;
}


export async function runAgenda(opts: AgendaCliOptions, io: Io): Promise<number> {
  const [{ loadRepoForCli }, { gitDatesFor }] = await Promise.all([import('./loadForCli.js'), import('../../git/lastCommitDates.js')]);
  const repo = await loadRepoForCli(io, opts);
  const today = opts.today ?? localToday();
  const lastCommitDate = await gitDatesFor(repo);
  let items = agenda(repo, { today, within: opts.within, lastCommitDate });
  const scope: string[] = [];
  if (opts.manager !== undefined) {
    const managers = [...new Set(repo.accounts.flatMap((a) => (a.value?.manager ? [a.value.manager] : [])))].sort();
    if (!managers.some((m) => samePerson(m, opts.manager!))) throw new KamError(`no account is managed by "${opts.manager}"${didYouMean(opts.manager, managers)}`);
    items = items.filter((i) => i.manager !== null && samePerson(i.manager, opts.manager!));
    scope.push(`accounts of ${opts.manager}`);
  }
  if (opts.owner !== undefined) {
    const people = knownPeople(repo.plans.map((p) => p.value), repo.accounts.map((a) => a.value?.manager));
    if (!people.some((m) => samePerson(m, opts.owner!))) throw new KamError(`nobody called "${opts.owner}" owns an action, a relationship or an account${didYouMean(opts.owner, people)}`);
    items = items.filter((i: AgendaItem) => i.owner !== null && samePerson(i.owner, opts.owner!));
    scope.push(`owed by ${opts.owner}`);
  }
  io.stdout.write(agendaFormatters[opts.format]({ items, today, within: opts.within, scope: scope.join(', ') || null, chalk: makeChalk(io, opts.color) }));
  return 0;
}

/** Everyone who can owe an agenda item: action owners, stakeholder owners, managers. */
function knownPeople(plans: ({ actions: { owner?: string | null }[]; stakeholders: { owner?: string }[] } | undefined)[], managers: (string | undefined)[]): string[] {
  const names = new Set<string>();
  for (const p of plans) {
    for (const a of p?.actions ?? []) if (a.owner?.trim()) names.add(a.owner.trim());
    for (const s of p?.stakeholders ?? []) if (s.owner?.trim()) names.add(s.owner.trim());
  }
  for (const m of managers) if (m) names.add(m);
  return [...names].sort();
}
