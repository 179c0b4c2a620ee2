import { answerState } from '../plan/completeness.js';
import { presentOnly } from '../relationships/gone.js';
import { daysBetween } from '../util/dates.js';
import type { Requirements } from '../profiles/profile.js';
import type { Account } from '../schema/account.js';
import type { Config, HealthMeasure } from '../schema/config.js';
import { HEALTH_COMPONENTS } from '../schema/defaults.js';
import type { Answer, Plan } from '../schema/plan.js';

/** Every comparison of a band uses the unrounded health with this tolerance (spec 1.1). */
const EPSILON = 1e-9;

export type Band = 'green' | 'amber' | 'red';
export const BANDS: readonly Band[] = ['red', 'amber', 'green'];

/** Stages at which a plan is expected to have live actions: execution counts 0 without any. */
export const ACTION_STAGES: readonly string[] = ['action_plan', 'execution', 'review'];

/** One measured component: its value on 0..1 (unrounded) and its weight. */
export interface HealthComponent {
  value: number;
  weight: number;
}

/**
 * The working behind one component, for `--explain`: what was counted. `measured` false means
 * left out, with `reason` saying why.
 */
export interface ComponentDetail {
  id: string;
  label: string;
  weight: number;
  measured: boolean;
  value: number | null;
  /** How the value came about (or why it was left out), in words and numbers. */
  reason: string;
}

export interface AccountHealth {
  id: string;
  name: string;
  tier: string | null;
  manager: string | null;
  /** 0..100, unrounded; null when no component is measured and weighted above 0. */
  health: number | null;
  band: Band | null;
  /** The components that count (measured, weight > 0), in kam.yaml order: built-ins, then measures. */
  components: Record<string, HealthComponent>;
  /** Components with nothing to measure, a stale or missing measure, or weight 0. */
  left_out: string[];
  /** Every component with its working (for --explain and renders). */
  details: ComponentDetail[];
}

/** What health needs of one account; `reviewDate` is the date stale_plan uses (last_reviewed, else git). */
export interface HealthInput {
  id: string;
  account: Account;
  plan: Plan;
  tier: string | null;
  requirements: Requirements;
  reviewDate: string | undefined;
  today: string;
  config: Config;
}

const LABELS: Record<(typeof HEALTH_COMPONENTS)[number], string> = {
  completeness: 'Completeness',
  freshness: 'Freshness',
  team: 'Team',
  stakeholders: 'Stakeholders',
  execution: 'Execution',
};

const ratio = (n: number, d: number) => `${n}/${d}`;

/** completeness: (answered + not applicable) / questions required; left out when none are required. */
export function completenessComponent(plan: Plan, req: Requirements): Omit<ComponentDetail, 'id' | 'label' | 'weight'> {
  const total = req.questions.length;
  if (total === 0) return { measured: false, value: null, reason: 'the profile requires no checklist question' };
  const answers = plan.answers as Record<string, Answer | undefined>;
  const done = req.questions.filter((q) => answerState(answers[q.id]) !== 'unanswered').length;
  return { measured: true, value: done / total, reason: `${ratio(done, total)} required questions answered or not applicable` };
}

/** freshness: 1 up to the cadence, falling linearly to 0 at twice the cadence; 0 without a review date. */
export function freshnessComponent(reviewDate: string | undefined, cadence: number, today: string): Omit<ComponentDetail, 'id' | 'label' | 'weight'> {
  if (!reviewDate) return { measured: true, value: 0, reason: 'no review date (no last_reviewed and no commit)' };
  const age = daysBetween(reviewDate, today);
  const value = age <= cadence ? 1 : age >= 2 * cadence ? 0 : 1 - (age - cadence) / cadence;
  return { measured: true, value, reason: `reviewed ${reviewDate}, ${age} days ago; cadence ${cadence} days (1 up to ${cadence}, 0 from ${2 * cadence})` };
}

/** team: required roles someone on the team holds / required roles. */
export function teamComponent(plan: Plan, req: Requirements): Omit<ComponentDetail, 'id' | 'label' | 'weight'> {
  const required = req.roles.map((r) => r.id);
  if (required.length === 0) return { measured: false, value: null, reason: 'the profile requires no team role' };
  const held = new Set(plan.team.flatMap((m) => m.roles));
  const missing = required.filter((r) => !held.has(r));
  const n = required.length - missing.length;
  return { measured: true, value: n / required.length, reason: `${ratio(n, required.length)} required roles held${missing.length ? `; missing ${missing.join(', ')}` : ''}` };
}

/** stakeholders: required stakeholder roles held by someone with an owner / required stakeholder roles. */
export function stakeholdersComponent(plan: Plan, req: Requirements, today: string): Omit<ComponentDetail, 'id' | 'label' | 'weight'> {
  const required = req.stakeholderRoles;
  if (required.length === 0) return { measured: false, value: null, reason: 'the profile requires no stakeholder role' };
  // Gone stakeholders hold no role (spec 1.2, section 6).
  const covered = new Set(presentOnly(plan.stakeholders, today).filter((s) => s.role !== undefined && (s.owner ?? '').trim() !== '').map((s) => s.role as string));
  const missing = required.filter((r) => !covered.has(r));
  const n = required.length - missing.length;
  return { measured: true, value: n / required.length, reason: `${ratio(n, required.length)} required stakeholder roles held by someone with an owner${missing.length ? `; not covered: ${missing.join(', ')}` : ''}` };
}

/** execution: the share of open/blocked actions that are open and not overdue. */
export function executionComponent(plan: Plan, today: string): Omit<ComponentDetail, 'id' | 'label' | 'weight'> {
  const live = plan.actions.filter((a) => a.status === 'open' || a.status === 'blocked');
  if (live.length === 0) {
    if (plan.stage !== undefined && ACTION_STAGES.includes(plan.stage))
      return { measured: true, value: 0, reason: `no open or blocked action at stage ${plan.stage}` };
    return { measured: false, value: null, reason: `no open or blocked action${plan.stage ? ` at stage ${plan.stage}` : ''}` };
  }
  const blocked = live.filter((a) => a.status === 'blocked').length;
  const overdue = live.filter((a) => a.status === 'open' && a.due != null && a.due < today).length;
  const onTrack = live.length - blocked - overdue;
  const off = [blocked ? `${blocked} blocked` : '', overdue ? `${overdue} past due` : ''].filter(Boolean).join(', ');
  return { measured: true, value: onTrack / live.length, reason: `${ratio(onTrack, live.length)} open or blocked actions on track${off ? ` (${off})` : ''}` };
}

/** An account's value of a measure: own keys only (a measure may be called `constructor`). */
export function measureInput(account: Account, id: string): { value: number; as_of: string } | undefined {
  const inputs = account.health;
  return inputs && Object.hasOwn(inputs, id) ? inputs[id] : undefined;
}

/** Whether a measure's value is too old to count. */
export function measureStale(measure: HealthMeasure, asOf: string, today: string): boolean {
  return measure.max_age_days !== undefined && daysBetween(asOf, today) > measure.max_age_days;
}

/** A manual measure: n = (value - min) / (max - min) clamped to 0..1, when not stale. */
export function measureComponent(measure: HealthMeasure, account: Account, today: string): Omit<ComponentDetail, 'id' | 'label' | 'weight'> {
  const input = measureInput(account, measure.id);
  if (!input) return { measured: false, value: null, reason: 'no value on the account' };
  const age = daysBetween(input.as_of, today);
  if (measureStale(measure, input.as_of, today))
    return { measured: false, value: null, reason: `value ${input.value} as of ${input.as_of} is ${age} days old, older than ${measure.max_age_days} days` };
  const n = Math.min(1, Math.max(0, (input.value - measure.min) / (measure.max - measure.min)));
  const num = (x: number) => (x < 0 ? `(${x})` : String(x));
  return { measured: true, value: n, reason: `(${input.value} - ${num(measure.min)}) / (${measure.max} - ${num(measure.min)})${n === 0 || n === 1 ? ', clamped to 0..1,' : ''} as of ${input.as_of}` };
}

/** Green, amber or red, comparing the unrounded health with the bands (1e-9 tolerance). */
export function bandFor(health: number | null, bands: Config['health']['bands']): Band | null {
  if (health === null) return null;
  if (health + EPSILON >= bands.green) return 'green';
  if (health + EPSILON >= bands.amber) return 'amber';
  return 'red';
}

/** health = 100 x sum(weight x component) / sum(weight) over the measured components weighted above 0. */
export function accountHealth(input: HealthInput): AccountHealth {
  const { plan, account, requirements: req, today, config } = input;
  const weights = config.health.weights;
  const builtIn = {
    completeness: completenessComponent(plan, req),
    freshness: freshnessComponent(input.reviewDate, req.cadenceDays, today),
    team: teamComponent(plan, req),
    stakeholders: stakeholdersComponent(plan, req, today),
    execution: executionComponent(plan, today),
  };
  const details: ComponentDetail[] = [
    ...HEALTH_COMPONENTS.map((id) => ({ id, label: LABELS[id], weight: weights[id], ...builtIn[id] })),
    ...config.health.measures.map((m) => ({ id: m.id, label: m.label, weight: m.weight, ...measureComponent(m, account, today) })),
  ];
  const components: Record<string, HealthComponent> = {};
  const left_out: string[] = [];
  let sumW = 0;
  let sumWV = 0;
  for (const d of details) {
    if (!d.measured || d.weight <= 0) {
      left_out.push(d.id);
      continue;
    }
    components[d.id] = { value: d.value!, weight: d.weight };
    sumW += d.weight;
    sumWV += d.weight * d.value!;
  }
  const health = sumW > 0 ? (100 * sumWV) / sumW : null;
  return {
    id: input.id,
    name: account.name,
    tier: input.tier,
    manager: account.manager ?? null,
    health,
    band: bandFor(health, config.health.bands),
    components,
    left_out,
    details,
  };
}

/** The measured component with the lowest value (ties: the heavier, then the first); null when none. */
export function weakestComponent(h: Pick<AccountHealth, 'components'>): string | null {
  let best: [string, HealthComponent] | null = null;
  for (const entry of Object.entries(h.components)) {
    const [, c] = entry;
    if (!best || c.value < best[1].value - EPSILON || (Math.abs(c.value - best[1].value) <= EPSILON && c.weight > best[1].weight)) best = entry;
  }
  return best ? best[0] : null;
}

/** Worst health first, ties by id (code units); null health last. */
export function compareHealth(a: Pick<AccountHealth, 'id' | 'health'>, b: Pick<AccountHealth, 'id' | 'health'>): number {
  if (a.health !== b.health) {
    if (a.health === null) return 1;
    if (b.health === null) return -1;
    if (Math.abs(a.health - b.health) > EPSILON) return a.health - b.health;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
