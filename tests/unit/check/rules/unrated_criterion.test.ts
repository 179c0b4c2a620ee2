import { expect } from 'vitest';
import { ruleTester } from '../../../helpers/ruleTester.js';
import { unratedCriterion } from '../../../../src/check/rules/unrated_criterion.js';

ruleTester(unratedCriterion, {
  valid: [{ name: 'is quiet when every criterion is rated' }],
  invalid: [
    {
      name: 'reports each unrated criterion at the ratings line',
      account: (a) => a.replace('  growth: 5\n', ''),
      errors: [{ severity: 'warning', account: 'acme', file: 'accounts/acme.yaml', line: 3, column: 1, criterion: 'growth' }],
    },
    {
      name: 'reports an account that rates nothing once, at its root, without a criterion field',
      account: '# new prospect\nname: Acme\n',
      errors: [{ line: 2, column: 1, message: expect.stringContaining('revenue, growth') }],
      assert(found) {
        expect(found[0]!.criterion).toBeUndefined();
      },
    },
  ],
});
