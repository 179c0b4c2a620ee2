// spec 1.2, section 4: contracts and renewals.
import { addDays } from '../util/dates.js';
import type { Contract } from '../schema/account.js';

/** A contract is settled when its renewal is `renewed` or `lost`. */
export const isSettled = (c: Pick<Contract, 'renewal'>) => c.renewal === 'renewed' || c.renewal === 'lost';

/** The decision day: end - notice_days. */
export const decisionDay = (c: Pick<Contract, 'end' | 'notice_days'>) => addDays(c.end, -c.notice_days);

/** Renewal statuses whose value counts as at risk: nobody has assessed it, or someone fears it. */
export const isAtRiskStatus = (c: Pick<Contract, 'renewal'>) => c.renewal === 'unknown' || c.renewal === 'at_risk';

export interface RenewalFigures {
  /** Sum of value of unsettled contracts with today <= end <= today + assess_days; null when the account lists no contracts. */
  renewing: number | null;
  /** The part of renewing whose renewal is unknown or at_risk. */
  at_risk: number | null;
  /** The contracts in that window, in file order, with their index in `contracts`. */
  window: { index: number; contract: Contract; decision: string }[];
}

/** What comes up for renewal within `assessDays` of `today`. */
export function renewalFigures(contracts: readonly Contract[] | undefined, assessDays: number, today: string): RenewalFigures {
  if (!contracts || contracts.length === 0) return { renewing: null, at_risk: null, window: [] };
  const horizon = addDays(today, assessDays);
  let renewing = 0;
  let atRisk = 0;
  const window: RenewalFigures['window'] = [];
  contracts.forEach((contract, index) => {
    if (isSettled(contract) || contract.end < today || contract.end > horizon) return;
    renewing += contract.value ?? 0;
    if (isAtRiskStatus(contract)) atRisk += contract.value ?? 0;
    window.push({ index, contract, decision: decisionDay(contract) });
  });
  return { renewing, at_risk: atRisk, window };
}

/** The unsettled contract that ends first (ended ones included: they are overdue), or null. */
export function nextRenewal(contracts: readonly Contract[] | undefined): Contract | null {
  let next: Contract | null = null;
  for (const c of contracts ?? []) if (!isSettled(c) && (next === null || c.end < next.end)) next = c;
  return next;
}
