import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { isSettled } from '../../numbers/renewals.js';
import { daysBetween } from '../../util/dates.js';
import type { Rule } from '../rule.js';
import { plural } from '../../util/plural.js';

export const contractEnded: Rule = {
  id: 'contract_ended',
  severity: 'warning',
  example: 'an unsettled contract whose end is before today',
  description: 'a contract that ended (`end` before today) but is not settled: its `renewal` is neither `renewed` nor `lost`',
  fix: 'record the outcome: `renewal: renewed` (and add the new contract) or `renewal: lost`',
  check({ accounts, today }) {
    return accounts.flatMap((account) =>
      (account.value.contracts ?? []).flatMap((c, i) => {
        if (isSettled(c) || c.end >= today) return [];
        const where = whereIn(account, account.id, ['contracts', i, 'renewal']);
        return [makeFinding(contractEnded, where, `contract ${c.id} ended ${c.end} (${plural(daysBetween(c.end, today), 'day')} ago) and its renewal is ${c.renewal}; set renewal: renewed or lost`, { contract: c.id })];
      }),
    );
  },
};
