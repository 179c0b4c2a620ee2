import { expect } from 'vitest';
import { ruleTester } from '../../../helpers/ruleTester.js';
import { missingPlan } from '../../../../src/check/rules/missing_plan.js';
import { CONFIG } from '../../../helpers/ruleTester.js';

ruleTester(missingPlan, {
  valid: [
    {
      name: 'needs no plan for a tier outside key_tiers, nor for an untiered or unrated account',
      files: {
        'accounts/watch.yaml': 'name: Watch\nratings: { revenue: 2, growth: 2 }\n',
        'accounts/small.yaml': 'name: Small\nratings: { revenue: 1, growth: 1 }\n',
        'accounts/new.yaml': 'name: New\n',
      },
    },
  ],
  invalid: [
    {
      name: 'reports an account in a key tier without a plan, at its name',
      files: { 'accounts/beta.yaml': '# Beta\nname: Beta\nmanager: Bob\nratings: { revenue: 4, growth: 4 }\n' },
      errors: [{ severity: 'error', account: 'beta', file: 'accounts/beta.yaml', line: 2, column: 1 }],
      assert(found) {
        expect(found[0]!.message).toContain('Key');
        expect(found[0]!.message).toContain('plans/beta.yaml');
      },
    },
    {
      name: 'treats every tier as key when key_tiers is left out',
      config: CONFIG.replace('key_tiers: [Key]\n', ''),
      files: { 'accounts/watch.yaml': 'name: Watch\nratings: { revenue: 2, growth: 2 }\n' },
      errors: [{ account: 'watch', line: 1, column: 1 }],
    },
  ],
});
