// View models for `kam render`: plain data for the templates, built from the core's results
// (scores, findings, completeness) plus the few per-item flags documents show. Templates only
// format what is here; they never compute.
import { pushTo } from '../util/group.js';
import { coverageHealthView, numbersModel, objectivesModel, portfolioCoverage, type NumbersModel, type PortfolioCoverage } from './numbers.js';
import type { CheckResult } from '../check/checkRepo.js';
import { answerState, type Completeness } from '../plan/completeness.js';
import { daysBetween } from '../util/dates.js';
import type { Finding } from '../findings/finding.js';
import type { LoadedPlan, Repo } from '../load/loadRepo.js';
import { criteriaInOrder } from '../score/explain.js';
import { scorePortfolio } from '../score/portfolio.js';
import { round1, scoreAccount, type AccountScore } from '../score/score.js';
import type { Account } from '../schema/account.js';
import type { Config } from '../schema/config.js';
import { STAGES, STAKEHOLDER_ROLE_LABELS } from '../schema/enums.js';
import type { Answer, Plan } from '../schema/plan.js';
import type { RuleId } from '../schema/rules.js';
import { compareCodeUnits } from '../util/compare.js';
import { GENERATED_MARKER } from '../util/safeWrite.js';
import { SIDE_LABELS } from './customer.js';
import { layoutMatrix, type MatrixLayout } from './matrix.js';
import type { PortfolioMoves, TierChange } from '../history/portfolioMoves.js';
import { portfolioWhitespace, whitespaceModel } from './whitespace.js';
import { requirementsFor, type Requirements } from '../profiles/profile.js';
import { relationshipsModel } from './relationships.js';
import { isGone } from '../relationships/gone.js';
import { accountAttention, attentionGroups, portfolioAttention, type AttentionGroup } from './attention.js';
import { accountHealth, weakestComponent } from '../health/health.js';
import type { PlanHealth } from '../health/portfolio.js';
import type { Analysis } from '../analysis/analyze.js';

const STAGE_LABELS: Record<(typeof STAGES)[number], string> = {
  strategy: 'Strategy',
  research: 'Research',
  action_plan: 'Action plan',
  execution: 'Execution',
  review: 'Review',
};

/** CSS class for a tier's colour: tier-1.. in tier order, "untiered" below the last tier. */
export const tierClass = (group: number) => (group >= 0 ? `tier-${group + 1}` : 'untiered');

const capitalize = (s: string | undefined) => (s ? s[0]!.toUpperCase() + s.slice(1) : '');
const r1 = (n: number | null) => (n === null ? null : round1(n));

const isBlank = (text: string | null | undefined) => text === undefined || text === null || text.trim() === '';

/**
 * The action findings of a plan (action_overdue, action_without_owner...) by action index: the
 * action a finding's YAML path names (`["actions", 2, "owner"]`). Flags in documents are the
 * findings of `kam check`, so the two never disagree (and a rule set to `off` flags nothing).
 */
function actionFindings(plan: LoadedPlan & { value: Plan }, findings: Finding[]): Set<RuleId>[] {
  const byAction = plan.value.actions.map(() => new Set<RuleId>());
  for (const f of findings) {
    const [section, i] = f.path;
    if (f.file === plan.file && f.rule.startsWith('action_') && section === 'actions' && typeof i === 'number') byAction[i]?.add(f.rule);
  }
  return byAction;
}

export interface DocumentMeta {
  marker: string;
  today: string;
  organization: string | null;
  currency: string;
}

function meta(repo: Repo, today: string): DocumentMeta {
  return { marker: GENERATED_MARKER, today, organization: repo.config.organization ?? null, currency: repo.config.currency };
}

/** Score with display rounding and the criteria in config order, labelled. */
function scoreModel(s: AccountScore, config: Config) {
  const { scale } = config.scoring;
  return {
    score: r1(s.score),
    current: r1(s.current),
    potential: r1(s.potential),
    tier: s.tier,
    tiered: s.tiered,
    tierClass: tierClass(config.scoring.tiers.findIndex((t) => t.name === s.tier)),
    quadrant: s.quadrant,
    scored: s.score !== null,
    /** Too little rated for a tier (scoring.min_rated_weight): shown as "needs rating". */
    needsRating: s.needsRating,
    scale,
    criteria: criteriaInOrder(s, config).map((c) => ({
      ...c,
      rated: c.rating !== null,
      /** 0..100, for bars. */
      normalized: c.normalized === null ? null : round1(c.normalized * 100),
      contribution: c.contribution === null ? null : round1(c.contribution),
    })),
    unrated: s.unrated.map((id) => config.scoring.criteria.find((c) => c.id === id)?.label ?? id),
  };
}

function accountModel(id: string, account: Account) {
  return {
    id,
    name: account.name,
    industry: account.industry ?? null,
    region: account.region ?? null,
    manager: account.manager ?? null,
    revenue: { current: account.revenue?.current ?? null, potential: account.revenue?.potential ?? null },
    notes: account.notes ?? null,
  };
}

const findingModel = (f: Finding) => ({ rule: f.rule, severity: f.severity, error: f.severity === 'error', message: f.message, file: f.file, line: f.line, column: f.column });

function checklistModel(plan: Plan, config: Config, c: Completeness, req: Requirements) {
  const answers = plan.answers as Record<string, Answer | undefined>;
  // Only what the account's tier profile requires, as completeness counted it.
  const required = new Set(req.questions.map((q) => q.id));
  const categories = c.categories.map((counts) => {
    const cat = config.checklist.categories.find((k) => k.id === counts.id)!;
    const questions = cat.questions.filter((q) => required.has(q.id)).map((q) => {
      const answer = answers[q.id];
      const state = answerState(answer);
      return {
        id: q.id,
        text: q.text,
        state,
        answered: state === 'answered',
        notApplicable: state === 'not_applicable',
        open: state === 'unanswered',
        answer: typeof answer === 'string' && state === 'answered' ? answer.trim() : null,
        naReason: answer && typeof answer === 'object' ? answer.na : null,
      };
    });
    return { ...counts, complete: counts.unanswered === 0, questions, openQuestions: questions.filter((q) => q.open), settledQuestions: questions.filter((q) => !q.open) };
  });
  return {
    answered: c.answered,
    notApplicable: c.not_applicable,
    unanswered: c.unanswered,
    total: c.total,
    percent: c.percent,
    categories,
    /** The unanswered questions by category: the meeting's agenda. */
    openByCategory: categories.filter((cat) => cat.openQuestions.length > 0).map((cat) => ({ id: cat.id, title: cat.title, questions: cat.openQuestions })),
  };
}

/** `findings`: this account's findings, which decide every flag. */
function planSections(loaded: LoadedPlan & { value: Plan }, config: Config, today: string, c: Completeness, findings: Finding[], req: Requirements) {
  const plan = loaded.value;
  const has = (rule: RuleId) => findings.some((f) => f.rule === rule);
  const flagsByAction = actionFindings(loaded, findings);
  const stageIndex = plan.stage ? STAGES.indexOf(plan.stage) : -1;
  const cadence = req.cadenceDays;
  const missingIds = new Set(findings.filter((f) => f.rule === 'missing_role').map((f) => f.role));
  const missing = req.roles.filter((r) => missingIds.has(r.id));
  const roles = req.roles.map((r) => {
    const holders = plan.team.filter((m) => m.roles.includes(r.id)).map((m) => m.name);
    return { id: r.id, label: r.label, holders, covered: holders.length > 0 };
  });
  const actions = plan.actions.map((a, i) => {
    const flags = flagsByAction[i]!;
    const overdue = flags.has('action_overdue');
    return {
      title: a.title,
      owner: isBlank(a.owner) ? null : a.owner!,
      due: isBlank(a.due) ? null : a.due!,
      status: a.status,
      statusLabel: capitalize(a.status),
      side: a.side,
      sideLabel: SIDE_LABELS[a.side],
      shared: a.shared,
      done: a.status === 'done',
      notes: a.notes ?? null,
      overdue,
      daysOverdue: overdue ? daysBetween(a.due!, today) : 0,
      ownerless: flags.has('action_without_owner'),
      noDue: flags.has('action_without_due'),
    };
  });
  const swot = plan.swot;
  const pipeline = plan.opportunities.reduce((s, o) => s + (o.value ?? 0), 0);
  return {
    period: plan.period === undefined ? null : String(plan.period),
    stage: {
      id: plan.stage ?? null,
      label: plan.stage ? STAGE_LABELS[plan.stage] : null,
      number: stageIndex + 1,
      steps: STAGES.map((s, i) => ({ id: s, label: STAGE_LABELS[s], number: i + 1, current: i === stageIndex, done: stageIndex >= 0 && i < stageIndex })),
    },
    review: {
      lastReviewed: plan.last_reviewed ?? null,
      daysAgo: plan.last_reviewed ? daysBetween(plan.last_reviewed, today) : null,
      cadenceDays: cadence,
      stale: has('stale_plan'),
    },
    team: {
      members: plan.team.map((m) => ({
        name: m.name,
        title: m.title ?? null,
        roles: m.roles.map((id) => config.roles.find((r) => r.id === id)?.label ?? id),
      })),
      roles,
      missingRoles: missing.map((r) => ({ id: r.id, label: r.label })),
      coverage: { covered: roles.filter((r) => r.covered).length, total: roles.length, percent: roles.length ? round1((100 * roles.filter((r) => r.covered).length) / roles.length) : 100 },
    },
    stakeholders: {
      items: plan.stakeholders.map((s) => ({
        name: s.name,
        title: s.title ?? null,
        role: s.role ?? null,
        roleLabel: s.role ? STAKEHOLDER_ROLE_LABELS[s.role] ?? s.role : null,
        decides: s.role === 'decision_maker' || s.role === 'economic_buyer',
        influence: s.influence ?? null,
        stance: s.stance ?? null,
        owner: isBlank(s.owner) ? null : s.owner!,
        ownerless: isBlank(s.owner) && !isGone(s, today),
        /** Left by today (spec 1.2, section 6): struck through, with the date. */
        gone: isGone(s, today),
        left: s.left ?? null,
        notes: s.notes ?? null,
      })),
      noDecisionMaker: has('no_decision_maker'),
    },
    /** Text objectives become `{ title, shared: false }`. */
    objectives: objectivesModel(plan),
    swot: {
      strengths: swot.strengths,
      weaknesses: swot.weaknesses,
      opportunities: swot.opportunities,
      threats: swot.threats,
      empty: swot.strengths.length + swot.weaknesses.length + swot.opportunities.length + swot.threats.length === 0,
    },
    opportunities: {
      items: plan.opportunities.map((o) => ({
        name: o.name,
        value: o.value ?? null,
        close: o.close ?? null,
        stage: o.stage ?? null,
        center: o.center ? (plan.buying_centers.find((c) => c.id === o.center)?.name ?? o.center) : null,
        offering: o.offering ? (config.offerings.find((x) => x.id === o.offering)?.label ?? o.offering) : null,
        notes: o.notes ?? null,
      })),
      total: pipeline,
    },
    actions: {
      items: actions,
      open: actions.filter((a) => a.status === 'open').length,
      overdue: actions.filter((a) => a.overdue).length,
      ownerless: actions.filter((a) => a.ownerless).length,
    },
    risks: plan.risks.map((r) => ({
      risk: r.risk,
      likelihood: r.likelihood ?? null,
      impact: r.impact ?? null,
      mitigation: r.mitigation ?? null,
      owner: r.owner ?? null,
      severe: r.likelihood === 'high' && r.impact === 'high',
    })),
    kpis: plan.kpis.map((k) => ({ name: k.name, target: k.target ?? null, actual: k.actual ?? null, shared: k.shared, notes: k.notes ?? null })),
    /** Buying centers x offerings (null without offerings or centers). */
    whitespace: whitespaceModel(plan, config),
    checklist: checklistModel(plan, config, c, req),
    relationships: relationshipsModel(plan, findings, today),
    notes: plan.notes ?? null,
  };
}

export type PlanSections = ReturnType<typeof planSections>;

export interface PlanModel extends DocumentMeta {
  account: ReturnType<typeof accountModel>;
  score: ReturnType<typeof scoreModel>;
  /** Absent for an account without a (valid) plan: the document then shows the account and score. */
  plan: PlanSections | null;
  planFile: string | null;
  /** Check findings about this account other than unanswered questions (those are the agenda). */
  findings: ReturnType<typeof findingModel>[];
  /** The same findings in words, grouped by the part of the plan they are about (no rule ids, no locations). */
  attention: AttentionGroup[];
  /** One line per thing the meeting should know is wrong, in document order. */
  alerts: string[];
  /** The tier whose profile set what the plan must hold, or null (repo-wide defaults). */
  profile: string | null;
  /** Plan health (spec 1.1, section 4); null without a plan. */
  health: ReturnType<typeof healthModel> | null;
  /** The numbers (spec 1.2, sections 2-5); null without a plan or without any figure. */
  numbers: NumbersModel | null;
}

const BAND_LABELS = { green: 'Green', amber: 'Amber', red: 'Red' } as const;

/** Health with display rounding, every component with its working (left-out ones too). */
function healthModel(h: PlanHealth, config: Config) {
  const weak = weakestComponent(h);
  return {
    health: r1(h.health),
    measured: h.health !== null,
    band: h.band,
    bandLabel: h.band ? BAND_LABELS[h.band] : null,
    bands: config.health.bands,
    weakest: weak && h.components[weak]!.value < 1 ? h.details.find((d) => d.id === weak)!.label : null,
    components: h.details.map((d) => {
      const c = h.components[d.id];
      return {
        id: d.id,
        label: d.label,
        weight: d.weight,
        counted: c !== undefined,
        /** 0..100, for bars. */
        percent: c ? round1(c.value * 100) : null,
        reason: d.weight <= 0 && d.measured ? 'weight 0' : d.reason,
      };
    }),
  };
}

export function buildPlanModel(repo: Repo, id: string, check: CheckResult, today: string, lastCommitDate?: (file: string) => string | undefined): PlanModel {
  const loaded = repo.accounts.find((a) => a.id === id && a.value);
  if (!loaded?.value) throw new Error(`account "${id}" is not loaded`);
  const account = loaded.value;
  const planFile = repo.plans.find((p): p is LoadedPlan & { value: Plan } => p.id === id && p.value !== undefined);
  const completeness = check.completeness[id];
  const mine = check.findings.filter((f) => f.account === id);
  const score = scoreAccount(id, account, repo.config);
  const req = requirementsFor(repo.config, score.tier);
  const plan = planFile && completeness ? planSections(planFile, repo.config, today, completeness, mine, req) : null;
  const others = mine.filter((f) => f.rule !== 'unanswered_question');
  const findings = others.map(findingModel);
  return {
    ...meta(repo, today),
    account: accountModel(id, account),
    score: scoreModel(score, repo.config),
    profile: req.profile,
    plan,
    planFile: plan ? planFile!.file : null,
    findings,
    attention: attentionGroups(others),
    alerts: plan ? planAlerts(plan) : [],
    health: plan ? healthFor(repo, id, today, lastCommitDate) : null,
    numbers: plan ? numbersModel(repo, id, account, planFile!.value, score.tier, today) : null,
  };
}

/** One plan's health (not the whole repo's: `render --all` renders one document per plan). */
function healthFor(repo: Repo, id: string, today: string, lastCommitDate?: (file: string) => string | undefined) {
  const account = repo.accounts.find((a) => a.id === id && a.value)?.value;
  const plan = repo.plans.find((p) => p.id === id && p.value);
  if (!account || !plan) return null;
  const { tier } = scoreAccount(id, account, repo.config);
  const h = accountHealth({
    id, account, plan: plan.value!, tier, requirements: requirementsFor(repo.config, tier),
    reviewDate: plan.value!.last_reviewed ?? lastCommitDate?.(plan.file), today, config: repo.config,
  });
  return healthModel({ ...h, file: plan.file }, repo.config);
}

function planAlerts(p: PlanSections): string[] {
  const alerts: string[] = [];
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  if (p.review.stale)
    alerts.push(p.review.lastReviewed ? `Plan is stale: last reviewed ${p.review.daysAgo} days ago (cadence ${p.review.cadenceDays} days)` : 'Plan has never been reviewed (no last_reviewed date)');
  if (p.team.missingRoles.length) alerts.push(`Missing account-team roles: ${p.team.missingRoles.map((r) => r.label).join(', ')}`);
  if (p.stakeholders.noDecisionMaker) alerts.push('No decision maker or economic buyer is known');
  const r = p.relationships;
  if (r.unownedCount) alerts.push(`${n(r.unownedCount, 'key stakeholder has', 'key stakeholders have')} no owner on our team`);
  if (r.singleThreaded) alerts.push(`Single-threaded: every relationship goes through ${r.singleThreaded.person}`);
  if (r.notContactedCount) alerts.push(`${n(r.notContactedCount, 'high-influence stakeholder has', 'high-influence stakeholders have')} not been contacted within the contact cadence`);
  if (p.actions.overdue) alerts.push(`${n(p.actions.overdue, 'action is', 'actions are')} overdue`);
  if (p.actions.ownerless) alerts.push(`${n(p.actions.ownerless, 'action has', 'actions have')} no owner`);
  if (p.checklist.unanswered) alerts.push(`${n(p.checklist.unanswered, 'checklist question is', 'checklist questions are')} open`);
  return alerts;
}

export interface PortfolioModel extends DocumentMeta {
  accounts: ReturnType<typeof portfolioRow>[];
  invalid: { id: string; file: string }[];
  tiers: { name: string; min: number | null; count: number; group: number; tierClass: string; accounts: { id: string; name: string }[] }[];
  keyAccounts: { count: number; limit: number; over: boolean };
  managers: { manager: string; accounts: number; limit: number; over: boolean; /** accounts / limit, 0..100 (capped), for bars. */ load: number }[];
  unscored: number;
  /** Accounts without a tier or a place on the matrix because too little is rated. */
  needsRating: { id: string; name: string }[];
  plans: number;
  summary: CheckResult['summary'];
  /** Accounts per quadrant, Strategic (high/high) first: the matrix as a list. */
  quadrants: { name: string; current: 'high' | 'low'; potential: 'high' | 'low'; accounts: { id: string; name: string }[] }[];
  /** Accounts with a plan per health band, and how many plans have a health at all. */
  healthBands: { red: number; amber: number; green: number; any: boolean };
  /** Findings not about one account (limits). */
  portfolioFindings: ReturnType<typeof findingModel>[];
  /** The same in words: what the overview shows (no rule ids). */
  portfolioAttention: ReturnType<typeof portfolioAttention>;
  /** Accounts with findings, in rank order: their messages in words. */
  attentionAccounts: ReturnType<typeof portfolioRow>[];
  /** The accounts with a target by coverage then health, and by health then coverage; null when none has a target. */
  coverageHealth: ReturnType<typeof coverageHealthView<ReturnType<typeof portfolioRow>>>;
  /** Whether any account with a plan has a target: the accounts table then shows coverage. */
  anyTarget: boolean;
  /** Open and potential whitespace value by offering (null when kam.yaml lists no offerings). */
  whitespace: ReturnType<typeof portfolioWhitespace>;
  matrix: Omit<MatrixLayout, 'bubbles'> & {
    bubbles: (MatrixLayout['bubbles'][number] & { name: string; tier: string | null; quadrant: string | null; tierClass: string; health: number | null; band: string | null; bandClass: string })[];
    /** The key table: number, name, tier, in number order. */
    key: { key: number; id: string; name: string; tier: string | null; tierClass: string; quadrant: string | null; current: number | null; potential: number | null }[];
    threshold: number;
    legend: { name: string; tierClass: string }[];
    count: number;
  };
  /** With --since (spec 1.2, section 8): where accounts were at the revision; null without it. */
  moves: null | { since: string; commit: string; date: string; moved: number; tierChanges: (TierChange & { fromClass: string; toClass: string })[] };
}

/** Messages the portfolio overview shows per account; the plan document has them all. */
const PORTFOLIO_ATTENTION_ITEMS = 5;

/** What each row reads, looked up once for the whole portfolio (a search per row made it quadratic). */
interface PortfolioLookups {
  accounts: ReadonlyMap<string, NonNullable<Repo['accounts'][number]['value']>>;
  findings: ReadonlyMap<string, CheckResult['findings']>;
}

function portfolioLookups(repo: Repo, check: CheckResult): PortfolioLookups {
  const accounts = new Map(repo.accounts.flatMap((a) => (a.value ? [[a.id, a.value] as const] : [])));
  const findings = new Map<string, CheckResult['findings']>();
  for (const f of check.findings) if (f.account !== null) pushTo(findings, f.account, f);
  return { accounts, findings };
}

function portfolioRow(s: AccountScore, lookups: PortfolioLookups, check: CheckResult, rank: number, group: number, health: PlanHealth | undefined, numbers: PortfolioCoverage | undefined) {
  const account = lookups.accounts.get(s.id)!;
  const mine = lookups.findings.get(s.id) ?? [];
  const byRule = new Map<string, number>();
  for (const f of mine) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  const completeness = check.completeness[s.id];
  return {
    rank,
    id: s.id,
    name: s.name,
    manager: s.manager,
    score: r1(s.score),
    current: r1(s.current),
    potential: r1(s.potential),
    tier: s.tier,
    tiered: s.tiered,
    group,
    tierClass: tierClass(group),
    quadrant: s.quadrant,
    needsRating: s.needsRating,
    revenue: account.revenue?.current ?? null,
    potentialRevenue: account.revenue?.potential ?? null,
    hasPlan: completeness !== undefined,
    health: health ? r1(health.health) : null,
    band: health?.band ?? null,
    bandClass: health?.band ? `band-${health.band}` : 'band-none',
    completeness: completeness?.percent ?? null,
    /** Pipeline coverage of the gap to the target (spec 1.2 section 2): accounts with a plan only. */
    coverage: numbers?.coverage ?? null,
    coverageBar: numbers?.coverageBar ?? null,
    targetMet: numbers?.targetMet ?? false,
    hasTarget: numbers?.hasTarget ?? false,
    minCoverage: numbers?.min ?? null,
    coverageShort: numbers?.short ?? false,
    errors: mine.filter((f) => f.severity === 'error').length,
    warnings: mine.filter((f) => f.severity === 'warning').length,
    byRule: [...byRule].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || compareCodeUnits(a.rule, b.rule)),
    /** The findings in words (no rule ids, no locations): what the overview shows. */
    attention: accountAttention(mine, PORTFOLIO_ATTENTION_ITEMS),
  };
}

/**
 * What the portfolio overview is built from: the analysis of the repo (analysis/analyze.ts), so
 * the document scores, checks and measures health exactly once and never disagrees with kam check.
 */
export type PortfolioInput = Pick<Analysis, 'repo' | 'check' | 'today' | 'portfolio' | 'health'>;

/** The model of the portfolio overview: tiers, manager load, findings per account, the matrix. */
export function buildPortfolioModel(input: PortfolioInput, moves?: PortfolioMoves): PortfolioModel {
  const { repo, check, today, portfolio } = input;
  const { config } = repo;
  const groupOf = (tier: string | null) => config.scoring.tiers.findIndex((t) => t.name === tier);
  const health = new Map(input.health.map((h) => [h.id, h]));
  const coverage = portfolioCoverage(repo, today, portfolio);
  const lookups = portfolioLookups(repo, check);
  const accounts = portfolio.accounts.map((s, i) => portfolioRow(s, lookups, check, i + 1, groupOf(s.tier), health.get(s.id), coverage.get(s.id)));
  const bandCount = (band: string | null) => accounts.filter((a) => a.hasPlan && a.band === band).length;
  // The matrix places accounts with a quadrant; the ones that need rating are listed beside it.
  const scored = accounts.filter((a) => a.quadrant !== null && a.current !== null && a.potential !== null);
  const layout = layoutMatrix(
    // Numbered bubbles (the account's rank) with a key table: readable at 50 accounts, no cut names.
    scored.map((a) => ({ id: a.id, label: a.name, current: a.current!, potential: a.potential!, revenue: a.revenue ?? 0, group: a.group, key: a.rank, before: earlier(moves, a.id) })),
    { threshold: config.scoring.matrix_threshold, quadrants: config.scoring.quadrants },
  );
  return {
    ...meta(repo, today),
    accounts,
    invalid: portfolio.invalid,
    tiers: portfolio.tiers.map((t) => ({
      ...t,
      group: groupOf(t.name),
      tierClass: tierClass(groupOf(t.name)),
      accounts: accounts.filter((a) => a.tier === t.name).map((a) => ({ id: a.id, name: a.name })),
    })),
    keyAccounts: portfolio.keyAccounts,
    managers: portfolio.managers.map((m) => ({ ...m, load: Math.min(100, round1((100 * m.accounts) / m.limit)) })),
    unscored: portfolio.unscored,
    needsRating: accounts.filter((a) => a.needsRating).map((a) => ({ id: a.id, name: a.name })),
    plans: Object.keys(check.completeness).length,
    summary: check.summary,
    quadrants: (
      [
        ['high_current_high_potential', 'high', 'high'],
        ['low_current_high_potential', 'low', 'high'],
        ['high_current_low_potential', 'high', 'low'],
        ['low_current_low_potential', 'low', 'low'],
      ] as const
    ).map(([key, current, potential]) => ({
      name: config.scoring.quadrants[key],
      current,
      potential,
      accounts: accounts.filter((a) => a.quadrant === config.scoring.quadrants[key]).map((a) => ({ id: a.id, name: a.name })),
    })),
    healthBands: { red: bandCount('red'), amber: bandCount('amber'), green: bandCount('green'), any: health.size > 0 },
    portfolioFindings: check.findings.filter((f) => f.account === null).map(findingModel),
    portfolioAttention: portfolioAttention(check.findings.filter((f) => f.account === null)),
    attentionAccounts: accounts.filter((a) => a.attention.items.length > 0),
    coverageHealth: coverageHealthView(accounts.filter((a) => a.hasPlan)),
    anyTarget: accounts.some((a) => a.hasTarget),
    whitespace: portfolioWhitespace(repo.plans, config),
    matrix: {
      ...layout,
      bubbles: layout.bubbles.map((b) => {
        const row = scored.find((a) => a.id === b.id)!;
        return { ...b, name: row.name, tier: row.tier, quadrant: row.quadrant, tierClass: tierClass(b.group), health: row.health, band: row.band, bandClass: row.bandClass };
      }),
      key: scored.map((a) => ({ key: a.rank, id: a.id, name: a.name, tier: a.tier, tierClass: a.tierClass, quadrant: a.quadrant, current: a.current, potential: a.potential })),
      threshold: config.scoring.matrix_threshold,
      legend: [...config.scoring.tiers.map((t, i) => ({ name: t.name, tierClass: tierClass(i) })), { name: config.scoring.untiered, tierClass: tierClass(-1) }],
      count: layout.bubbles.length,
    },
    moves: moves ? movesModel(moves, layout, (tier) => tierClass(groupOf(tier))) : null,
  };
}

/** An account's place at the revision, rounded as the matrix rounds today's (so "moved" means a visible move). */
function earlier(moves: PortfolioMoves | undefined, id: string): { current: number; potential: number } | undefined {
  const at = moves?.positions.get(id);
  return at && { current: r1(at.current)!, potential: r1(at.potential)! };
}

/** `--since`: the revision, how many accounts moved on the matrix, and the tier changes. */
function movesModel(moves: PortfolioMoves, layout: MatrixLayout, classOf: (tier: string | null) => string): NonNullable<PortfolioModel['moves']> {
  return {
    since: moves.since,
    commit: moves.commit,
    date: moves.date,
    moved: layout.bubbles.filter((b) => b.move !== null).length,
    tierChanges: moves.tierChanges.map((t) => ({ ...t, fromClass: classOf(t.from), toClass: classOf(t.to) })),
  };
}
