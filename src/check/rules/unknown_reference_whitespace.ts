import type { Finding } from '../../findings/finding.js';
import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { itemPath } from '../../findings/itemPath.js';
import { closest } from '../../util/didYouMean.js';
import type { RuleRef } from '../../findings/makeFinding.js';
import type { CheckContext, Rule } from '../rule.js';

const quoted = (ids: readonly string[]) => (ids.length ? ids.map((id) => `"${id}"`).join(', ') : 'none');
const guess = (name: string, known: readonly string[]) => {
  const close = closest(name, known);
  return close ? ` (did you mean "${close}"?)` : '';
};

/**
 * The whitespace part of `unknown_reference` (spec 1.1, sections 3 and 5): a `center` of a
 * whitespace entry or an opportunity that no buying center of the plan declares, and an
 * `offering` that kam.yaml's `offerings` does not list. Located at the offending value.
 */
export function unknownWhitespaceReferences({ repo, plans }: Pick<CheckContext, 'repo' | 'plans'>, rule: RuleRef): Finding[] {
  const offerings = repo.config.offerings.map((o) => o.id);
  return plans.flatMap((plan) => {
    const centers = plan.value.buying_centers.map((c) => c.id);
    const out: Finding[] = [];
    const check = (list: 'whitespace' | 'opportunities', i: number, key: 'center' | 'offering', value: string | undefined) => {
      if (value === undefined) return;
      const known = key === 'center' ? centers : offerings;
      if (known.includes(value)) return;
      const declared =
        key === 'center'
          ? `no buying center of this plan has id "${value}"${guess(value, known)}; buying_centers ids are ${quoted(known)}: fix the id or add { id: ${value}, name: ... } under buying_centers:`
          : `kam.yaml lists no offering "${value}"${guess(value, known)}; offerings are ${quoted(known)}: fix the id or add { id: ${value}, label: ... } under offerings: in kam.yaml`;
      out.push(makeFinding(rule, whereIn(plan, plan.id, [list, i, key]), `${itemPath([list, i, key])}: ${declared}`, { reference: value }));
    };
    plan.value.whitespace.forEach((w, i) => {
      check('whitespace', i, 'center', w.center);
      check('whitespace', i, 'offering', w.offering);
    });
    plan.value.opportunities.forEach((o, i) => {
      check('opportunities', i, 'center', o.center);
      check('opportunities', i, 'offering', o.offering);
    });
    return out;
  });
}
