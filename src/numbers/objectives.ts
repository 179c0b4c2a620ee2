// spec 1.2, section 1: objectives you can track. Pure: the plan in, progress out.
import type { Plan } from '../schema/plan.js';

/** Where an objective's progress comes from: its measure, the actions that name it, or nowhere. */
export type ProgressSource = 'measure' | 'actions' | null;

export interface ObjectiveProgress {
  /** Index in the plan's `objectives` (findings locate at it). */
  index: number;
  id: string | null;
  title: string;
  due: string | null;
  /** 0..1, or null when neither a full measure nor a naming action gives one. */
  progress: number | null;
  source: ProgressSource;
  /** The actions that name the objective (by `id`), and how many of them are done. */
  actions: number;
  done: number;
  measure: { unit: string | null; baseline: number; target: number; actual: number; as_of: string | null } | null;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Progress of each objective of the plan, in file order:
 * - a measure with baseline, target and actual, target != baseline: clamp((actual - baseline) / (target - baseline), 0, 1);
 * - otherwise, with actions that name it: done actions / actions that name it;
 * - otherwise null.
 * Text objectives have no id, so no action can name them: their progress is null.
 */
export function objectiveProgress(plan: Pick<Plan, 'objectives' | 'actions'>): ObjectiveProgress[] {
  const named = new Map<string, { actions: number; done: number }>();
  for (const a of plan.actions) {
    if (a.objective === undefined) continue;
    const n = named.get(a.objective) ?? { actions: 0, done: 0 };
    n.actions++;
    if (a.status === 'done') n.done++;
    named.set(a.objective, n);
  }
  return plan.objectives.map((o, index) => {
    if (typeof o === 'string') return { index, id: null, title: o, due: null, progress: null, source: null, actions: 0, done: 0, measure: null };
    const counts = (o.id !== undefined && named.get(o.id)) || { actions: 0, done: 0 };
    const m = o.measure;
    // The schema refuses target == baseline; the tolerance keeps this safe for any caller.
    const full = m && m.baseline !== undefined && m.target !== undefined && m.actual !== undefined && Math.abs(m.target - m.baseline) > 1e-9
      ? { unit: m.unit ?? null, baseline: m.baseline, target: m.target, actual: m.actual, as_of: m.as_of ?? null }
      : null;
    let progress: number | null = null;
    let source: ProgressSource = null;
    if (full) {
      progress = clamp01((full.actual - full.baseline) / (full.target - full.baseline));
      source = 'measure';
    } else if (counts.actions > 0) {
      progress = counts.done / counts.actions;
      source = 'actions';
    }
    return { index, id: o.id ?? null, title: o.title, due: o.due ?? null, progress, source, ...counts, measure: full };
  });
}

/** Whether a progress counts as complete (1, within the spec's 1e-9 tolerance). */
export const progressComplete = (p: number | null) => p !== null && p >= 1 - 1e-9;
