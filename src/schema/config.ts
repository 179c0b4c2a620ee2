import { z } from 'zod';
import { ident, nonEmptyText, slug, uniqueBy } from './common.js';
import {
  DEFAULT_CRITERIA, DEFAULT_CURRENCY, DEFAULT_HEALTH_BANDS, DEFAULT_HEALTH_WEIGHTS, HEALTH_COMPONENTS, type HealthComponentId, DEFAULT_LIMITS, DEFAULT_MATRIX_THRESHOLD, DEFAULT_MIN_RATED_WEIGHT, DEFAULT_QUADRANTS,
  DEFAULT_REVIEW, DEFAULT_ROLES, DEFAULT_MIN_COVERAGE, DEFAULT_ASSESS_DAYS, DEFAULT_SCALE, DEFAULT_TIERS, DEFAULT_UNTIERED,
} from './defaults.js';
import { DEFAULT_CHECKLIST } from './checklist.js';
import { RULE_IDS, SEVERITIES, type RuleId } from './rules.js';
import { STAKEHOLDER_ROLES } from './enums.js';
import { closest } from '../util/didYouMean.js';
import { bandsProblem, fieldProblem, importSection } from './importConfig.js';
import { groupDigits } from '../util/digits.js';

export const MIN_WEIGHT = 0.000001;
export const MAX_WEIGHT = 1_000_000;

const criterion = z.strictObject({
  id: ident.meta({ description: 'Stable id; account ratings are keyed by it.' }),
  label: nonEmptyText,
  // Weights are relative; bounded so that their sums and products stay ordinary numbers (near
  // 1e308 they overflow to Infinity and scores become NaN).
  weight: z
    .number()
    .positive('must be greater than 0')
    .min(MIN_WEIGHT, `must be at least ${MIN_WEIGHT}: weights are relative, so scale them all up`)
    .max(MAX_WEIGHT, `must be at most ${groupDigits(MAX_WEIGHT)}: weights are relative, so scale them all down`),
  axis: z.enum(['current', 'potential']).meta({ description: 'current = our position today; potential = attractiveness' }),
  inverse: z.boolean().default(false).meta({ description: 'true when a low rating is best (e.g. effort)' }),
  description: z.string().optional(),
});

/** Largest span of the rating scale (max - min); kam lists every step of it (import bands, --explain moves). */
export const MAX_SCALE_STEPS = 100;
const scaleEnd = z.int().min(-1_000_000, 'must be at least -1,000,000').max(1_000_000, 'must be at most 1,000,000');

const scale = z
  .strictObject({ min: scaleEnd, max: scaleEnd })
  .refine((s) => s.max > s.min, { message: 'scale.max must be greater than scale.min', path: ['max'] })
  .refine((s) => !(s.max > s.min) || s.max - s.min <= MAX_SCALE_STEPS, {
    message: `the scale may span at most ${MAX_SCALE_STEPS} steps (max - min), such as 1-5, 0-10 or 0-100`,
    path: ['max'],
  });

const tier = z.strictObject({ name: nonEmptyText, min: z.number().min(0).max(100) });

const quadrants = z.strictObject({
  high_current_high_potential: nonEmptyText.default(DEFAULT_QUADRANTS.high_current_high_potential),
  low_current_high_potential: nonEmptyText.default(DEFAULT_QUADRANTS.low_current_high_potential),
  high_current_low_potential: nonEmptyText.default(DEFAULT_QUADRANTS.high_current_low_potential),
  low_current_low_potential: nonEmptyText.default(DEFAULT_QUADRANTS.low_current_low_potential),
});

const scoringObject = z
  .strictObject({
    scale: scale.default({ ...DEFAULT_SCALE }),
    criteria: z
      .array(criterion)
      .min(1, 'needs at least one criterion')
      .superRefine(uniqueBy((c) => c.id, 'criterion id'))
      .default(DEFAULT_CRITERIA.map((c) => ({ ...c }))),
    tiers: z
      .array(tier)
      .superRefine(uniqueBy((t) => t.name, 'tier name'))
      .superRefine((tiers, ctx) => {
        tiers.forEach((t, i) => {
          const prev = tiers[i - 1];
          if (prev && t.min >= prev.min)
            ctx.addIssue({ code: 'custom', path: [i, 'min'], message: `tiers are listed highest first: ${t.min} must be below ${prev.min}` });
        });
      })
      .default(DEFAULT_TIERS.map((t) => ({ ...t }))),
    untiered: nonEmptyText.default(DEFAULT_UNTIERED),
    matrix_threshold: z.number().min(0).max(100).default(DEFAULT_MATRIX_THRESHOLD),
    // An account whose rated criteria carry less than this share of the total weight gets no tier
    // and no quadrant ("needs rating"): a few ratings must not rank an account at the top.
    min_rated_weight: z.number().min(0).max(1).default(DEFAULT_MIN_RATED_WEIGHT),
    quadrants: quadrants.default({ ...DEFAULT_QUADRANTS }),
  })
  .superRefine((s, ctx) => {
    // An account in no tier is labelled `untiered`: a tier of that name would make the two one.
    if (s.tiers.some((t) => t.name === s.untiered))
      ctx.addIssue({ code: 'custom', path: ['untiered'], message: `"${s.untiered}" is also the name of a tier; the label for accounts in no tier must differ from every tier name` });
  });
const scoring = scoringObject.default(() => scoringObject.parse({}));

const question = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'must be <category>.<name> in snake_case'),
  text: nonEmptyText,
  help: z.string().optional(),
});

const category = z
  .strictObject({ id: ident, title: nonEmptyText, questions: z.array(question).min(1, 'needs at least one question') })
  .superRefine((c, ctx) => {
    c.questions.forEach((q, i) => {
      if (!q.id.startsWith(`${c.id}.`))
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `question ids in category "${c.id}" start with "${c.id}."` });
    });
  });

const checklist = z
  .strictObject({ categories: z.array(category).min(1).superRefine(uniqueBy((c) => c.id, 'category id')) })
  .superRefine((cl, ctx) => {
    const seen = new Set<string>();
    cl.categories.forEach((c, ci) =>
      c.questions.forEach((q, qi) => {
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['categories', ci, 'questions', qi, 'id'], message: `duplicate question id "${q.id}"` });
        seen.add(q.id);
      }),
    );
  });

const role = z.strictObject({ id: ident, label: nonEmptyText, description: z.string().optional() });

/** spec 1.1, section 5: what we sell, the columns of every plan's whitespace map. */
/**
 * The whitespace map is buying centers x offerings: both lists and their product are bounded, so a
 * repo cannot ask for a grid that takes gigabytes (12,000 x 12,000 cells) to check or render.
 */
export const MAX_OFFERINGS = 1000;

const offering = z.strictObject({ id: slug.meta({ description: 'Slug; whitespace entries and opportunities name it' }), label: nonEmptyText, description: z.string().optional() });

/**
 * What one tier requires of its plans (spec 1.1, section 2). Every key is optional and falls back
 * to the repo-wide behaviour of version 1; names are checked against the rest of kam.yaml below.
 */
const profile = z.strictObject({
  roles: z.array(ident).optional().meta({ description: 'Account-team roles this tier requires (role ids); default: every role' }),
  stakeholder_roles: z.array(z.string()).optional().meta({ description: 'Stakeholder roles someone must hold; default: none' }),
  cadence_days: z.int().positive().optional().meta({ description: 'Review cadence for this tier; default: review.cadence_days' }),
  contact_days: z.int().positive().optional().meta({ description: 'Days allowed since the last contact with a high-influence stakeholder; default: no contact check' }),
  min_threads: z.int().positive().optional().meta({ description: 'Fewest people of ours who must hold relationships at the account (too_few_threads); default: no thread check' }),
  checklist: z
    .union([z.literal('all'), z.array(z.string())])
    .optional()
    .meta({ description: '"all", or a list of category ids and question ids this tier must answer; default: all' }),
  min_coverage: z.number().nonnegative().optional().meta({ description: 'Pipeline coverage this tier needs (pipeline_short); default: pipeline.min_coverage' }),
});

/**
 * spec 1.2, section 2: the declared opportunity stages, in order. `won` (probability 1) and
 * `lost` (0) always exist and may not be declared: their probabilities are fixed.
 */
const pipelineStage = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be a lowercase id: a-z, 0-9, "-" and "_"')
    .refine((id) => id !== 'won' && id !== 'lost', { error: (iss) => `must not be "${String(iss.input)}": won (probability 1) and lost (probability 0) always exist; remove this stage` }),
  probability: z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1').meta({ description: 'Chance that an opportunity at this stage is won, 0 to 1' }),
});
const pipeline = z
  .strictObject({
    stages: z.array(pipelineStage).superRefine(uniqueBy((s) => s.id, 'stage id')).optional().meta({ description: 'Ordered stages with probabilities; opportunities then use one of them, won or lost' }),
    min_coverage: z.number().nonnegative().default(DEFAULT_MIN_COVERAGE).meta({ description: '(won + weighted pipeline) / (target - current) a key account needs; default 1' }),
  })
  .meta({ description: 'Opportunity stages and the coverage a key account needs (spec 1.2, section 2)' });

const renewalsObject = z
  .strictObject({ assess_days: z.int().nonnegative().default(DEFAULT_ASSESS_DAYS).meta({ description: 'Days before a contract ends from which it counts as renewing and must be assessed' }) })
  .meta({ description: 'Contract renewals (spec 1.2, section 4)' });
const renewals = renewalsObject.default(() => renewalsObject.parse({}));


// Bounded like scoring weights: near 1e308 the weighted sum overflows to Infinity and health
// becomes NaN (issue 24).
const healthWeight = z
  .number()
  .min(0, 'must be 0 or more (0 leaves the component out)')
  .max(MAX_WEIGHT, `must be at most ${groupDigits(MAX_WEIGHT)}: weights are relative, so scale them all down`);

/** Largest magnitude of a measure's min and max: max - min stays an ordinary number. */
export const MAX_MEASURE_END = 1e15;
const measureEnd = z
  .number()
  .min(-MAX_MEASURE_END, 'must be at least -1e15 (-1,000,000,000,000,000): a range wider than that overflows')
  .max(MAX_MEASURE_END, 'must be at most 1e15 (1,000,000,000,000,000): a range wider than that overflows');

/** A health measure stays fresh at most 100 years (36,500 days); one that never goes stale leaves max_age_days out. */
export const MAX_AGE_DAYS = 36_500;

/** A manual health input (e.g. NPS) that accounts record under `health:` with a value and a date. */
const healthMeasure = z
  .strictObject({
    id: ident
      .refine((id) => !(HEALTH_COMPONENTS as readonly string[]).includes(id), { message: `must not be a built-in component (${HEALTH_COMPONENTS.join(', ')})` })
      .refine((id) => !(id in Object.prototype), { message: 'must not be a name every JavaScript object has (such as constructor); pick another id' }),
    label: nonEmptyText,
    weight: healthWeight.default(1),
    min: measureEnd.default(0).meta({ description: 'The worst value (counts as 0)' }),
    max: measureEnd.default(100).meta({ description: 'The best value (counts as 1)' }),
    max_age_days: z.int().positive().max(MAX_AGE_DAYS, `must be at most ${groupDigits(MAX_AGE_DAYS)} (100 years); leave it out for a value that never goes stale`).optional().meta({ description: 'A value older than this is stale: left out of health and reported; default: never stale' }),
  })
  .refine((m) => m.max > m.min, { message: 'max must be greater than min', path: ['max'] });

const healthObject = z
  .strictObject({
    weights: z
      .strictObject(Object.fromEntries(HEALTH_COMPONENTS.map((c) => [c, healthWeight.default(DEFAULT_HEALTH_WEIGHTS[c])])) as Record<HealthComponentId, z.ZodDefault<typeof healthWeight>>)
      .default({ ...DEFAULT_HEALTH_WEIGHTS }),
    bands: z
      .strictObject({ green: z.number().min(0).max(100).default(DEFAULT_HEALTH_BANDS.green), amber: z.number().min(0).max(100).default(DEFAULT_HEALTH_BANDS.amber) })
      .refine((b) => b.amber <= b.green, { message: 'bands.amber must not be above bands.green', path: ['amber'] })
      .default({ ...DEFAULT_HEALTH_BANDS }),
    measures: z.array(healthMeasure).superRefine(uniqueBy((m) => m.id, 'measure id')).default([]),
  })
  .meta({ description: 'Plan health (spec 1.1, section 4): component weights, bands and manual measures' });
const health = healthObject.default(() => healthObject.parse({}));

/** A git host handle: `@user`, `@org/team`, or an e-mail address (as CODEOWNERS takes them). */
const handle = z
  .string()
  .regex(/^(@[A-Za-z0-9][A-Za-z0-9-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?|[^@\s]+@[^@\s]+\.[^@\s]+)$/, 'must be a git host handle such as "@dwhitfield" or "@acme/sales-leads", or an e-mail address');

/** spec 1.1, section 9: a person is a handle (short form), or `{ handle, email }`, or `{}`. */
const person = z.union([
  handle,
  z.strictObject({ handle: handle.optional(), email: z.email('must be an e-mail address').optional() }),
]);

const ruleSeverities = z.strictObject(
  Object.fromEntries(RULE_IDS.map((id) => [id, z.enum(SEVERITIES).optional()])) as Record<
    RuleId,
    z.ZodOptional<z.ZodEnum<{ error: 'error'; warning: 'warning'; off: 'off' }>>
  >,
);

const configObjectShape = z.strictObject({
    $schema: z.string().optional(),
    version: z.literal(1, { error: 'version must be 1 (the only plan repo format version)' }),
    organization: z.string().optional().meta({ description: 'The supplier: us.' }),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as USD or EUR').default(DEFAULT_CURRENCY),
    scoring,
    limits: z
      .strictObject({
        max_key_accounts: z.int().positive().default(DEFAULT_LIMITS.max_key_accounts),
        max_accounts_per_manager: z.int().positive().default(DEFAULT_LIMITS.max_accounts_per_manager),
      })
      .default({ ...DEFAULT_LIMITS }),
    review: z.strictObject({ cadence_days: z.int().positive().default(DEFAULT_REVIEW.cadence_days) }).default({ ...DEFAULT_REVIEW }),
    key_tiers: z.array(nonEmptyText).optional().meta({ description: 'Tiers whose accounts must have a plan; default: all tiers.' }),
    roles: z.array(role).min(1).superRefine(uniqueBy((r) => r.id, 'role id')).default(DEFAULT_ROLES.map((r) => ({ ...r }))),
    checklist: checklist.default(() => structuredClone(DEFAULT_CHECKLIST)),
    rules: ruleSeverities.default({}),
    import: importSection.optional(),
    people: z.record(z.string(), person).optional().meta({ description: 'The people named in accounts and plans: name -> git host handle, or { handle, email }' }),
    approvals: z.record(z.string(), z.array(handle)).optional().meta({ description: 'Tier name -> the handles that must approve changes to its files' }),
    offerings: z
      .array(offering)
      .max(MAX_OFFERINGS, `must list at most ${groupDigits(MAX_OFFERINGS)} offerings (the columns of every plan's whitespace map); group related ones into one`)
      .superRefine(uniqueBy((o) => o.id, 'offering id'))
      .default([]).meta({ description: 'What we sell: the columns of the whitespace map; default none' }),
    profiles: z.record(z.string(), profile).optional().meta({ description: 'What each tier requires of its plans, keyed by tier name' }),
    health,
    pipeline: pipeline.optional(),
    renewals,
  });

export const configSchema = configObjectShape
  .superRefine((cfg, ctx) => {
    const names = new Set(cfg.scoring.tiers.map((t) => t.name));
    cfg.key_tiers?.forEach((name, i) => {
      if (!names.has(name))
        ctx.addIssue({ code: 'custom', path: ['key_tiers', i], message: `"${name}" is not a tier; tiers are ${[...names].map((n) => `"${n}"`).join(', ')}` });
    });
    profileProblems(cfg, ctx);
    for (const tierName of Object.keys(cfg.approvals ?? {})) {
      const tiers = cfg.scoring.tiers.map((t) => t.name);
      if (!tiers.includes(tierName)) ctx.addIssue({ code: 'custom', path: ['approvals', tierName], message: `"${tierName}" is not a tier${hint(tierName, tiers)}; tiers are ${tiers.map((n) => `"${n}"`).join(', ')}` });
    }
    // Import mappings name criteria, which only the scoring section knows.
    for (const [column, fields] of Object.entries(cfg.import?.map ?? {})) {
      [fields].flat().forEach((field, i) => {
        const problem = fieldProblem(field, cfg.scoring);
        if (problem) ctx.addIssue({ code: 'custom', path: ['import', 'map', column, ...(Array.isArray(fields) ? [i] : [])], message: problem });
      });
    }
    for (const [criterion, thresholds] of Object.entries(cfg.import?.bands ?? {})) {
      const problem = bandsProblem(criterion, thresholds, cfg.scoring);
      if (problem) ctx.addIssue({ code: 'custom', path: ['import', 'bands', criterion], message: problem });
    }
  })
  .meta({ title: 'kam.yaml', description: 'kam plan repo configuration (format version 1)' });

/** A profile may only name tiers, roles, stakeholder roles, categories and questions that exist. */
function profileProblems(cfg: z.output<typeof configObjectShape>, ctx: z.RefinementCtx): void {
  const tiers = cfg.scoring.tiers.map((t) => t.name);
  const roles = cfg.roles.map((r) => r.id);
  const categories = cfg.checklist.categories.map((c) => c.id);
  const questions = cfg.checklist.categories.flatMap((c) => c.questions.map((q) => q.id));
  const list = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
  for (const [tier, p] of Object.entries(cfg.profiles ?? {})) {
    // At the key that names the tier (params.preferKey), not at the profile under it.
    if (!tiers.includes(tier)) ctx.addIssue({ code: 'custom', path: ['profiles', tier], params: { preferKey: true }, message: `"${tier}" is not a tier${hint(tier, tiers)}; tiers are ${list(tiers)}` });
    p.roles?.forEach((r, i) => {
      if (!roles.includes(r)) ctx.addIssue({ code: 'custom', path: ['profiles', tier, 'roles', i], message: `"${r}" is not a role${hint(r, roles)}; roles are ${list(roles)}` });
    });
    p.stakeholder_roles?.forEach((r, i) => {
      if (!(STAKEHOLDER_ROLES as readonly string[]).includes(r))
        ctx.addIssue({ code: 'custom', path: ['profiles', tier, 'stakeholder_roles', i], message: `"${r}" is not a stakeholder role${hint(r, STAKEHOLDER_ROLES)}; they are ${list([...STAKEHOLDER_ROLES])}` });
    });
    if (Array.isArray(p.checklist))
      p.checklist.forEach((id, i) => {
        if (!categories.includes(id) && !questions.includes(id))
          ctx.addIssue({ code: 'custom', path: ['profiles', tier, 'checklist', i], message: `"${id}" is neither a checklist category nor a question id${hint(id, [...categories, ...questions])}` });
      });
  }
}

const hint = (name: string, known: readonly string[]) => {
  const close = closest(name, known);
  return close ? ` (did you mean "${close}"?)` : '';
};

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type Criterion = Config['scoring']['criteria'][number];
export type Tier = Config['scoring']['tiers'][number];
export type Role = Config['roles'][number];
export type Offering = Config['offerings'][number];
export type Checklist = Config['checklist'];
export type Profile = NonNullable<Config['profiles']>[string];
export type Person = NonNullable<Config['people']>[string];
export type HealthConfig = Config['health'];
export type PipelineConfig = NonNullable<Config['pipeline']>;
export type HealthMeasure = HealthConfig['measures'][number];

/** The configuration a repo gets when its kam.yaml holds only `version: 1`. */
export function defaultConfig(): Config {
  return configSchema.parse({ version: 1 });
}

