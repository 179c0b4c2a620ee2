// A kam.yaml, account and plan that fill every field the schema has, for the customer allowlist tests.
// OK_ values may appear in the customer's document; S_ values (and the numbers 98710xx) never.
export const FULL_CONFIG = `version: 1
organization: OK_ORG
currency: EUR
scoring:
  scale: { min: 1, max: 5 }
  criteria:
    - { id: revenue, label: S_criterion_label, weight: 1, axis: current, description: S_criterion_desc }
    - { id: growth, label: S_criterion2_label, weight: 1, axis: potential }
  tiers:
    - { name: S_TIER_ONE, min: 50 }
  untiered: S_UNTIERED
  matrix_threshold: 50
  quadrants:
    high_current_high_potential: S_Q_HH
    low_current_high_potential: S_Q_LH
    high_current_low_potential: S_Q_HL
    low_current_low_potential: S_Q_LL
roles:
  - { id: lead, label: OK_ROLE_LEAD, description: S_role_desc }
  - { id: expert, label: OK_ROLE_EXPERT }
checklist:
  categories:
    - id: team
      title: S_category_title
      questions:
        - { id: team.sponsor, text: S_question_text, help: S_question_help }
        - { id: team.other, text: S_question2_text }
offerings:
  - { id: s-offering, label: S_offering_label, description: S_offering_desc }
`;

export const FULL_ACCOUNT = `name: OK_ACCOUNT_NAME
industry: S_industry
region: S_region
manager: S_manager
revenue: { current: 9871001, potential: 9871002 }
ratings: { revenue: 5, growth: 4 }
notes: S_account_notes
`;

export const FULL_PLAN = `account: acme
period: OK_PERIOD
stage: execution
last_reviewed: 2031-02-03
team:
  - { name: OK_TEAM_ANN, roles: [lead, expert] }
  - { name: OK_TEAM_BO, roles: [expert], title: OK_TEAM_TITLE }
stakeholders:
  - id: s-boss
    name: S_stakeholder_boss
    title: S_stakeholder_title
    role: economic_buyer
    influence: high
    stance: detractor
    owner: S_stakeholder_owner
    last_contact: 2031-02-04
    contacts: [S_stakeholder_contact]
    notes: S_stakeholder_notes
  - { id: s-champ, name: S_stakeholder_champ, reports_to: s-boss, role: champion }
answers:
  team.sponsor: S_answer_text
  team.other: { na: S_na_reason }
objectives:
  - S_objective_plain
  - { title: S_objective_unshared, shared: false }
  - { title: OK_OBJECTIVE_SHARED, shared: true }
swot:
  strengths: [S_strength]
  weaknesses: [S_weakness]
  opportunities: [S_swot_opportunity]
  threats: [S_threat]
opportunities:
  - { name: S_opportunity, value: 9871003, close: 2031-02-05, stage: S_opp_stage, center: s-center, offering: s-offering, notes: S_opp_notes }
buying_centers:
  - { id: s-center, name: S_center_name, notes: S_center_notes }
whitespace:
  - { center: s-center, offering: s-offering, status: competitor, value: 9871004, competitor: S_ws_competitor, notes: S_ws_notes }
actions:
  - { title: OK_ACTION_JOINT, owner: OK_ACTION_OWNER, due: 2031-03-01, status: open, side: joint, shared: true, notes: S_action_notes }
  - { title: OK_ACTION_CUSTOMER, owner: OK_CUSTOMER_OWNER, due: 2031-03-02, status: done, side: customer, shared: true }
  - { title: S_action_unshared, owner: S_action_owner, due: 2031-02-06, status: blocked, side: us, shared: false, notes: S_action2_notes }
  - { title: S_action_default, owner: S_action3_owner, due: 2031-02-07 }
risks:
  - { risk: S_risk, likelihood: high, impact: high, mitigation: S_mitigation, owner: S_risk_owner }
kpis:
  - { name: OK_KPI_SHARED, target: OK_KPI_TARGET, actual: OK_KPI_ACTUAL, shared: true, notes: S_kpi_notes }
  - { name: S_kpi_unshared, target: S_kpi_target, actual: 9871005 }
notes: S_plan_notes
signoffs:
  - { by: OK_SIGNOFF_BY, date: 2031-02-01, digest: "sha256:0000000000000000000000000000000000000000000000000000000000000000" }
  - { by: S_signoff_earlier, date: 2031-01-15, digest: "sha256:1111111111111111111111111111111111111111111111111111111111111111" }
`;

