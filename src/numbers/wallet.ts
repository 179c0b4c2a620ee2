// spec 1.2, section 3: wallet share.
import { pushTo } from '../util/group.js';
import type { Plan } from '../schema/plan.js';

type Entry = Plan['whitespace'][number];

export interface WalletFigures {
  /** Sum of `wallet` over the entries that have one; null when none does. */
  wallet: number | null;
  /** Sum of `value` of the won entries that have a wallet. */
  wonInWallet: number;
  /** wonInWallet / wallet; null without a wallet (or a wallet of 0: nothing to share). */
  share: number | null;
}

/** An account's wallet and our share of it, from its plan's whitespace. */
export function walletFigures(plan: Pick<Plan, 'whitespace'>): WalletFigures {
  return walletOf(plan.whitespace);
}

/** Wallet and share over any set of entries (one plan's, or one offering's across the portfolio). */
export function walletOf(entries: readonly Entry[]): WalletFigures {
  let wallet: number | null = null;
  let wonInWallet = 0;
  for (const w of entries) {
    if (w.wallet === undefined) continue;
    wallet = (wallet ?? 0) + w.wallet;
    if (w.status === 'won') wonInWallet += w.value ?? 0;
  }
  return { wallet, wonInWallet, share: wallet !== null && wallet > 1e-9 ? wonInWallet / wallet : null };
}

/** Per offering across plans: sum of won value / sum of wallet over the entries that have a wallet (the portfolio whitespace). */
export function offeringShares(plans: readonly Pick<Plan, 'whitespace'>[]): Map<string, WalletFigures> {
  const byOffering = new Map<string, Entry[]>();
  for (const p of plans) for (const w of p.whitespace) pushTo(byOffering, w.offering, w);
  return new Map([...byOffering].map(([id, entries]) => [id, walletOf(entries)]));
}
