import type { Rule } from '../rule.js';
import { actionOverdue } from './action_overdue.js';
import { actionWithoutDue } from './action_without_due.js';
import { actionWithoutOwner } from './action_without_owner.js';
import { managerOverCapacity } from './manager_over_capacity.js';
import { missingPlan } from './missing_plan.js';
import { missingRole } from './missing_role.js';
import { noDecisionMaker } from './no_decision_maker.js';
import { personSpelling } from './person_spelling.js';
import { unknownPerson } from './unknown_person.js';
import { stalePlan } from './stale_plan.js';
import { tooManyKeyAccounts } from './too_many_key_accounts.js';
import { unansweredQuestion } from './unanswered_question.js';
import { unratedCriterion } from './unrated_criterion.js';

/** Every rule `kam check` runs (loading adds yaml_syntax, duplicate_key, schema and the id rules). */
export const RULES: Rule[] = [
  missingPlan,
  unansweredQuestion,
  missingRole,
  actionWithoutOwner,
  actionWithoutDue,
  actionOverdue,
  stalePlan,
  unratedCriterion,
  tooManyKeyAccounts,
  managerOverCapacity,
  noDecisionMaker,
  personSpelling,
  unknownPerson,
];
