import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { STAKEHOLDER_ROLE_LABELS } from '../../schema/enums.js';
import { presentOnly } from '../../relationships/gone.js';
import type { Rule } from '../rule.js';

export const missingStakeholderRole: Rule = {
  id: 'missing_stakeholder_role',
  severity: 'warning',
  example: '# the tier profile asks for stakeholder_roles: [economic_buyer]\nstakeholders:\n  - { name: Dana Reyes, role: champion }',
  description: 'a role of the tier profile\'s `stakeholder_roles` (kam.yaml `profiles`) that no stakeholder of the plan has',
  fix: 'find out who plays that part at the account and add them under `stakeholders:` with that `role`',
  check({ plans, requirements, today }) {
    return plans.flatMap((plan) => {
      const { stakeholderRoles, profile } = requirements(plan.id);
      if (stakeholderRoles.length === 0) return [];
      // A gone stakeholder leaves their role open (spec 1.2, section 6).
      const held = new Set(presentOnly(plan.value.stakeholders, today).map((s) => s.role));
      // At the `stakeholders:` key; a plan without one is located at its root mapping.
      const where = whereIn(plan, plan.id, ['stakeholders'], true);
      return stakeholderRoles
        .filter((role) => !held.has(role as never))
        .map((role) =>
          makeFinding(missingStakeholderRole, where, `no stakeholder is the ${STAKEHOLDER_ROLE_LABELS[role] ?? role} (${role}), which ${profile} asks for; add them under stakeholders: with role: ${role}`, { role }),
        );
    });
  },
};
