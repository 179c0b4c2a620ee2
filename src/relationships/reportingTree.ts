// The reporting tree of a plan's stakeholders (`reports_to`): the walk the reporting_cycle rule,
// the power map and `kam import contacts` share.
import type { Stakeholder } from './people.js';

/**
 * The reporting cycles of a plan's stakeholders: each as the stakeholder indexes along the
 * `reports_to` chain, starting at the one listed first. Only ids that exist are followed
 * (a `reports_to` naming nothing is unknown_reference's). Linear: each person is walked once.
 */
export function reportingCycles(stakeholders: readonly Pick<Stakeholder, 'id' | 'reports_to'>[]): number[][] {
  const byId = new Map<string, number>();
  stakeholders.forEach((s, i) => {
    if (s.id !== undefined && !byId.has(s.id)) byId.set(s.id, i);
  });
  const next = (i: number) => {
    const to = stakeholders[i]!.reports_to;
    return to === undefined ? undefined : byId.get(to);
  };
  const state = new Array<0 | 1 | 2>(stakeholders.length).fill(0); // 0 unseen, 1 on the current walk, 2 done
  const cycles: number[][] = [];
  for (let start = 0; start < stakeholders.length; start++) {
    const walk: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      i = next(i);
    }
    if (i !== undefined && state[i] === 1) {
      const cycle = walk.slice(walk.indexOf(i));
      const first = cycle.indexOf(cycle.reduce((a, b) => Math.min(a, b))); // no spread: a cycle can be longer than a call's arguments
      cycles.push([...cycle.slice(first), ...cycle.slice(0, first)]);
    }
    for (const j of walk) state[j] = 2;
  }
  return cycles;
}
