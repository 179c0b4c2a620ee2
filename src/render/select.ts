import { KamError } from '../errors.js';
import type { Repo } from '../load/loadRepo.js';
import { didYouMean } from '../util/didYouMean.js';

/**
 * The accounts to render: named ones (which must exist and be valid: KamError otherwise) and, with
 * `all`, every account with a plan; `skipped` lists the files that keep a plan out (they have errors).
 */
export function accountsToRender(repo: Repo, ids: string[], all: boolean): { ids: string[]; skipped: string[] } {
  const known = repo.accounts.map((a) => a.id);
  const chosen: string[] = [];
  for (const id of ids) {
    const account = repo.accounts.find((a) => a.id === id);
    if (!account) {
      const plan = repo.plans.find((p) => p.id === id);
      const hint = plan ? ` (plans/${id}.yaml exists but accounts/${id}.yaml does not)` : didYouMean(id, known);
      throw new KamError(`no account "${id}"${hint}; accounts are the files in accounts/ (run "kam score" to list them)`);
    }
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
