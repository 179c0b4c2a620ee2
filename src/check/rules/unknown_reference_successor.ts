import type { Finding } from '../../findings/finding.js';
import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { closest } from '../../util/didYouMean.js';
import type { RuleRef } from '../../findings/makeFinding.js';
import type { CheckContext } from '../rule.js';

/** A stakeholder's `successor` that is not the `id` of a stakeholder of the same plan (spec 1.2, section 7). */
export function unknownSuccessors(plans: CheckContext['plans'], rule: RuleRef): Finding[] {
  return plans.flatMap((plan) => {
    const ids = plan.value.stakeholders.flatMap((s) => (s.id === undefined ? [] : [s.id]));
    const known = new Set(ids);
    return plan.value.stakeholders.flatMap((s, i) => {
      if (s.successor === undefined || known.has(s.successor)) return [];
      const guess = closest(s.successor, ids);
      const hint = guess ? `did you mean "${guess}"? ` : '';
      return [
        makeFinding(rule,
          whereIn(plan, plan.id, ['stakeholders', i, 'successor']),
          `${s.name}'s successor "${s.successor}" is not the id of a stakeholder of this plan; ${hint}add who took over under stakeholders: with id: ${s.successor}, or correct successor`,
          { reference: s.successor },
        ),
      ];
    });
  });
}
