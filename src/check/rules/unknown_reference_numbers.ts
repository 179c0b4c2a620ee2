import type { Finding } from '../../findings/finding.js';
import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { closest } from '../../util/didYouMean.js';
import type { RuleRef } from '../../findings/makeFinding.js';
import type { CheckContext } from '../rule.js';

const quoted = (ids: readonly string[]) => (ids.length ? ids.map((id) => `"${id}"`).join(', ') : 'none');
const guess = (name: string, known: readonly string[]) => {
  const close = closest(name, known);
  return close ? ` (did you mean "${close}"?)` : '';
};

/**
 * The spec 1.2 part of `unknown_reference`: an action's or opportunity's `objective` that is not
 * the `id` of an objective of the plan, and a contract's `offering` that kam.yaml does not list.
 */
export function unknownNumbersReferences({ repo, plans, accounts }: Pick<CheckContext, 'repo' | 'plans' | 'accounts'>, rule: RuleRef): Finding[] {
  const out: Finding[] = [];
  for (const plan of plans) {
    const ids = plan.value.objectives.flatMap((o) => (typeof o === 'object' && o.id !== undefined ? [o.id] : []));
    const check = (list: 'actions' | 'opportunities', i: number, label: string, ref: string | undefined) => {
      if (ref === undefined || ids.includes(ref)) return;
      const how = ids.length ? `objective ids are ${quoted(ids)}${guess(ref, ids)}` : 'no objective of this plan has an id yet: give one id: ' + ref;
      out.push(makeFinding(rule, whereIn(plan, plan.id, [list, i, 'objective']), `${label} names objective "${ref}", which is not the id of an objective of this plan; ${how}, or correct objective`, { reference: ref }));
    };
    plan.value.actions.forEach((a, i) => check('actions', i, `action "${a.title}"`, a.objective));
    plan.value.opportunities.forEach((o, i) => check('opportunities', i, `opportunity "${o.name}"`, o.objective));
  }
  const offerings = repo.config.offerings.map((o) => o.id);
  for (const account of accounts) {
    (account.value.contracts ?? []).forEach((c, i) => {
      if (c.offering === undefined || offerings.includes(c.offering)) return;
      out.push(makeFinding(rule, whereIn(account, account.id, ['contracts', i, 'offering']), `contract ${c.id}: kam.yaml lists no offering "${c.offering}"${guess(c.offering, offerings)}; offerings are ${quoted(offerings)}: fix the id or add { id: ${c.offering}, label: ... } under offerings: in kam.yaml`, { reference: c.offering }));
    });
  }
  return out;
}
