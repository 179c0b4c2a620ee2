import { expect } from 'vitest';
import { tooManyKeyAccounts } from '../../../../src/check/rules/too_many_key_accounts.js';
import { ruleTester } from '../../../helpers/ruleTester.js';
import { key, planFor } from './portfolio.js';

ruleTester(tooManyKeyAccounts, {
  valid: [
    {
      name: 'exactly at the limit is fine; untiered accounts do not count',
      files: { 'accounts/b.yaml': key('Bea'), 'plans/b.yaml': planFor('b'), 'accounts/c.yaml': 'name: C\nratings: { revenue: 1, growth: 1 }\n' },
    },
  ],
  invalid: [
    {
      name: 'more tiered accounts than the limit, at the limit in kam.yaml',
      files: { 'accounts/b.yaml': key('Bea'), 'plans/b.yaml': planFor('b'), 'accounts/c.yaml': 'name: C\nmanager: Cy\nratings: { revenue: 2, growth: 2 }\n' },
      errors: [{ severity: 'warning', account: null, file: 'kam.yaml', line: 11, column: 21, message: expect.stringContaining('3 accounts are tiered') }],
    },
  ],
});
