import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import type { Rule } from '../rule.js';

export const missingRole: Rule = {
  id: 'missing_role',
  severity: 'warning',
  example: 'team:\n  - { name: Pat Lee, roles: [lead] }  # kam.yaml roles also lists sponsor',
  description: 'an account-team role that no member of the plan\'s `team` holds: every role of kam.yaml `roles`, or the `roles` of the profile of the account\'s tier',
  fix: 'add the role to a team member\'s `roles`, or add a team member who holds it',
  check({ plans, requirements }) {
    return plans.flatMap((plan) => {
      const held = new Set(plan.value.team.flatMap((member) => member.roles));
      const missing = requirements(plan.id).roles.filter((role) => !held.has(role.id));
      if (missing.length === 0) return [];
      // At the `team:` line; a plan without one is located at its root mapping.
      const where = whereIn(plan, plan.id, ['team'], true);
      return missing.map((role) => makeFinding(missingRole, where, `no one on the account team is ${role.label} (${role.id}); add the role to a member under team:`, { role: role.id }));
    });
  },
};
