// The rule ids kam knows, in the spec's order (docs/format.md, "Findings"). Kept beside the schema
// because kam.yaml's `rules:` section is validated against it. Each rule's default severity lives on
// its rule object (src/check/rules/, src/findings/loadingRules.ts); RULE_DEFAULTS in
// src/check/registry.ts is derived from them.

export const SEVERITIES = ['error', 'warning', 'off'] as const;
export type Severity = 'error' | 'warning';
export type SeveritySetting = (typeof SEVERITIES)[number];

export const RULE_IDS = [
  'yaml_syntax',
  'duplicate_key',
  'schema',
  'id_mismatch',
  'duplicate_id',
  'duplicate_crm_id',
  'unknown_account',
  'duplicate_account',
  'missing_plan',
  'unanswered_question',
  'missing_role',
  'action_without_owner',
  'action_without_due',
  'action_overdue',
  'stale_plan',
  'unrated_criterion',
  'too_many_key_accounts',
  'manager_over_capacity',
  'no_decision_maker',
  'unknown_reference',
  'whitespace_unassessed',
  'missing_stakeholder_role',
  'stakeholder_without_owner',
  'single_threaded',
  'stakeholder_not_contacted',
  'owner_not_on_team',
  'reporting_cycle',
  'no_actions',
  'stale_health_input',
  'person_spelling',
  'unknown_person',
  'stakeholder_left',
  'too_few_threads',
  'objective_without_action',
  'objective_overdue',
  'pipeline_short',
  'opportunity_past_close',
  'wallet_exceeded',
  'renewal_unassessed',
  'renewal_at_risk',
  'contract_ended',
  'unprofitable_key_account',
  'signoff_outdated',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
