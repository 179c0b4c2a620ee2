import { expect } from 'vitest';
import { ruleTester } from '../../../helpers/ruleTester.js';
import { actionOverdue } from '../../../../src/check/rules/action_overdue.js';
import { withActions } from './actions.js';

ruleTester(actionOverdue, {
  valid: [
    {
      name: 'never for done or blocked actions, nor one due today',
      plan: withActions('  - { title: A, owner: Ann, due: 2026-01-01, status: done }\n  - { title: B, owner: Ann, due: 2026-01-01, status: blocked }\n  - { title: C, owner: Ann, due: 2026-11-23 }\n'),
    },
  ],
  invalid: [
    {
      name: 'an open action due before today, at its due date',
      plan: withActions('  - title: Late\n    owner: Ann\n    due: 2026-11-22\n    status: open\n'),
      errors: [{ severity: 'warning', account: 'acme', file: 'plans/acme.yaml', line: 13, column: 10 }],
      assert(found) {
        expect(found[0]!.message).toContain('2026-11-22 (1 day ago)');
      },
    },
  ],
});
