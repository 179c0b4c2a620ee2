// Which shared items changed between two versions of a plan (spec 1.2, section 9): what a
// reviewer needs to know when a change voided the customer's agreement. Items are the ones the
// shared digest covers, compared as it compares them: objectives by title; actions by title,
// then their side, owner and due; KPIs by name, then their target.
import type { Plan } from '../schema/plan.js';

export interface SharedChange {
  kind: 'objective' | 'action' | 'kpi';
  /** The title (objectives, actions) or name (KPIs). */
  item: string;
  change: 'added' | 'removed' | 'changed';
  /** For `changed`: the fields that differ, e.g. "due 2027-01-31 → 2027-02-28". */
  fields: string[];
}

type Shared = Pick<Plan, 'objectives' | 'actions' | 'kpis'>;
const text = (v: unknown) => (v === null || v === undefined ? '–' : String(v));

/** The shared items of `now` that are not as they were in `then` (in file order), then those removed. */
export function sharedChanges(then: Shared, now: Shared): SharedChange[] {
  const out: SharedChange[] = [];
  const compare = (kind: SharedChange['kind'], before: Map<string, Record<string, unknown>>, after: Map<string, Record<string, unknown>>) => {
    for (const [item, fields] of after) {
      const old = before.get(item);
      if (!old) {
        out.push({ kind, item, change: 'added', fields: [] });
        continue;
      }
      const diff = Object.keys(fields).filter((f) => text(old[f]) !== text(fields[f])).map((f) => `${f} ${text(old[f])} → ${text(fields[f])}`);
      if (diff.length) out.push({ kind, item, change: 'changed', fields: diff });
    }
    for (const item of before.keys()) if (!after.has(item)) out.push({ kind, item, change: 'removed', fields: [] });
  };
  const objectives = (p: Shared) => new Map(p.objectives.flatMap((o) => (typeof o === 'object' && o.shared ? [[o.title, {}] as [string, Record<string, unknown>]] : [])));
  const actions = (p: Shared) => new Map(p.actions.filter((a) => a.shared).map((a) => [a.title, { side: a.side ?? 'us', owner: a.owner ?? null, due: a.due ?? null }] as [string, Record<string, unknown>]));
  const kpis = (p: Shared) => new Map(p.kpis.filter((k) => k.shared).map((k) => [k.name, { target: k.target ?? null }] as [string, Record<string, unknown>]));
  compare('objective', objectives(then), objectives(now));
  compare('action', actions(then), actions(now));
  compare('kpi', kpis(then), kpis(now));
  return out;
}
