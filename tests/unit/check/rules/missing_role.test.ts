import { missingRole } from '../../../../src/check/rules/missing_role.js';
import { ruleTester } from '../../../helpers/ruleTester.js';

ruleTester(missingRole, {
  valid: [
    {
      name: 'is satisfied when the roles are spread over several members',
      plan: (p) => p.replace('  - { name: Ann, roles: [lead, expert] }', '  - { name: Ann, roles: [lead] }\n  - { name: Cy, roles: [expert] }'),
    },
  ],
  invalid: [
    {
      name: 'reports each role no team member holds, at the team line',
      plan: (p) => p.replace('roles: [lead, expert]', 'roles: [lead]'),
      errors: [{ severity: 'warning', account: 'acme', file: 'plans/acme.yaml', line: 3, column: 1, role: 'expert' }],
    },
    {
      name: 'locates at the plan root when there is no team, one finding per role',
      plan: (p) => `# comment\n${p.replace('team:\n  - { name: Ann, roles: [lead, expert] }\n', '')}`,
      errors: [{ role: 'lead', line: 2, column: 1 }, { role: 'expert', line: 2, column: 1 }],
    },
  ],
});
