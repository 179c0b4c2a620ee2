import type { Repo } from '../load/loadRepo.js';

/**
 * HOOK for spec 1.2, section 2 (pipeline coverage, issue #26): an account's pipeline coverage at
 * one point of history. The numbers module that computes coverage is built in another branch;
 * until it is merged, kam trend reports `coverage: null` at every point. When it lands, return
 * its coverage for `id` in `repo` here (null where it has none): nothing else needs to change.
 */
export function trendCoverage(_repo: Repo, _id: string): number | null {
  return null;
}
