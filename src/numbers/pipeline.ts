// spec 1.2, section 2: pipeline and the growth target. Pure functions of an account, its plan
// and kam.yaml; no rounding here (JSON carries unrounded values, formats round).
import type { Account } from '../schema/account.js';
import type { Config } from '../schema/config.js';
import type { Plan } from '../schema/plan.js';
import { DEFAULT_MIN_COVERAGE } from '../schema/defaults.js';

type Opportunity = Plan['opportunities'][number];

/** "Open": stage neither won nor lost (no stage at all is open too). */
export const isOpen = (o: Pick<Opportunity, 'stage'>) => o.stage !== 'won' && o.stage !== 'lost';

/** Where an opportunity's probability came from: its own `probability`, its declared stage, or nowhere. */
export type ProbabilitySource = 'opportunity' | 'stage' | null;

/**
 * An opportunity's probability: its own `probability` wins over its stage's; a stage gives one
 * only when kam.yaml declares `pipeline.stages` (won 1 and lost 0 always exist then).
 */
export function opportunityProbability(o: Pick<Opportunity, 'stage' | 'probability'>, config: Config): { probability: number | null; source: ProbabilitySource } {
  if (o.probability !== undefined) return { probability: o.probability, source: 'opportunity' };
  const stages = config.pipeline?.stages;
  if (stages && o.stage !== undefined) {
    if (o.stage === 'won') return { probability: 1, source: 'stage' };
    if (o.stage === 'lost') return { probability: 0, source: 'stage' };
    const s = stages.find((x) => x.id === o.stage);
    if (s) return { probability: s.probability, source: 'stage' };
  }
  return { probability: null, source: null };
}

export interface PipelineFigures {
  current: number | null;
  target: number | null;
  /** target - current when the account has both, else null. */
  gap: number | null;
  /** Sum of value of the opportunities at stage won. */
  won: number;
  /** Sum of value x probability over open opportunities with a value and a probability. */
  weighted: number;
  /** (won + weighted) / gap when gap > 0; null otherwise (gap <= 0: the target is met). */
  coverage: number | null;
  /** Number of open opportunities. */
  open: number;
}

/** The pipeline figures of an account with a plan. */
export function pipelineFigures(account: Pick<Account, 'revenue'>, plan: Pick<Plan, 'opportunities'>, config: Config): PipelineFigures {
  let won = 0;
  let weighted = 0;
  let open = 0;
  for (const o of plan.opportunities) {
    if (o.stage === 'won') {
      won += o.value ?? 0;
      continue;
    }
    if (!isOpen(o)) continue;
    open++;
    const { probability } = opportunityProbability(o, config);
    if (o.value !== undefined && probability !== null) weighted += o.value * probability;
  }
  const current = account.revenue?.current ?? null;
  const target = account.revenue?.target ?? null;
  const gap = current !== null && target !== null ? target - current : null;
  return { current, target, gap, won, weighted, coverage: coverageOf(won + weighted, gap), open };
}

/** covered / gap when gap > 0 (beyond the 1e-9 tolerance); null otherwise: never a division by 0. */
export function coverageOf(covered: number, gap: number | null): number | null {
  return gap !== null && gap > 1e-9 ? covered / gap : null;
}

/** The coverage a key account of `tier` needs: its profile's min_coverage, else pipeline's (default 1). */
export function minCoverageFor(config: Config, tier: string | null | undefined): number {
  const profile = tier != null && config.profiles && Object.hasOwn(config.profiles, tier) ? config.profiles[tier] : undefined;
  return profile?.min_coverage ?? config.pipeline?.min_coverage ?? DEFAULT_MIN_COVERAGE;
}
