import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { amount } from '../../numbers/format.js';
import type { Rule } from '../rule.js';

export const walletExceeded: Rule = {
  id: 'wallet_exceeded',
  severity: 'warning',
  example: 'a won whitespace entry of value 120000 in a center whose wallet is 100000',
  description: 'a `won` whitespace entry whose `value` is more than its `wallet` (the customer\'s whole spend on it): one of the two is wrong',
  fix: 'correct the `value` we win or the `wallet` the customer spends',
  check({ plans, repo }) {
    return plans.flatMap((plan) =>
      plan.value.whitespace.flatMap((w, i) => {
        if (w.status !== 'won' || w.value === undefined || w.wallet === undefined || w.value <= w.wallet + 1e-9) return [];
        const cur = repo.config.currency;
        const where = whereIn(plan, plan.id, ['whitespace', i, 'value']);
        return [makeFinding(walletExceeded, where, `${w.center} x ${w.offering}: we win ${amount(w.value, cur)}, more than the customer's whole wallet of ${amount(w.wallet, cur)}; correct value or wallet`, { center: w.center })];
      }),
    );
  },
};
