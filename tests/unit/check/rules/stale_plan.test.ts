import { expect } from 'vitest';
import { ruleTester } from '../../../helpers/ruleTester.js';
import { stalePlan } from '../../../../src/check/rules/stale_plan.js';

const unreviewed = (p: string) => p.replace('last_reviewed: 2026-11-01\n', '');

ruleTester(stalePlan, {
  valid: [
    { name: 'accepts a review exactly cadence_days ago', plan: (p) => p.replace('2026-11-01', '2026-10-24') },
    { name: 'without last_reviewed, a recent last commit in git history', plan: unreviewed, options: { lastCommitDate: () => '2026-11-20' } },
  ],
  invalid: [
    {
      name: 'reports a last_reviewed older than the cadence, at the date',
      plan: (p) => p.replace('2026-11-01', '2026-10-23'),
      errors: [{ severity: 'warning', line: 2, column: 16, message: expect.stringContaining('2026-10-23, 31 days ago') }],
    },
    {
      name: 'without last_reviewed, says the plan was never reviewed (at the plan root)',
      plan: unreviewed,
      errors: [{ line: 1, column: 1, message: expect.stringContaining('never been reviewed') }],
    },
    {
      name: 'without last_reviewed, judges by the last commit date when git history is available',
      plan: unreviewed,
      options: { lastCommitDate: () => '2026-09-01' },
      errors: [{ message: expect.stringContaining('last changed in git on 2026-09-01, 83 days ago') }],
    },
    {
      name: 'without last_reviewed and with no commit of the plan in git history',
      plan: unreviewed,
      options: { lastCommitDate: () => undefined },
      errors: [{ message: expect.stringContaining('no commit in git history') }],
    },
  ],
});
