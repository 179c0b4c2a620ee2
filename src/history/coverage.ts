// Pipeline coverage at one point of history (spec 1.2, sections 2 and 8): the coverage that
// `kam pipeline` gives there, from the one home of that figure (src/numbers/pipeline.ts).
import type { Repo } from '../load/loadRepo.js';
import type { Account } from '../schema/account.js';
import { pipelineFigures } from '../numbers/pipeline.js';

/**
 * Every account's pipeline coverage in `repo`: (won + weighted) / gap for a valid account with a
 * valid plan of its own and a gap > 0 (as `kam pipeline` lists them), null otherwise. One pass
 * over the plans, so a point of 10,000 accounts costs one map, not one search per account.
 * `firstAccountOf` gives the value of the first valid-valued account file of an id, when the
 * caller has that lookup already.
 */
export function trendCoverages(repo: Repo, firstAccountOf?: (id: string) => Account | undefined): Map<string, number | null> {
  let accountOf = firstAccountOf;
  if (!accountOf) {
    const accounts = new Map<string, Account>();
    for (const a of repo.accounts) if (a.value !== undefined && !accounts.has(a.id)) accounts.set(a.id, a.value);
    accountOf = (id) => accounts.get(id);
  }
  const out = new Map<string, number | null>();
  for (const p of repo.plans) {
    const account = accountOf(p.id);
    if (!p.value || !account || p.value.account !== p.id || out.has(p.id)) continue;
    out.set(p.id, pipelineFigures(account, p.value, repo.config).coverage);
  }
  return out;
}
