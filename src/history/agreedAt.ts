// Where the customer's agreement was made (spec 1.2, section 9): the newest commit at which a
// plan's shared digest was the one its latest sign-off records, so a review can say which shared
// items changed since. Reads git objects only (history/repoAt's reader), newest commit first.
import { gitText, openGitRepo } from '../git/git.js';
import { CONFIG_FILE } from '../repoFs/findRoot.js';
import type { Plan } from '../schema/plan.js';
import { sharedDigest } from '../signoff/digest.js';
import { HistoryReader } from './repoAt.js';

export interface AgreedRevision {
  /** git's abbreviation of the commit, and its committer date. */
  commit: string;
  date: string;
  /** The plan as it was there. */
  plan: Plan;
}

const BATCH = 16;

/**
 * The newest commit touching the account's plan (or kam.yaml) whose plan has the shared digest
 * `digest`; null when no commit of the history has it (a digest written by hand, a shallow clone).
 */
export async function agreedRevision(root: string, id: string, digest: string): Promise<AgreedRevision | null> {
  const repo = await openGitRepo(root);
  const log = await gitText(root, ['log', '--format=%H%x1f%h%x1f%cs', 'HEAD', '--', `plans/${id}.yaml`, `plans/${id}.yml`, CONFIG_FILE]);
  const commits = log.split('\n').filter(Boolean).map((l) => l.split('\x1f') as [string, string, string]);
  const reader = new HistoryReader(repo);
  for (let i = 0; i < commits.length; i += BATCH) {
    const batch = commits.slice(i, i + BATCH);
    const trees = await Promise.all(batch.map(([sha]) => reader.tree(sha)));
    await reader.prefetch(trees);
    for (const [k, tree] of trees.entries()) {
      const loaded = reader.load(tree);
      const plan = loaded?.ok ? loaded.repo.plans.find((p) => p.id === id)?.value : undefined;
      if (plan && sharedDigest(plan) === digest) return { commit: batch[k]![1], date: batch[k]![2], plan };
    }
  }
  return null;
}
