import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { amount } from '../../numbers/format.js';
import { decisionDay } from '../../numbers/renewals.js';
import type { Rule } from '../rule.js';

export const renewalAtRisk: Rule = {
  id: 'renewal_at_risk',
  severity: 'warning',
  example: 'a contract with renewal: at_risk that has not ended yet',
  description: 'a contract with `renewal: at_risk` that has not ended (today <= end)',
  fix: 'plan what saves it (an action in the plan), then set `renewal` to likely, renewed or lost',
  check({ accounts, repo, today }) {
    return accounts.flatMap((account) =>
      (account.value.contracts ?? []).flatMap((c, i) => {
        if (c.renewal !== 'at_risk' || c.end < today) return [];
        const where = whereIn(account, account.id, ['contracts', i, 'renewal']);
        const value = c.value === undefined ? '' : ` (${amount(c.value, repo.config.currency)} a year)`;
        return [makeFinding(renewalAtRisk, where, `contract ${c.id}${value} is at risk; it ends ${c.end}, decide by ${decisionDay(c)}: plan what saves it`, { contract: c.id })];
      }),
    );
  },
};
