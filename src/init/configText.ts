import { defaultConfig, type Config } from '../schema/config.js';
import { RULE_DEFAULTS } from '../check/registry.js';
import { block, commentLines, flow, scalar, schemaLine, withComment } from './yamlText.js';
import { pushAll } from '../util/lists.js';

export const CONFIG_SCHEMA_REF = 'schema/kam.schema.json';

/**
 * The text of kam.yaml for `config`, every section written out and commented so users can see and
 * edit the scoring model. Values come only from `config` (normally `defaultConfig()`), so the file
 * can never drift from the defaults: loading the text gives back `config`.
 */
export function configText(config: Config, opts: { withChecklist?: boolean } = {}): string {
  const { scoring } = config;
  const { min, max } = scoring.scale;
  const criteria = scoring.criteria.map(({ inverse, description, ...c }) => ({
    ...c,
    ...(inverse ? { inverse } : {}),
    ...(description !== undefined ? { description } : {}),
  }));
  const keyTierExample = scoring.tiers.slice(0, Math.max(1, scoring.tiers.length - 1)).map((t) => t.name);
  const out: string[] = [
    schemaLine(CONFIG_SCHEMA_REF),
    '# kam plan repo configuration (format version 1).',
    "# Every section below is kam's built-in default, written out so you can see and change it;",
    '# delete a section to fall back to the default. "kam check" tells you when something is wrong.',
    'version: 1',
  ];
  if (config.organization !== undefined) out.push(withComment(`organization: ${scalar(config.organization)}`, 'the supplier: us'));
  out.push(withComment(`currency: ${scalar(config.currency)}`, 'ISO 4217 code; revenue figures are in it'));
  out.push(
    '',
    commentLines(
      'Scoring: each account is rated on the criteria below. A rating r becomes n = (r - min) / (max - min), ' +
        'or 1 - n for an inverse criterion (where a low rating is best); the score is 100 * sum(weight * n) / sum(weight) ' +
        'over the criteria the account rates. The current and potential axis scores place it on the key account matrix.',
    ),
    'scoring:',
    withComment(`  scale: ${flow({ min, max })}`, 'ratings are whole numbers from min to max'),
    commentLines('Criteria, in display order. axis: current = our position today, potential = how attractive the account is.', 2),
    '  criteria:',
    ...criteria.map((c) => `    - ${flow(c)}`),
    commentLines('Tiers, highest first: an account gets the first tier whose min is at most its score.', 2),
    '  tiers:',
    ...scoring.tiers.map((t) => `    - ${flow(t)}`),
    withComment(`  untiered: ${scalar(scoring.untiered)}`, 'the label of accounts below the last tier'),
    withComment(`  matrix_threshold: ${scalar(scoring.matrix_threshold)}`, 'an axis score at or above it counts as high'),
    withComment(`  min_rated_weight: ${scalar(scoring.min_rated_weight)}`, 'share of the total weight an account must rate to get a tier'),
    withComment('  quadrants:', 'names of the four quadrants of the key account matrix'),
    ...Object.entries(scoring.quadrants).map(([k, v]) => `    ${k}: ${scalar(v)}`),
    '',
    'limits:',
    withComment(`  max_key_accounts: ${config.limits.max_key_accounts}`, 'tiered accounts allowed in the portfolio'),
    withComment(`  max_accounts_per_manager: ${config.limits.max_accounts_per_manager}`, 'tiered accounts one manager may own'),
    'review:',
    withComment(`  cadence_days: ${config.review.cadence_days}`, 'a plan not reviewed for longer is stale'),
    '',
  );
  if (config.key_tiers === undefined) {
    out.push('# Tiers whose accounts must have a plan. Default: every tier. For example:', `# key_tiers: ${flow(keyTierExample)}`);
  } else {
    out.push('# Tiers whose accounts must have a plan.', `key_tiers: ${flow(config.key_tiers)}`);
  }
  out.push(
    '',
    commentLines('Account team roles, assigned to people in each plan\'s team. Listing roles here replaces the default list.'),
    'roles:',
    ...config.roles.map((r) => `  - ${flow(r)}`),
    '',
  );
  pushAll(out, [...profilesText(config), '', ...healthText(config), '', ...numbersText(config), '']);
  const questions = config.checklist.categories.reduce((n, c) => n + c.questions.length, 0);
  if (opts.withChecklist) {
    out.push(
      commentLines(
        'The planning checklist: every plan answers these questions under `answers:`, keyed by question id. ' +
          'Edit, add or remove questions freely; question ids are <category>.<name>.',
      ),
      block('checklist', config.checklist),
      '',
    );
  } else {
    out.push(
      commentLines(
        `Checklist: the built-in planning checklist applies (${config.checklist.categories.length} categories, ${questions} questions; ` +
          'every plan answers them under `answers:`). To customise it, run "kam init --with-checklist" in an empty folder ' +
          'and copy its `checklist:` section here: a checklist here replaces the built-in one entirely.',
      ),
      '',
    );
  }
  const rules = Object.entries(config.rules).filter(([, v]) => v !== undefined);
  if (rules.length > 0) {
    out.push('# Rule severities: error | warning | off.', block('rules', Object.fromEntries(rules)));
  } else {
    out.push(
      '# Rule severities: error | warning | off. The defaults are:',
      '# rules:',
      ...Object.entries(RULE_DEFAULTS).map(([id, severity]) => `#   ${id}: ${severity}`),
    );
  }
  return `${out.join('\n')}\n`;
}

/**
 * kam.yaml's `health:` section (spec 1.1, section 4, docs/health.md): the repo's own when it
 * differs from the defaults, else the defaults and an example measure, commented, valid once
 * uncommented.
 */
export function healthText(config: Config): string[] {
  const intro = commentLines(
    'Plan health: how well each plan is kept (0-100), from its checklist completeness, how recently it was ' +
      'reviewed, its team and stakeholder roles and its actions, weighted as below, plus manual measures that ' +
      'accounts record under `health:` with the day they measured them (see docs/health.md).',
  );
  const defaults = defaultConfig().health;
  if (JSON.stringify(config.health) !== JSON.stringify(defaults)) return [intro, block('health', config.health)];
  return [
    `${intro}\n# The defaults, and an example measure:`,
    '# health:',
    `#   weights: ${flow(defaults.weights)}`,
    `#   bands: ${flow(defaults.bands)}`,
    '#   measures:',
    '#     - { id: nps, label: Net Promoter Score, weight: 2, min: -100, max: 100, max_age_days: 180 }',
  ];
}

/**
 * kam.yaml's `profiles:` section (spec 1.1, section 2): the repo's own when it has one, else a
 * commented example per tier, lighter for lower tiers, built from this config's tiers, roles and
 * checklist so that it is valid once uncommented.
 */
export function profilesText(config: Config): string[] {
  const intro = commentLines(
    'Profiles: what each tier asks of its plans: team roles, stakeholder roles someone must hold, the review ' +
      'cadence, how often to talk to high-influence stakeholders (contact_days), and the checklist ' +
      '(all, or category and question ids). Keys left out fall back to the repo-wide rules above.',
  );
  if (config.profiles !== undefined) return [intro, block('profiles', config.profiles)];
  const cadence = config.review.cadence_days;
  const roles = config.roles.map((r) => r.id);
  const categories = config.checklist.categories.map((c) => c.id);
  const example: Record<string, Record<string, string | number | string[]>> = Object.fromEntries(
    config.scoring.tiers.map((tier, i): [string, Record<string, string | number | string[]>] => {
      if (i === 0)
        return [tier.name, { stakeholder_roles: ['decision_maker', 'economic_buyer', 'champion'], cadence_days: Math.max(1, Math.round((cadence * 2) / 3)), contact_days: 45, checklist: 'all' }];
      if (i === 1)
        return [tier.name, { roles: roles.slice(0, 3), stakeholder_roles: ['decision_maker'], cadence_days: Math.round((cadence * 4) / 3), checklist: categories.slice(0, Math.max(1, Math.ceil(categories.length / 2))) }];
      return [tier.name, { roles: roles.slice(0, 1), cadence_days: cadence * 2, checklist: categories.slice(0, Math.min(2, categories.length)) }];
    }),
  );
  if (Object.keys(example).length === 0) return [intro, '# profiles: {}'];
  return [
    `${intro}\n# Default: no profiles (every plan meets the repo-wide rules). For example:`,
    '# profiles:',
    ...Object.entries(example).flatMap(([tier, profile]) => [
      `#   ${scalar(tier)}:`,
      ...Object.entries(profile).map(([key, value]) => `#     ${key}: ${Array.isArray(value) ? flow(value) : scalar(value)}`),
    ]),
  ];
}

/**
 * kam.yaml's `pipeline:` and `renewals:` (spec 1.2, sections 2 and 4, docs/numbers.md): the
 * repo's own when set, else commented with an example, valid once uncommented.
 */
export function numbersText(config: Config): string[] {
  const out = [commentLines('The numbers (docs/numbers.md): opportunity stages with their chance to win (won and lost always exist), the pipeline coverage a key account needs, and how many days ahead contract renewals count and must be assessed.')];
  if (config.pipeline) out.push(block('pipeline', config.pipeline));
  else out.push('# Default: no stages (an opportunity\'s stage is free text). For example:', '# pipeline:', '#   stages:', '#     - { id: qualify, probability: 0.1 }', '#     - { id: propose, probability: 0.4 }', '#     - { id: negotiate, probability: 0.7 }', '#   min_coverage: 1');
  const defaults = defaultConfig().renewals;
  if (JSON.stringify(config.renewals) !== JSON.stringify(defaults)) out.push(block('renewals', config.renewals));
  else out.push(`# renewals: ${flow(defaults)}`);
  return out;
}
