import type { AgendaItem } from '../../../agenda/agenda.js';
import { compareCodeUnits } from '../../../util/compare.js';
import { pushTo } from '../../../util/group.js';

export const NO_OWNER = '(no owner)';

/** Items grouped by owner (owners in name order, "no owner" last), each group in agenda order. */
export function byOwner(items: AgendaItem[]): [string, AgendaItem[]][] {
  const groups = new Map<string, AgendaItem[]>();
  for (const item of items) {
    const owner = item.owner ?? NO_OWNER;
    pushTo(groups, owner, item);
  }
  return [...groups].sort(([a], [b]) => (a === NO_OWNER ? 1 : b === NO_OWNER ? -1 : compareCodeUnits(a, b)));
}

export const KIND_WORD = { action: 'action', review: 'review', contact: 'contact', health_input: 'health input', renewal: 'renewal' } as const;
