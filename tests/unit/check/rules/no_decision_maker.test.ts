import { noDecisionMaker } from '../../../../src/check/rules/no_decision_maker.js';
import { ruleTester } from '../../../helpers/ruleTester.js';

ruleTester(noDecisionMaker, {
  valid: [{ name: 'accepts an economic buyer', plan: (p) => p.replace('role: decision_maker', 'role: economic_buyer') }],
  invalid: [
    {
      name: 'reports a plan without a decision maker or economic buyer, at the stakeholders line',
      plan: (p) => p.replace('role: decision_maker', 'role: champion'),
      errors: [{ severity: 'warning', account: 'acme', file: 'plans/acme.yaml', line: 5, column: 1 }],
    },
    {
      name: 'locates at the plan root when there are no stakeholders',
      plan: (p) => p.replace('stakeholders:\n  - { name: Bo, role: decision_maker, owner: Ann }\n', ''),
      errors: [{ line: 1, column: 1 }],
    },
  ],
});
