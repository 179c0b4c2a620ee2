import type { Config } from '../schema/config.js';
import { ACTION_STATUSES, LEVELS, STAGES, STAKEHOLDER_ROLES, STANCES } from '../schema/enums.js';
import type { Plan } from '../schema/plan.js';
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
  objectives?: (string | { title: string; shared?: boolean })[];
  actions?: (Omit<Plan['actions'][number], 'side' | 'shared' | 'status'> & Partial<Pick<Plan['actions'][number], 'side' | 'shared' | 'status'>>)[];
  kpis?: (Omit<Plan['kpis'][number], 'shared'> & { shared?: boolean })[];
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
  // Examples are valid entries: uncommenting one gives a plan that validates.
  const firstRole = req.roles[0]?.id ?? config.roles[0]?.id;
  const yearEnd = `${form.today.slice(0, 4)}-12-31`;
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
    list('team', form.team, `- { name: Your Name, roles: [${firstRole ?? ''}] }`, (p) => `  - ${flow(p)}`),
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
      `- { id: jane-doe, name: Jane Doe, title: CFO, role: decision_maker, influence: high, stance: neutral, owner: Your Name, last_contact: ${form.today} }`,
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
    list('opportunities', form.opportunities, `- { name: Second site rollout, value: 0, close: ${yearEnd} }`, (o) => `  - ${flow(o)}`, 'deals we are working on'),
    list('actions', form.actions, `- { title: Book the quarterly business review, owner: Your Name, due: ${yearEnd}, status: open }   # status: ${ACTION_STATUSES.join(' | ')}`, (a) => `  - ${flow(a)}`, 'every action needs an owner'),
    list('risks', form.risks, '- { risk: Budget freeze next year, likelihood: medium, impact: high, mitigation: Tie the renewal to their savings plan, owner: Your Name }', (r) => `  - ${flow(r)}`),
    list('kpis', form.kpis, '- { name: Net revenue retention, target: 110%, actual: 104% }', (k) => `  - ${flow(k)}`, 'how we measure progress'),
  );
  return `${out.join('\n')}\n`;
}

/**
 * A list section: its items; or, when empty, `key:` with a commented example item below it, so
 * that uncommenting the example gives valid YAML (an empty value is an empty list); or `key: []`
 * when there is no example.
 */
function list<T>(key: string, items: T[] | undefined, example: string | undefined, item: (x: T) => string, comment?: string, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (items && items.length > 0) return [withComment(`${pad}${key}:`, comment), ...items.map((x) => pad + item(x))].join('\n');
  if (!example) return withComment(`${pad}${key}: []`, comment);
  return `${withComment(`${pad}${key}:`, comment ? `${comment}; uncomment the example below and edit it` : 'uncomment the example below and edit it')}\n${pad}  # ${example}`;
}
