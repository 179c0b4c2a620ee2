// One identity of a shared item (signoff/sharedChanges' sharedItemKey): what a voided agreement
// lists and what the customer's QBR calls added match items the same way.
import { describe, expect, it } from 'vitest';
import { loadRepo, type Repo } from '../../../src/load/loadRepo.js';
import { buildCustomerQbrModel } from '../../../src/render/customer.js';
import { sharedChanges, sharedItemKey } from '../../../src/signoff/sharedChanges.js';
import { makeRepo } from '../../helpers/tmpRepo.js';

const plan = (pilot: string, due: string) => `account: acme
objectives:
  - { title: "${pilot}", shared: true }
actions:
  - { title: "${pilot}", owner: Maja Holm, due: ${due}, shared: true }
  - { title: Workshop, side: customer, shared: true }
kpis:
  - { name: "${pilot}", target: 14, shared: true }
`;

async function repoWith(text: string): Promise<Repo> {
  const loaded = await loadRepo(makeRepo({ 'accounts/acme.yaml': 'name: Acme\n', 'plans/acme.yaml': text }), { cache: false });
  if (!loaded.ok) throw new Error('invalid config');
  return loaded.repo;
}

const planOf = (repo: Repo) => repo.plans[0]!.value!;

describe('sharedItemKey', () => {
  it('is the title (or a KPI name), trimmed', () => {
    expect(sharedItemKey({ title: '  Pilot \t' })).toBe('Pilot');
    expect(sharedItemKey({ name: 'NPS ' })).toBe('NPS');
    expect(sharedItemKey({ title: 'Pilot' })).not.toBe(sharedItemKey({ title: 'pilot' }));
  });
});

describe('sharedChanges', () => {
  it('lists a title that only gained spaces as the same item changed (the digest sees it), not removed and added', async () => {
    // The plan schema trims what it reads; another tool's plan object may not.
    const shared = (title: string, due: string) => ({
      objectives: [{ title, shared: true }],
      actions: [{ title, owner: 'Maja Holm', due, shared: true, side: 'us', status: 'open' }],
      kpis: [{ name: title, target: 14, shared: true }],
    }) as unknown as Parameters<typeof sharedChanges>[0];
    const then = shared('Pilot', '2027-01-31');
    const now = shared('Pilot ', '2027-02-28');
    expect(sharedChanges(then, now)).toEqual([
      { kind: 'objective', item: 'Pilot ', change: 'changed', fields: ['title "Pilot" → "Pilot "'] },
      { kind: 'action', item: 'Pilot ', change: 'changed', fields: ['title "Pilot" → "Pilot "', 'due 2027-01-31 → 2027-02-28'] },
      { kind: 'kpi', item: 'Pilot ', change: 'changed', fields: ['name "Pilot" → "Pilot "'] },
    ]);
  });

  it('lists items added and removed by their identity, unchanged ones not at all', async () => {
    const then = planOf(await repoWith(plan('Pilot', '2027-01-31')));
    const now = planOf(await repoWith(plan('Rollout', '2027-01-31')));
    expect(sharedChanges(then, then)).toEqual([]);
    expect(sharedChanges(then, now).map((c) => [c.kind, c.item, c.change])).toEqual([
      ['objective', 'Rollout', 'added'], ['objective', 'Pilot', 'removed'],
      ['action', 'Rollout', 'added'], ['action', 'Pilot', 'removed'],
      ['kpi', 'Rollout', 'added'], ['kpi', 'Pilot', 'removed'],
    ]);
  });

  it('matches items as the customer QBR does: what one calls added, the other does too', async () => {
    const thenRepo = await repoWith(plan('Pilot', '2027-01-31'));
    for (const [title, added] of [[' Pilot', false], ['Rollout', true]] as const) {
      const nowRepo = await repoWith(plan(title, '2027-01-31'));
      const review = buildCustomerQbrModel(nowRepo, 'acme', '2026-12-01', { rev: 'v1', repo: thenRepo }, 90).review.changes!;
      const listed = sharedChanges(planOf(thenRepo), planOf(nowRepo)).filter((c) => c.change === 'added').map((c) => [c.kind, c.item]);
      expect(review.actionsAdded.map((t) => ['action', t])).toEqual(listed.filter(([k]) => k === 'action'));
      expect(review.objectivesAdded.map((t) => ['objective', t])).toEqual(listed.filter(([k]) => k === 'objective'));
      expect(listed.length > 0).toBe(added);
    }
  });
});
