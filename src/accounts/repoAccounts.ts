import type { Repo } from '../load/loadRepo.js';
import { resolveContext, type ResolveContext } from './resolveAccount.js';

/** What resolveAccount needs from a loaded repo: every account id with its name, and plan-only ids. */
export function accountContext(repo: Repo, cwd: string): ResolveContext {
  return resolveContext(
    repo.accounts.map((a) => ({ id: a.id, name: a.value?.name })),
    repo.plans,
    { root: repo.root, cwd },
  );
}
