import { expect } from 'vitest';
import { ruleTester } from '../../../helpers/ruleTester.js';
import { actionWithoutOwner } from '../../../../src/check/rules/action_without_owner.js';
import { withActions } from './actions.js';

ruleTester(actionWithoutOwner, {
  valid: [{ name: 'an action with an owner', plan: withActions('  - { title: D, owner: Ann, due: 2026-12-01 }\n') }],
  invalid: [
    {
      name: 'at the action, or at an empty owner key, whatever the status',
      plan: withActions('  - { title: A, due: 2026-12-01 }\n  - title: B\n    owner:\n    due: 2026-12-01\n  - { title: C, owner: "  ", status: done }\n  - { title: D, owner: Ann, due: 2026-12-01 }\n'),
      errors: [{ severity: 'error', line: 11, column: 5 }, { severity: 'error', line: 13, column: 5 }, { severity: 'error', line: 15, column: 17 }],
      assert(found) {
        expect(found[0]!.message).toContain('"A"');
      },
    },
  ],
});
