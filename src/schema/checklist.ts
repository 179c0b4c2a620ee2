// The built-in account-planning checklist (docs/format.md, "kam.yaml" -> `checklist`).
// Used when a repo's kam.yaml has no `checklist` section; a repo that declares one replaces it entirely.
// Question ids are `<category>.<name>` and unique; plans key their `answers` by these ids.

export interface ChecklistQuestionDef {
  id: string;
  text: string;
}

export interface ChecklistCategoryDef {
  id: string;
  title: string;
  questions: ChecklistQuestionDef[];
}

export const DEFAULT_CHECKLIST: { categories: ChecklistCategoryDef[] } = {
  categories: [
    {
      id: 'our_team',
      title: 'What does our team look like?',
      questions: [
        {
          id: 'our_team.executive_sponsor',
          text: 'Who is our executive sponsor for this account, and how often do they meet their counterpart?',
        },
        {
          id: 'our_team.account_lead',
          text: 'Who owns the account day to day, and can they commit people and budget without escalating?',
        },
        {
          id: 'our_team.core_team',
          text: 'Who is on the core account team, and which account team role does each person cover?',
        },
        {
          id: 'our_team.role_gaps',
          text: 'Which account team roles are unfilled or thinly covered, and how will we close each gap?',
        },
        {
          id: 'our_team.coverage_map',
          text: 'Which of our people talk regularly to which of theirs, and where do we depend on a single relationship?',
        },
        {
          id: 'our_team.delivery_lead',
          text: 'Who leads delivery and customer success for this account, and how does the account rate their work?',
        },
        {
          id: 'our_team.internal_support',
          text: 'Which internal teams (product, legal, finance, partners) must we mobilise, and do we have a named contact in each?',
        },
      ],
    },
    {
      id: 'their_team',
      title: "What does the account's team look like?",
      questions: [
        {
          id: 'their_team.org_structure',
          text: 'How is the account organised (business units, regions, shared services), and where do we sit in that structure?',
        },
        {
          id: 'their_team.decision_maker',
          text: 'Who makes the final decision on purchases in our category, and what do they personally care about?',
        },
        {
          id: 'their_team.economic_buyer',
          text: 'Who controls the budget we draw on, and what approval threshold applies to a deal of our size?',
        },
        {
          id: 'their_team.champion',
          text: 'Who is our champion inside the account, and what do they gain if we succeed?',
        },
        {
          id: 'their_team.detractors',
          text: 'Who opposes us or prefers a competitor, and what is behind their position?',
        },
        {
          id: 'their_team.buying_process',
          text: 'What are the steps, approvers and typical lead time of their procurement process for a deal of our size?',
        },
        {
          id: 'their_team.key_users',
          text: 'Which teams use our products most, and how satisfied are they?',
        },
        {
          id: 'their_team.recent_changes',
          text: 'Which key people have joined, left or changed roles in the last 12 months, or are expected to?',
        },
      ],
    },
    {
      id: 'trends',
      title: 'What trends are affecting the account?',
      questions: [
        {
          id: 'trends.market_pressure',
          text: 'Which market shifts are putting pressure on their revenue or margins right now?',
        },
        {
          id: 'trends.regulation',
          text: 'Which regulatory changes due in the next 24 months affect how they handle, store or report data?',
        },
        {
          id: 'trends.technology',
          text: 'Which technology shifts (cloud migration, AI, automation) are they actively funding?',
        },
        {
          id: 'trends.customer_expectations',
          text: "How are their own customers' expectations changing, and what is that doing to their business?",
        },
        {
          id: 'trends.financial_health',
          text: 'What do their last four quarters of results and guidance say about their ability to spend?',
        },
        {
          id: 'trends.restructuring',
          text: 'Are mergers, acquisitions, divestitures or restructurings under way or expected?',
        },
        {
          id: 'trends.sustainability',
          text: 'Which sustainability or ESG commitments have they made that shape their operations or purchasing?',
        },
      ],
    },
    {
      id: 'needs',
      title: 'What are their needs?',
      questions: [
        {
          id: 'needs.funded_initiatives',
          text: 'Which of their strategic initiatives for the next 12-18 months have budget attached?',
        },
        {
          id: 'needs.business_problems',
          text: 'What are the top three business problems their leadership wants solved this year?',
        },
        {
          id: 'needs.success_metrics',
          text: 'Which metrics will their executives use to judge whether those problems are solved?',
        },
        {
          id: 'needs.unmet_needs',
          text: 'Where are their current tools or suppliers, including us, falling short?',
        },
        {
          id: 'needs.buying_criteria',
          text: 'Which criteria will they use to choose a supplier, and how are those criteria weighted?',
        },
        {
          id: 'needs.budget_cycle',
          text: 'When does their budget cycle open and close, and by when must we be in the plan to get funded?',
        },
        {
          id: 'needs.personal_wins',
          text: 'What does each key stakeholder need personally (visibility, promotion, less risk) from this work?',
        },
      ],
    },
    {
      id: 'insights',
      title: 'What other insights do we have?',
      questions: [
        {
          id: 'insights.relationship_history',
          text: 'What is the history of our relationship, including past wins, losses and escalations?',
        },
        {
          id: 'insights.health',
          text: 'What do our latest NPS, health score and support tickets say about their satisfaction?',
        },
        {
          id: 'insights.underused',
          text: 'Which of our products are they using below licensed capacity, and why?',
        },
        {
          id: 'insights.share_of_wallet',
          text: 'What share of their total spend in our category do we hold today?',
        },
        {
          id: 'insights.working_style',
          text: 'Do they prefer formal, procurement-led supplier management or a collaborative, relationship-led one?',
        },
        {
          id: 'insights.reference',
          text: 'Would they act as a reference or case study, and on what conditions?',
        },
        {
          id: 'insights.public_signals',
          text: 'What have their executives said publicly (earnings calls, interviews, job postings) that hints at priorities?',
        },
      ],
    },
    {
      id: 'competitors',
      title: 'Who are our competitors at this account?',
      questions: [
        {
          id: 'competitors.incumbents',
          text: 'Who are the incumbent suppliers for what we sell, and when do their contracts end?',
        },
        {
          id: 'competitors.spend_split',
          text: 'How is their spend in our category split between us and each competitor?',
        },
        {
          id: 'competitors.executive_access',
          text: 'Which competitors have executive-level relationships at this account, and with whom?',
        },
        {
          id: 'competitors.their_strengths',
          text: 'Where does each main competitor beat us in the eyes of this account?',
        },
        {
          id: 'competitors.their_weaknesses',
          text: 'Where are competitors vulnerable here: price, delivery problems, unhappy users?',
        },
        {
          id: 'competitors.in_house',
          text: 'Could an internal team build what we sell, and who at the account backs that option?',
        },
        {
          id: 'competitors.expected_moves',
          text: 'Which competitor moves do we expect in the next 12 months (price cuts, bundles, new offerings)?',
        },
      ],
    },
    {
      id: 'value',
      title: 'What value can we offer?',
      questions: [
        {
          id: 'value.proposition',
          text: 'In one sentence, what measurable outcome do we deliver for this account that others cannot?',
        },
        {
          id: 'value.delivered',
          text: 'What financial impact have we delivered to date, expressed in their own numbers?',
        },
        {
          id: 'value.initiative_fit',
          text: 'Which of our offerings map to each of their funded initiatives?',
        },
        {
          id: 'value.differentiators',
          text: 'Which of our differentiators matter most to their decision makers, and what evidence backs each one?',
        },
        {
          id: 'value.expansion',
          text: 'Which products, teams or regions are the most credible next expansion, and what is each worth?',
        },
        {
          id: 'value.co_innovation',
          text: 'What could we build or pilot together that neither side could do alone?',
        },
        {
          id: 'value.commercial_model',
          text: 'Which commercial model (subscription, consumption, outcome-based) best fits how they buy?',
        },
      ],
    },
    {
      id: 'unknowns',
      title: 'What else do we need to know?',
      questions: [
        {
          id: 'unknowns.information_gaps',
          text: 'Which questions in this plan can we not answer with confidence today?',
        },
        {
          id: 'unknowns.sources',
          text: 'Who at the account or in our network could close each gap, and who on our team will ask them?',
        },
        {
          id: 'unknowns.assumptions',
          text: 'Which assumptions in this plan would change our strategy if they turned out to be wrong?',
        },
        {
          id: 'unknowns.decision_timing',
          text: 'When is the next major decision in our category due, and what could move it?',
        },
        {
          id: 'unknowns.churn_triggers',
          text: 'What could cause us to lose this account within the next 12 months?',
        },
        {
          id: 'unknowns.unmet_stakeholders',
          text: 'Which influential people have we not met yet, and who will introduce us?',
        },
        {
          id: 'unknowns.plan_validation',
          text: "When will we walk through this plan with the account's own team to test our understanding?",
        },
      ],
    },
  ],
};
