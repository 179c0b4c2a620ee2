import { actionWithoutDue } from '../../../../src/check/rules/action_without_due.js';
import { ruleTester } from '../../../helpers/ruleTester.js';
import { withActions } from './actions.js';

ruleTester(actionWithoutDue, {
  valid: [{ name: 'a done action needs no due date', plan: withActions('  - { title: C, owner: Ann, status: done }\n') }],
  invalid: [
    {
      name: 'open and blocked actions need a due date, done ones do not',
      plan: withActions('  - { title: A, owner: Ann }\n  - { title: B, owner: Ann, status: blocked, due: }\n  - { title: C, owner: Ann, status: done }\n'),
      errors: [{ severity: 'warning', line: 11, column: 5 }, { severity: 'warning', line: 12, column: 46 }],
    },
  ],
});
