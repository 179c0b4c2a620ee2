import { addDays } from '../util/dates.js';
import type { Config } from '../schema/config.js';
import type { AccountForm, PlanForm } from './formText.js';

// The worked example `kam init` writes: one key account with a plan that is realistic and complete
// enough that `kam check` passes (no errors) while its warnings show what a plan still needs.

export const EXAMPLE_ID = 'brightline-grocers';

export function exampleAccount(config: Config): AccountForm {
  const ratings: Record<string, number> = {
    current_revenue: 4,
    growth_potential: 5,
    renewal_likelihood: 4,
    win_now_likelihood: 3,
    effort: 2,
    relationship_strength: 4,
    fit: 4,
    logo: 4,
  };
  const { min, max } = config.scoring.scale;
  const criteria = new Set(config.scoring.criteria.map((c) => c.id));
  return {
    name: 'Brightline Grocers',
    manager: 'Alex Morgan',
    industry: 'Grocery retail',
    region: 'North America',
    revenue: { current: 850000, potential: 2400000 },
    // Only ratings that fit the repo's own criteria and scale (kam.yaml may have been edited).
    ratings: Object.fromEntries(Object.entries(ratings).filter(([id, r]) => criteria.has(id) && r >= min && r <= max)),
  };
}

export function examplePlan(config: Config, today: string): PlanForm {
  const roles = new Set(config.roles.map((r) => r.id));
  const questions = new Set(config.checklist.categories.flatMap((c) => c.questions.map((q) => q.id)));
  const answers: Record<string, string | { na: string }> = {
    'our_team.executive_sponsor': 'Our COO, Chris Nakamura, meets their CEO every quarter and joins the annual business review.',
    'our_team.account_lead': 'Alex Morgan. She can commit up to 40 consulting days; anything larger goes to the COO.',
    'our_team.core_team': 'Alex Morgan (relationship lead, results driver), Sam Patel (technical expert, innovator), Jordan Lee (project manager, collaborator).',
    'their_team.decision_maker': 'Maria Gomez, Chief Operating Officer. She wants fresh-food waste down 15% by the end of next year.',
    'their_team.economic_buyer': 'Tom Becker, CFO. Projects above 250,000 need his sign-off and a board slide.',
    'their_team.champion': 'Priya Shah, Head of Supply Chain Analytics: our forecasting pilot made her team visible to the board.',
    'needs.business_problems': 'Fresh-food waste, out-of-stocks in the 40 new stores, and slow weekly replenishment planning.',
    'competitors.incumbents': 'A large ERP vendor runs their replenishment module; the contract renews in 18 months.',
    'insights.reference': { na: 'Their policy forbids supplier case studies; they will take reference calls instead.' },
  };
  return {
    account: EXAMPLE_ID,
    accountName: 'Brightline Grocers',
    today,
    stage: 'research',
    team: [
      { name: 'Alex Morgan', roles: ['relationship_lead', 'results_driver'] },
      { name: 'Sam Patel', roles: ['technical_expert', 'innovator'] },
      { name: 'Jordan Lee', roles: ['project_manager', 'collaborator'] },
    ].map((m) => ({ ...m, roles: m.roles.filter((r) => roles.has(r)) })),
    stakeholders: [
      { name: 'Maria Gomez', title: 'Chief Operating Officer', role: 'decision_maker', influence: 'high', stance: 'supporter', owner: 'Alex Morgan' },
      { name: 'Tom Becker', title: 'Chief Financial Officer', role: 'economic_buyer', influence: 'high', stance: 'neutral', owner: 'Alex Morgan' },
      { name: 'Priya Shah', title: 'Head of Supply Chain Analytics', role: 'champion', influence: 'medium', stance: 'supporter', owner: 'Sam Patel' },
    ],
    answers: Object.fromEntries(Object.entries(answers).filter(([id]) => questions.has(id))),
    objectives: ['Extend the forecasting pilot to all 220 stores', 'Become their analytics partner of choice before the ERP renewal'],
    swot: {
      strengths: ['Pilot cut waste by 11% in 12 stores'],
      weaknesses: ['No relationship with their CIO yet'],
      opportunities: ['ERP replenishment contract renews in 18 months'],
      threats: ['ERP vendor bundles forecasting for free'],
    },
    opportunities: [{ name: 'Forecasting roll-out, all stores', value: 900000, close: addDays(today, 120) }],
    actions: [
      { title: 'Present pilot results to Maria Gomez and Tom Becker', owner: 'Alex Morgan', due: addDays(today, 14), status: 'open' },
      { title: 'Draft the roll-out plan with their IT team', owner: 'Jordan Lee', due: addDays(today, 30), status: 'open' },
      { title: 'Arrange an introduction to their CIO', owner: 'Alex Morgan', due: addDays(today, 45), status: 'open' },
    ],
    risks: [{ risk: 'Budget freeze after a weak quarter', likelihood: 'medium', impact: 'high', mitigation: 'Phase the roll-out by region', owner: 'Alex Morgan' }],
    kpis: [{ name: 'Fresh-food waste reduction', target: '15%', actual: '11%' }],
  };
}
