import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import type { Rule } from '../rule.js';

export const managerOverCapacity: Rule = {
  id: 'manager_over_capacity',
  severity: 'warning',
  example: 'limits: { max_accounts_per_manager: 1 }  # and \'@pat\' manages two tiered accounts',
  description: 'a manager who owns more tiered accounts than `limits.max_accounts_per_manager` (default 8)',
  fix: 'hand some of the manager\'s accounts to another manager (`manager:` in the account file), or raise the limit',
  check({ accounts, portfolio }) {
    const over = portfolio.managers.filter((load) => load.over);
    if (over.length === 0) return [];
    // Linear: the portfolio already lists each manager's accounts, and one map finds their files.
    const byId = new Map(accounts.map((a) => [a.id, a]));
    return over.flatMap((load) => {
        const owned = load.accountIds;
        // One finding per manager (one person, however the name is spelled), at the `manager:`
        // line of the first of their accounts (by id); the message names all of them.
        const first = byId.get(owned[0]!);
        if (!first) return [];
        const where = whereIn(first, first.id, ['manager']);
        const message = `${load.manager} manages ${load.accounts} tiered accounts (${owned.join(', ')}) but limits.max_accounts_per_manager is ${load.limit}; hand some to another manager or raise the limit`;
        return [makeFinding(managerOverCapacity, where, message, { manager: load.manager })];
      });
  },
};
