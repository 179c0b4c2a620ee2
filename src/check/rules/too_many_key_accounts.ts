import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import type { Rule } from '../rule.js';

export const tooManyKeyAccounts: Rule = {
  id: 'too_many_key_accounts',
  severity: 'warning',
  example: 'limits: { max_key_accounts: 2 }  # and three accounts score into a tier',
  description: 'more tiered (key) accounts in the portfolio than `limits.max_key_accounts` (default 25)',
  fix: 'focus: lower some ratings or raise tier thresholds so fewer accounts are tiered, or raise the limit',
  portfolio: true,
  check({ repo, portfolio }) {
    const { count, limit, over } = portfolio.keyAccounts;
    if (!over) return [];
    const cfg = repo.configFile;
    const where = whereIn(cfg, null, ['limits', 'max_key_accounts']);
    return [makeFinding(tooManyKeyAccounts, where, `${count} accounts are tiered but limits.max_key_accounts is ${limit}; tier fewer accounts or raise the limit`)];
  },
};
