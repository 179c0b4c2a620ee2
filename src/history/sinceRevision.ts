// History since a revision, as documents need it (`kam render --since`): the repo there, the
// changes from there to now, the health trend in between, and where a voided agreement was made.
// The command reads it once per run and hands it to the documents, which never run git.
import { changesBetween, type Changes } from '../git/changes.js';
import { loadRevision, type RevisionSnapshot } from '../git/snapshot.js';
import type { Repo } from '../load/loadRepo.js';
import type { Portfolio } from '../score/portfolio.js';
import { agreementOf } from '../signoff/digest.js';
import { agreedRevision, type AgreedRevision } from './agreedAt.js';
import { computeTrend, type TrendData } from './trend.js';

export interface HistorySince {
  /** The revision, its commit and date, and the repo there (with its own kam.yaml). */
  base: RevisionSnapshot;
  /** From the revision (evaluated as of its date) to the repo now: computed on demand and once. */
  changes: Changes;
  /** Every point of history since the revision, when asked for (the internal QBR's health trend). */
  trend: TrendData | undefined;
  /** For a plan whose latest sign-off a change voided: the newest revision where its digest matched; null otherwise. */
  agreedAt(id: string): Promise<AgreedRevision | null>;
}

/**
 * Reads the revision `rev` once (a usage error when its kam.yaml is invalid) and, with `trend`,
 * the health trend from it to now. `portfolio` is the run's scored portfolio: not scored again.
 */
export async function historySince(repo: Repo, rev: string, opts: { today: string; portfolio?: Portfolio; trend?: boolean }): Promise<HistorySince> {
  const base = await loadRevision(repo.root, rev);
  const trend = opts.trend ? await computeTrend(repo.root, { every: 'commit', since: { rev }, today: opts.today }) : undefined;
  return {
    base,
    changes: changesBetween({ repo: base.repo, today: base.date }, { repo, today: opts.today, portfolio: opts.portfolio }),
    trend,
    agreedAt: async (id) => {
      const plan = repo.plans.find((p) => p.id === id)?.value;
      const a = plan ? agreementOf(plan) : undefined;
      return a?.state === 'changed' ? agreedRevision(repo.root, id, a.digest) : null;
    },
  };
}
