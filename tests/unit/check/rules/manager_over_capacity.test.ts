import { expect, it } from 'vitest';
import { ruleTester } from '../../../helpers/ruleTester.js';
import { checkRepo } from '../../../../src/check/checkRepo.js';
import { managerOverCapacity } from '../../../../src/check/rules/manager_over_capacity.js';
import { loadRepo } from '../../../../src/load/loadRepo.js';
import { CONFIG, TODAY } from '../../../helpers/ruleTester.js';
import { makeRepo } from '../../../helpers/tmpRepo.js';
import { key, planFor } from './portfolio.js';

const roomy = CONFIG.replace('max_key_accounts: 2', 'max_key_accounts: 20');

ruleTester(managerOverCapacity, {
  valid: [
    {
      name: 'a manager exactly at the limit is fine',
      files: { 'accounts/b.yaml': key('Ann'), 'plans/b.yaml': planFor('b'), 'accounts/c.yaml': 'name: C\nmanager: Ann\nratings: { revenue: 1, growth: 1 }\n' },
    },
  ],
  invalid: [
    {
      name: 'one finding per manager, at the manager line of their first account',
      config: roomy,
      files: { 'accounts/b.yaml': key('Ann'), 'plans/b.yaml': planFor('b'), 'accounts/c.yaml': key('Ann'), 'plans/c.yaml': planFor('c') },
      errors: [{ severity: 'warning', account: 'acme', file: 'accounts/acme.yaml', line: 2, column: 10, manager: 'Ann', message: expect.stringContaining('3 tiered accounts (acme, b, c)') }],
    },
    {
      name: 'counts people, not strings: "ann" and "Ann  " are Ann',
      config: roomy,
      files: { 'accounts/b.yaml': key('ann'), 'plans/b.yaml': planFor('b'), 'accounts/c.yaml': key('"Ann  "'), 'plans/c.yaml': planFor('c') },
      errors: [{ message: expect.stringContaining('Ann manages 3 tiered accounts (acme, b, c)') }],
    },
  ],
});

it('manager_over_capacity finds each of 300 managers over capacity among 3,000 accounts, once', async () => {
  const files: Record<string, string> = { 'kam.yaml': CONFIG.replace('max_key_accounts: 2', 'max_key_accounts: 100000').replace('max_accounts_per_manager: 2', 'max_accounts_per_manager: 5') };
  for (let i = 0; i < 3000; i++) files[`accounts/a${i}.yaml`] = key(`Manager ${i % 300}`);
  const root = makeRepo(files);
  const loaded = await loadRepo(root);
  if (!loaded.ok) throw new Error('did not load');
  // Its time at scale is the bench's business (npm run bench), never a test's.
  const found = checkRepo(loaded.repo, { today: TODAY, rules: { missing_plan: 'off' } }).findings.filter((f) => f.rule === 'manager_over_capacity');
  expect(found).toHaveLength(300);
  expect(new Set(found.map((f) => f.manager)).size).toBe(300);
  expect(found.find((f) => f.manager === 'Manager 7')!.message).toContain('Manager 7 manages 10 tiered accounts');
});
