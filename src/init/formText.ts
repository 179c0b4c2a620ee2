import type { Config } from '../schema/config.js';
import { ACTION_STATUSES, LEVELS, STAGES, STAKEHOLDER_ROLES, STANCES } from '../schema/enums.js';
import type { Plan, PlanInput } from '../schema/plan.js';
import { requirementsFor, type Requirements } from '../profiles/profile.js';
import { block, blockItem, commentLines, flow, scalar, schemaLine, withComment } from './yamlText.js';

// The files `kam new` (and `kam init`'s worked example) write. They are forms: every criterion and
// every checklist question is listed with its label or text as a comment, empty where unknown.
// Empty values are null, which the schemas accept as "not rated" / "unanswered".

export const ACCOUNT_SCHEMA_REF = '../schema/account.schema.json';
export const PLAN_SCHEMA_REF = '../schema/plan.schema.json';

export interface AccountForm {
  name: string;
  manager?: string;
  industry?: string;
  region?: string;
  revenue?: { current?: number; potential?: number };
  ratings?: Record<string, number>;
  notes?: string;
}

export function accountText(config: Config, form: AccountForm): string {
  const { min, max } = config.scoring.scale;
  const optional = (key: string, value: string | undefined, example: string, comment?: string) =>
    value === undefined ? withComment(`# ${key}: ${example}`, comment) : withComment(`${key}: ${scalar(value)}`, comment);
  const out = [
    schemaLine(ACCOUNT_SCHEMA_REF),
    commentLines(
      `Account definition. Rate the account on each criterion below with a whole number from ${min} to ${max} ` +
        '(leave a rating empty until you know it), then run "kam score" to see its score, tier and quadrant.',
    ),
    `name: ${scalar(form.name)}`,
    optional('manager', form.manager, 'Name of the key account manager', 'key account manager'),
    optional('industry', form.industry, 'Retail'),
    optional('region', form.region, 'EMEA'),
  ];
  if (form.revenue) {
    out.push(withComment('revenue:', `annual revenue, in ${config.currency}`));
    if (form.revenue.current !== undefined) out.push(withComment(`  current: ${form.revenue.current}`, 'today'));
    if (form.revenue.potential !== undefined) out.push(withComment(`  potential: ${form.revenue.potential}`, 'what it could be'));
  } else {
    out.push(withComment('# revenue: { current: 0, potential: 0 }', `annual revenue today and potential, in ${config.currency}`));
  }
  out.push('ratings:');
  for (const c of config.scoring.criteria) {
    const rating = form.ratings?.[c.id];
    const best = c.inverse ? `${min} is best` : `${max} is best`;
    out.push(withComment(`  ${c.id}:${rating === undefined ? '' : ` ${rating}`}`, `${c.label}: weight ${c.weight}, ${c.axis} axis, ${min}-${max}, ${best}`));
  }
  if (form.notes !== undefined) out.push(block('notes', form.notes));
  return `${out.join('\n')}\n`;
}

type PlanContent = Partial<Pick<Plan, 'team' | 'stakeholders' | 'opportunities' | 'risks'>> & {
  // Written as users write them: `side` and `shared` are left to their defaults.
  objectives?: PlanInput['objectives'];
  actions?: PlanInput['actions'];
  kpis?: PlanInput['kpis'];
  answers?: Record<string, string | { na: string }>;
  swot?: Partial<Plan['swot']>;
};

export interface PlanForm extends PlanContent {
  account: string;
  accountName: string;
  today: string;
  period?: string;
  stage?: Plan['stage'];
  /** What the account's tier asks for (spec 1.1, section 2); default: the repo-wide rules. */
  requirements?: Requirements;
}

export function planText(config: Config, form: PlanForm): string {
  const req = form.requirements ?? requirementsFor(config, null);
  const roles = req.roles.map((r) => `${r.id} (${r.label})`).join(', ');
  const tierNote = req.profile ? ` (what ${req.profile} asks for)` : '';
  const required = new Set(req.questions.map((q) => q.id));
  const totalQuestions = config.checklist.categories.reduce((n, c) => n + c.questions.length, 0);
  const out = [
    schemaLine(PLAN_SCHEMA_REF),
    commentLines(
      `Account plan for ${form.accountName}. The answers section is the planning checklist: answer each question ` +
        'under its key, or write { na: reason } when it does not apply. "kam check" lists what is still open.' +
        (req.profile && required.size < totalQuestions
          ? ` ${req.profile}'s profile asks for ${required.size} of the ${totalQuestions} checklist questions: those are listed; you may answer the others too.`
          : ''),
    ),
    `account: ${scalar(form.account)}`,
    withComment(`period: ${scalar(form.period ?? `FY${form.today.slice(0, 4)}`)}`, 'what the plan covers'),
    withComment(`stage: ${form.stage ?? 'strategy'}`, STAGES.join(' | ')),
    withComment(`last_reviewed: ${form.today}`, `update it at every review; stale after ${req.cadenceDays} days`),
    '',
    commentLines(`Our account team. Roles${tierNote}: ${roles}.`),
    list('team', form.team, '- { name: Your Name, roles: [relationship_lead] }', (p) => `  - ${flow(p)}`),
    '',
    commentLines(
      `Their people: the power map. role: ${STAKEHOLDER_ROLES.join(' | ')}; influence: ${LEVELS.join(' | ')}; ` +
        `stance: ${STANCES.join(' | ')}; owner: who on our team holds the relationship; contacts: our other people who know them; ` +
        'id: a short name others refer to in reports_to (the id of their manager); last_contact: the last real conversation.' +
        (req.stakeholderRoles.length ? ` ${req.profile} asks for someone in each of: ${req.stakeholderRoles.join(', ')}.` : '') +
        (req.contactDays !== undefined ? ` ${req.profile} asks for contact with high-influence people every ${req.contactDays} days.` : ''),
    ),
    list(
      'stakeholders',
      form.stakeholders,
      '- { id: , name: , title: , role: decision_maker, influence: high, stance: neutral, owner: , contacts: [], reports_to: , last_contact: YYYY-MM-DD }',
      (s) => blockItem(s, 2),
    ),
    '',
    'answers:',
  ];
  // The categories and questions the tier asks for (and any the form already answers).
  const listed = (id: string) => required.has(id) || form.answers?.[id] !== undefined;
  config.checklist.categories
    .filter((c) => c.questions.some((q) => listed(q.id)))
    .forEach((category, i) => {
      if (i > 0) out.push('');
      out.push(`  # ==== ${category.title} ====`);
      for (const q of category.questions.filter((x) => listed(x.id))) {
        const answer = form.answers?.[q.id];
        out.push(commentLines(q.text, 2), answer === undefined ? `  ${q.id}:` : block(q.id, answer, 2));
      }
    });
  out.push(
    '',
    list('objectives', form.objectives, '- Become their primary partner for ...', (o) => `  - ${typeof o === 'string' ? scalar(o) : flow(o)}`, 'what we want to achieve this period'),
    'swot:',
    ...(['strengths', 'weaknesses', 'opportunities', 'threats'] as const).map((k) => list(k, form.swot?.[k], undefined, (s) => `  - ${scalar(s)}`, undefined, 2)),
    list('opportunities', form.opportunities, '- { name: , value: 0, close: YYYY-MM-DD }', (o) => `  - ${flow(o)}`, 'deals we are working on'),
    list('actions', form.actions, `- { title: , owner: , due: YYYY-MM-DD, status: open }   # status: ${ACTION_STATUSES.join(' | ')}`, (a) => `  - ${flow(a)}`, 'every action needs an owner'),
    list('risks', form.risks, '- { risk: , likelihood: medium, impact: high, mitigation: , owner: }', (r) => `  - ${flow(r)}`),
    list('kpis', form.kpis, '- { name: , target: , actual: }', (k) => `  - ${flow(k)}`, 'how we measure progress'),
  );
  return `${out.join('\n')}\n`;
}

/** A list section: its items, or `key: []` with a commented example item to copy. */
function list<T>(key: string, items: T[] | undefined, example: string | undefined, item: (x: T) => string, comment?: string, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (items && items.length > 0) return [withComment(`${pad}${key}:`, comment), ...items.map((x) => pad + item(x))].join('\n');
  const head = withComment(`${pad}${key}: []`, comment);
  return example ? `${head}\n${pad}  # ${example}` : head;
}
