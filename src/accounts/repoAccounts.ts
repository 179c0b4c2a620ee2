import type { Repo } from '../load/loadRepo.js';
import type { ResolveContext } from './resolveAccount.js';

/** What resolveAccount needs from a loaded repo: every account id with its name, and plan-only ids. */
export function accountContext(repo: Repo, cwd: string): ResolveContext {
  const accountIds = new Set(repo.accounts.map((a) => a.id));
  return {
    root: repo.root,
    cwd,
    accounts: repo.accounts.map((a) => (a.value ? { id: a.id, name: a.value.name } : { id: a.id })),
    planIds: repo.plans.filter((p) => !accountIds.has(p.id)).map((p) => p.id),
  };
}
