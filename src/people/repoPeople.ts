// Everyone a repo names on our side, one list for every command that asks "who is this?":
// agenda --owner, digests and the analysis index. Spelled as first seen (trimmed), one entry per
// person (spec 1.1, section 9).
import type { Repo } from '../load/loadRepo.js';
import { compareCodeUnits } from '../util/compare.js';
import { personKey } from './people.js';

export interface RepoPeopleOptions {
  /** Also the owners of customer-side actions (the agenda lists their items too). */
  customerSide?: boolean;
}

/** kam.yaml's people:, account managers, team members, action owners, relationship owners and contacts, sorted. */
export function repoPeople(repo: Pick<Repo, 'config' | 'accounts' | 'plans'>, opts: RepoPeopleOptions = {}): string[] {
  const names = new Map<string, string>();
  const add = (name: string | null | undefined) => {
    if (typeof name !== 'string' || name.trim() === '') return;
    const key = personKey(name);
    if (!names.has(key)) names.set(key, name.trim());
  };
  for (const name of Object.keys(repo.config.people ?? {})) add(name);
  for (const a of repo.accounts) add(a.value?.manager);
  for (const p of repo.plans) {
    for (const m of p.value?.team ?? []) add(m.name);
    for (const a of p.value?.actions ?? []) if (opts.customerSide || a.side !== 'customer') add(a.owner);
    for (const s of p.value?.stakeholders ?? []) {
      add(s.owner);
      for (const c of s.contacts ?? []) add(c);
    }
  }
  return [...names.values()].sort(compareCodeUnits);
}
