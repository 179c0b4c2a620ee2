import type { Rule } from '../rule.js';
import { actionOverdue } from './action_overdue.js';
import { actionWithoutDue } from './action_without_due.js';
import { actionWithoutOwner } from './action_without_owner.js';
import { duplicateCrmId } from './duplicate_crm_id.js';
import { duplicateAccount } from './duplicate_account.js';
import { managerOverCapacity } from './manager_over_capacity.js';
import { missingPlan } from './missing_plan.js';
import { missingRole } from './missing_role.js';
import { missingStakeholderRole } from './missing_stakeholder_role.js';
import { noDecisionMaker } from './no_decision_maker.js';
import { ownerNotOnTeam } from './owner_not_on_team.js';
import { reportingCycle } from './reporting_cycle.js';
import { singleThreaded } from './single_threaded.js';
import { stakeholderNotContacted } from './stakeholder_not_contacted.js';
import { stakeholderWithoutOwner } from './stakeholder_without_owner.js';
import { noActions } from './no_actions.js';
import { staleHealthInput } from './stale_health_input.js';
import { personSpelling } from './person_spelling.js';
import { unknownPerson } from './unknown_person.js';
import { signoffOutdated } from './signoff_outdated.js';
import { stalePlan } from './stale_plan.js';
import { tooManyKeyAccounts } from './too_many_key_accounts.js';
import { unansweredQuestion } from './unanswered_question.js';
import { unknownReference } from './unknown_reference.js';
import { unratedCriterion } from './unrated_criterion.js';
import { whitespaceUnassessed } from './whitespace_unassessed.js';
import { stakeholderLeft } from './stakeholder_left.js';
import { tooFewThreadsRule } from './too_few_threads.js';
// spec 1.2, sections 1-5: the numbers.
import { objectiveWithoutAction } from './objective_without_action.js';
import { objectiveOverdue } from './objective_overdue.js';
import { pipelineShort } from './pipeline_short.js';
import { opportunityPastClose } from './opportunity_past_close.js';
import { walletExceeded } from './wallet_exceeded.js';
import { renewalUnassessed } from './renewal_unassessed.js';
import { renewalAtRisk } from './renewal_at_risk.js';
import { contractEnded } from './contract_ended.js';
import { unprofitableKeyAccount } from './unprofitable_key_account.js';

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
  duplicateCrmId,
  duplicateAccount,
  whitespaceUnassessed,
  missingStakeholderRole,
  stakeholderWithoutOwner,
  singleThreaded,
  stakeholderNotContacted,
  ownerNotOnTeam,
  unknownReference,
  reportingCycle,
  noActions,
  staleHealthInput,
  personSpelling,
  unknownPerson,
  stakeholderLeft,
  tooFewThreadsRule,
  objectiveWithoutAction,
  objectiveOverdue,
  pipelineShort,
  opportunityPastClose,
  walletExceeded,
  renewalUnassessed,
  renewalAtRisk,
  contractEnded,
  unprofitableKeyAccount,
  signoffOutdated,
];
