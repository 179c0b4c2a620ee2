// Which shared items changed between two versions of a plan (spec 1.2, section 9): what a
// reviewer needs to know when a change voided the customer's agreement. Items are the ones the
// shared digest covers, matched by sharedItemKey (the one identity of a shared item, which the
// customer's QBR uses too) and compared on what the digest hashes: objectives on their title;
// actions on their title, side, owner and due; KPIs on their name and target.
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

/**
 * The identity of a shared item across two versions of a plan: its title (objectives, actions) or
 * name (KPIs), trimmed. An item whose title only gained or lost surrounding spaces is the same
 * item (changed, when the digest sees the difference), not one removed and one added.
 */
export function sharedItemKey(item: { title: string } | { name: string }): string {
  return ('title' in item ? item.title : item.name).trim();
}

const text = (v: unknown) => (v === null || v === undefined ? '–' : String(v));

/** The shared items of `now` that are not as they were in `then` (in file order), then those removed. */
export function sharedChanges(then: Shared, now: Shared): SharedChange[] {
  const out: SharedChange[] = [];
  type Item = { item: string; fields: Record<string, unknown> };
  const compare = (kind: SharedChange['kind'], before: Map<string, Item>, after: Map<string, Item>) => {
    for (const [key, { item, fields }] of after) {
      const old = before.get(key)?.fields;
      if (!old) {
        out.push({ kind, item, change: 'added', fields: [] });
        continue;
      }
      const diff = Object.keys(fields).filter((f) => text(old[f]) !== text(fields[f])).map((f) => `${f} ${text(old[f])} → ${text(fields[f])}`);
      if (diff.length) out.push({ kind, item, change: 'changed', fields: diff });
    }
    for (const [key, { item }] of before) if (!after.has(key)) out.push({ kind, item, change: 'removed', fields: [] });
  };
  // The title or name as written is compared too (quoted, so spaces show): the digest hashes it.
  const entry = (o: { title: string } | { name: string }, fields: Record<string, unknown>): [string, Item] => {
    const item = 'title' in o ? o.title : o.name;
    return [sharedItemKey(o), { item, fields: { ['title' in o ? 'title' : 'name']: JSON.stringify(item), ...fields } }];
  };
  const objectives = (p: Shared) => new Map(p.objectives.flatMap((o) => (typeof o === 'object' && o.shared ? [entry(o, {})] : [])));
  const actions = (p: Shared) => new Map(p.actions.filter((a) => a.shared).map((a) => entry(a, { side: a.side ?? 'us', owner: a.owner ?? null, due: a.due ?? null })));
  const kpis = (p: Shared) => new Map(p.kpis.filter((k) => k.shared).map((k) => entry(k, { target: k.target ?? null })));
  compare('objective', objectives(then), objectives(now));
  compare('action', actions(then), actions(now));
  compare('kpi', kpis(then), kpis(now));
  return out;
}
