import type { Finding } from '../../findings/finding.js';
import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { closest } from '../../util/didYouMean.js';
import type { CheckContext, Rule } from '../rule.js';
import { unknownSuccessors } from './unknown_reference_successor.js';
import { unknownWhitespaceReferences } from './unknown_reference_whitespace.js';
import { unknownNumbersReferences } from './unknown_reference_numbers.js';

type Plans = CheckContext['plans'];

/** A `reports_to` that is not the `id` of a stakeholder of the same plan. */
function unknownReportsTo(plans: Plans): Finding[] {
  return plans.flatMap((plan) => {
    const ids = plan.value.stakeholders.flatMap((s) => (s.id === undefined ? [] : [s.id]));
    const known = new Set(ids);
    return plan.value.stakeholders.flatMap((s, i) => {
      if (s.reports_to === undefined || known.has(s.reports_to)) return [];
      const guess = closest(s.reports_to, ids);
      const hint = guess ? `did you mean "${guess}"? ` : ids.length ? '' : 'no stakeholder has an id yet; ';
      return [
        makeFinding(unknownReference,
          whereIn(plan, plan.id, ['stakeholders', i, 'reports_to']),
          `${s.name} reports_to "${s.reports_to}", which is not the id of a stakeholder of this plan; ${hint}give their manager id: ${s.reports_to}, or correct reports_to`,
          { reference: s.reports_to },
        ),
      ];
    });
  });
}

export const unknownReference: Rule = {
  id: 'unknown_reference',
  severity: 'error',
  example: 'stakeholders:\n  - { id: dana, name: Dana Reyes, reports_to: lee }  # no stakeholder has id lee',
  description: 'a `reports_to` or `successor`, a whitespace `center`/`offering` or an opportunity `center`/`offering`, an action\'s or opportunity\'s `objective` or a contract\'s `offering` naming nothing declared (a stakeholder id, a buying center of the plan, an objective id of the plan, an offering of kam.yaml)',
  fix: 'correct the id, or declare it (a stakeholder `id`, an entry of `buying_centers`, an objective `id`, an entry of kam.yaml `offerings`)',
  check(ctx) {
    return [...unknownReportsTo(ctx.plans), ...unknownSuccessors(ctx.plans, unknownReference), ...unknownWhitespaceReferences(ctx, unknownReference), ...unknownNumbersReferences(ctx, unknownReference)];
  },
};
