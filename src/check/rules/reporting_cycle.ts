import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import type { Stakeholder } from '../../relationships/people.js';
import type { Rule } from '../rule.js';

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

export const reportingCycle: Rule = {
  id: 'reporting_cycle',
  severity: 'error',
  example: 'stakeholders:\n  - { id: a, name: Ann, reports_to: b }\n  - { id: b, name: Bo, reports_to: a }',
  description: 'stakeholders whose `reports_to` chain comes back to them (one finding per cycle)',
  fix: 'correct `reports_to` so that the chain ends at someone who reports to no one listed',
  check({ plans }) {
    return plans.flatMap((plan) => {
      const list = plan.value.stakeholders;
      return reportingCycles(list).map((cycle) => {
        const head = list[cycle[0]!]!;
        const chain = [...cycle, cycle[0]!].map((i) => list[i]!.id).join(' → ');
        // At the reports_to of the cycle's first-listed member: changing it breaks the cycle.
        const where = whereIn(plan, plan.id, ['stakeholders', cycle[0]!, 'reports_to']);
        const what = cycle.length === 1 ? `${head.name} reports to themselves` : `reports_to goes round in a circle: ${chain}`;
        return makeFinding(reportingCycle, where, `${what}; set reports_to of one of them to their real manager, or remove it`, { stakeholder: head.id! });
      });
    });
  },
};
