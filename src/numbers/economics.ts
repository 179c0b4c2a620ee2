// spec 1.2, section 5: economics.
import type { Account } from '../schema/account.js';

/** contribution = revenue.current x gross_margin - cost_to_serve; null unless all three are given. */
export function contribution(account: Pick<Account, 'revenue' | 'economics'>): number | null {
  const current = account.revenue?.current;
  const margin = account.economics?.gross_margin;
  const cost = account.economics?.cost_to_serve;
  if (current === undefined || margin === undefined || cost === undefined) return null;
  return current * margin - cost;
}
