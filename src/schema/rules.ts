// The rule ids kam knows and their default severities (docs/format.md, "Findings").
// Kept beside the schema because kam.yaml's `rules:` section is validated against it.

export const SEVERITIES = ['error', 'warning', 'off'] as const;
export type Severity = 'error' | 'warning';
export type SeveritySetting = (typeof SEVERITIES)[number];

export const RULE_DEFAULTS = {
  yaml_syntax: 'error',
  duplicate_key: 'error',
  schema: 'error',
  id_mismatch: 'error',
  duplicate_id: 'error',
  duplicate_crm_id: 'error',
  unknown_account: 'error',
  duplicate_account: 'warning',
  missing_plan: 'error',
  unanswered_question: 'warning',
  missing_role: 'warning',
  action_without_owner: 'error',
  action_without_due: 'warning',
  action_overdue: 'warning',
  stale_plan: 'warning',
  unrated_criterion: 'warning',
  too_many_key_accounts: 'warning',
  manager_over_capacity: 'warning',
  no_decision_maker: 'warning',
  unknown_reference: 'error',
  whitespace_unassessed: 'warning',
  missing_stakeholder_role: 'warning',
  stakeholder_without_owner: 'warning',
  single_threaded: 'warning',
  stakeholder_not_contacted: 'warning',
  owner_not_on_team: 'warning',
  reporting_cycle: 'error',
  no_actions: 'warning',
  stale_health_input: 'warning',
  person_spelling: 'warning',
  unknown_person: 'warning',
  stakeholder_left: 'warning',
  too_few_threads: 'warning',
  objective_without_action: 'warning',
  objective_overdue: 'warning',
  pipeline_short: 'warning',
  opportunity_past_close: 'warning',
  wallet_exceeded: 'warning',
  renewal_unassessed: 'warning',
  renewal_at_risk: 'warning',
  contract_ended: 'warning',
  unprofitable_key_account: 'warning',
  signoff_outdated: 'warning',
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof RULE_DEFAULTS;
export const RULE_IDS = Object.keys(RULE_DEFAULTS) as RuleId[];
