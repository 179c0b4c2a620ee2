import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { contribution } from '../../numbers/economics.js';
import { amount } from '../../numbers/format.js';
import { keyTierNames } from '../../schema/keyTiers.js';
import type { Rule } from '../rule.js';

export const unprofitableKeyAccount: Rule = {
  id: 'unprofitable_key_account',
  severity: 'warning',
  example: 'a key account whose contribution (margin less cost to serve) is below 0',
  description: 'a key account whose contribution, revenue.current x economics.gross_margin - economics.cost_to_serve, is below 0',
  fix: 'lower the cost to serve, raise the margin, or reconsider the account\'s tier',
  check({ accounts, scores, repo }) {
    const key = new Set(keyTierNames(repo.config));
    return accounts.flatMap((account) => {
      if (!account.value.economics) return [];
      const tier = scores.get(account.id)?.tier;
      const c = contribution(account.value);
      if (c === null || c >= -1e-9 || !tier || !key.has(tier)) return [];
      const cur = repo.config.currency;
      const e = account.value.economics;
      const where = whereIn(account, account.id, ['economics']);
      return [makeFinding(unprofitableKeyAccount, where, `${tier} account loses ${amount(-c, cur)} a year: ${amount(account.value.revenue!.current!, cur)} x ${e.gross_margin} margin - ${amount(e.cost_to_serve!, cur)} cost to serve = ${amount(c, cur)}; lower the cost to serve or reconsider the tier`)];
    });
  },
};
