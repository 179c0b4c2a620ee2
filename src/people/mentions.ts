import type { LoadedAccount, LoadedPlan } from '../load/loadRepo.js';
import type { Account } from '../schema/account.js';
import type { Plan } from '../schema/plan.js';
import { samePerson } from './people.js';

/** One place a person is named: a manager, team member, stakeholder owner or contact, action or risk owner. */
export interface Mention {
  name: string;
  loaded: LoadedAccount | LoadedPlan;
  account: string;
  path: (string | number)[];
  /**
   * Whose person this is. `us`: our people, the ones kam.yaml `people:` lists (managers, team,
   * stakeholder owners and contacts, risk owners, owners of our actions). `customer`: the owner of
   * an action with `side: customer`, and of a `joint` action when the name is a stakeholder of the
   * plan; the customer's people are never in `people:`, so no rule may ask to add them there.
   */
  side: 'us' | 'customer';
}

/** Every person named in the valid accounts and plans, in file order (accounts by id, then plans by id). */
export function personMentions(accounts: (LoadedAccount & { value: Account })[], plans: (LoadedPlan & { value: Plan })[]): Mention[] {
  const out: Mention[] = [];
  const add = (name: unknown, loaded: LoadedAccount | LoadedPlan, account: string, path: (string | number)[], side: Mention['side'] = 'us') => {
    if (typeof name === 'string' && name.trim() !== '') out.push({ name, loaded, account, path, side });
  };
  for (const a of accounts) add(a.value.manager, a, a.id, ['manager']);
  for (const p of plans) {
    const plan = p.value;
    plan.team.forEach((m, i) => add(m.name, p, p.id, ['team', i, 'name']));
    plan.stakeholders.forEach((s, i) => {
      add(s.owner, p, p.id, ['stakeholders', i, 'owner']);
      s.contacts?.forEach((c, j) => add(c, p, p.id, ['stakeholders', i, 'contacts', j]));
    });
    const theirs = (owner: string | null | undefined, side: Plan['actions'][number]['side']) =>
      side === 'customer' || (side === 'joint' && typeof owner === 'string' && plan.stakeholders.some((s) => samePerson(s.name, owner)));
    plan.actions.forEach((x, i) => add(x.owner, p, p.id, ['actions', i, 'owner'], theirs(x.owner, x.side) ? 'customer' : 'us'));
    plan.risks.forEach((r, i) => add(r.owner, p, p.id, ['risks', i, 'owner']));
  }
  return out;
}
