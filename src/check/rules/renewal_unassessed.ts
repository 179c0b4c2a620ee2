import { addDays } from '../../util/dates.js';
import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { isSettled } from '../../numbers/renewals.js';
import type { Rule } from '../rule.js';

export const renewalUnassessed: Rule = {
  id: 'renewal_unassessed',
  severity: 'warning',
  example: 'a contract with renewal: unknown that ends within assess_days of today',
  description: 'an unsettled contract whose `renewal` is still `unknown` although it ends within kam.yaml `renewals.assess_days` (today >= end - assess_days)',
  fix: 'assess it: set `renewal` to likely, at_risk, renewed or lost',
  check({ accounts, repo, today }) {
    const days = repo.config.renewals.assess_days;
    // end - assess_days <= today, that is end <= today + assess_days.
    const horizon = addDays(today, days);
    return accounts.flatMap((account) =>
      (account.value.contracts ?? []).flatMap((c, i) => {
        if (isSettled(c) || c.renewal !== 'unknown' || c.end > horizon) return [];
        const where = whereIn(account, account.id, ['contracts', i, 'end']);
        return [makeFinding(renewalUnassessed, where, `contract ${c.id} ends ${c.end}, within the ${days} days kam.yaml renewals.assess_days gives to assess it, and its renewal is unknown; set renewal: likely, at_risk, renewed or lost`, { contract: c.id })];
      }),
    );
  },
};
