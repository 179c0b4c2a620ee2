import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { reportingCycles } from '../../relationships/reportingTree.js';
import type { Rule } from '../rule.js';

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
