import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import type { Rule } from '../rule.js';

export const whitespaceUnassessed: Rule = {
  id: 'whitespace_unassessed',
  severity: 'warning',
  example: 'buying_centers: [finance]  # and no whitespace entry for finance and an offering of kam.yaml',
  description: 'a buying center of the plan with offerings of kam.yaml that have no `whitespace` entry for it (one finding per center)',
  fix: 'add a `whitespace` entry for each missing offering of the center (status `not_a_fit` when it does not apply)',
  check({ repo, plans }) {
    const offerings = repo.config.offerings;
    if (offerings.length === 0) return [];
    return plans.flatMap((plan) => {
      const assessed = new Set(plan.value.whitespace.map((w) => `${w.center}\u0000${w.offering}`));
      return plan.value.buying_centers.flatMap((center, i) => {
        const missing = offerings.filter((o) => !assessed.has(`${center.id}\u0000${o.id}`));
        if (missing.length === 0) return [];
        const list = missing.map((o) => `${o.label} (${o.id})`).join(', ');
        return [
          makeFinding(whitespaceUnassessed,
            whereIn(plan, plan.id, ['buying_centers', i]),
            `buying center "${center.id}" has no whitespace entry for ${missing.length === 1 ? 'offering' : `${missing.length} offerings`} ${list}; add { center: ${center.id}, offering: ${missing[0]!.id}, status: ... } under whitespace: (status not_a_fit when it does not apply)`,
            { center: center.id },
          ),
        ];
      });
    });
  },
};
