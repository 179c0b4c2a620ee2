import { accountContext } from '../accounts/repoAccounts.js';
import { resolveAccount } from '../accounts/resolveAccount.js';
import { KamError } from '../errors.js';
import type { Repo } from '../load/loadRepo.js';

/**
 * The accounts to render: named ones (an id, an account or plan file path, or the account's name;
 * each must exist and be valid: KamError otherwise) and, with `all`, every account with a plan;
 * `skipped` lists the files that keep a plan out (they have errors).
 */
export function accountsToRender(repo: Repo, refs: string[], all: boolean, cwd: string): { ids: string[]; skipped: string[] } {
  const context = accountContext(repo, cwd);
  const chosen: string[] = [];
  for (const ref of refs) {
    const id = resolveAccount(ref, context).id;
    const account = repo.accounts.find((a) => a.id === id);
    if (!account) throw new KamError(`no account "${id}": plans/${id}.yaml exists but accounts/${id}.yaml does not; create the account with "kam new account" or fix the plan`);
    if (!account.value) throw new KamError(`${account.file} has errors; run "kam validate" and fix them first`);
    const plan = repo.plans.find((p) => p.id === id);
    if (plan && !plan.value) throw new KamError(`${plan.file} has errors; run "kam validate" and fix them first`);
    if (!chosen.includes(id)) chosen.push(id);
  }
  const skipped: string[] = [];
  if (all) {
    for (const plan of repo.plans) {
      if (chosen.includes(plan.id)) continue;
      const account = repo.accounts.find((a) => a.id === plan.id);
      if (plan.value && account?.value) chosen.push(plan.id);
      else skipped.push(!plan.value ? plan.file : account ? account.file : `${plan.file} (no account "${plan.id}")`);
    }
  }
  return { ids: chosen, skipped };
}
