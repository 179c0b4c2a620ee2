import { z } from 'zod';
import { isoDate, nonEmptyText, slug, uniqueBy } from './common.js';
import { RENEWAL_STATUSES } from './enums.js';
import type { Config } from './config.js';

/** The account schema for a repo: ratings are keyed by its criteria and bounded by its scale. */
export function accountSchema(config: Config) {
  const { min, max } = config.scoring.scale;
  // Range errors show the value found: "must be from 1 to 5, not 9".
  const found = (iss: { input?: unknown }) => (iss.input === undefined ? '' : `, not ${JSON.stringify(iss.input)}`);
  const rating = z
    .int({ error: (iss) => `must be a whole number from ${min} to ${max}${found(iss)}` })
    .min(min, { error: (iss) => `must be from ${min} to ${max}${found(iss)}` })
    .max(max, { error: (iss) => `must be from ${min} to ${max}${found(iss)}` });
  // An empty rating (`effort:` with no value, as `kam new account` writes them) is null: not rated
  // yet. Nulls are dropped here, so scoring and rules see only the criteria that are rated.
  const ratings = z
    .strictObject(
      Object.fromEntries(
        config.scoring.criteria.map((c) => [
          c.id,
          rating.nullable().optional().meta({ description: `${c.label} (${min}-${max}${c.inverse ? `; ${min} is best` : ''}); empty = not rated yet` }),
        ]),
      ) as Record<string, z.ZodOptional<z.ZodNullable<z.ZodInt>>>,
    )
    .transform((r): Record<string, number | undefined> =>
      Object.fromEntries(Object.entries(r).filter((e): e is [string, number] => typeof e[1] === 'number')),
    );
  return z
    .strictObject({
      $schema: z.string().optional(),
      id: slug.optional().meta({ description: 'Optional; must equal the file name without .yaml' }),
      name: nonEmptyText.meta({ description: 'The account (customer) name' }),
      crm_id: z
        .union([nonEmptyText, z.int().nonnegative()])
        .transform(String)
        .optional()
        .meta({ description: 'The id of this account\'s record in the CRM (Salesforce Account ID, HubSpot Record ID, Dynamics account id): "kam import --update" matches rows by it, "kam export" writes it. Unique across accounts.' }),
      industry: z.string().optional(),
      region: z.string().optional(),
      manager: nonEmptyText.optional().meta({ description: 'Key account manager' }),
      revenue: z
        .strictObject({
          current: z.number().nonnegative().optional().meta({ description: `Annual revenue today, in ${config.currency}` }),
          potential: z.number().nonnegative().optional().meta({ description: `Annual revenue potential, in ${config.currency}` }),
          target: z.number().nonnegative().optional().meta({ description: `Annual revenue we aim for, in ${config.currency} (spec 1.2, section 2)` }),
        })
        .optional(),
      ratings: ratings.default({}),
      contracts: z.array(contract(config)).superRefine(uniqueBy((c) => c.id, 'contract id')).optional().meta({ description: 'Contracts that come up for renewal (spec 1.2, section 4)' }),
      economics: z
        .strictObject({
          gross_margin: z.number().min(0, 'must be from 0 to 1 (0.42 is 42%)').max(1, 'must be from 0 to 1 (0.42 is 42%)').optional().meta({ description: 'Gross margin on the account\'s revenue, 0 to 1' }),
          cost_to_serve: z.number().nonnegative().optional().meta({ description: `What serving the account costs a year, in ${config.currency}` }),
        })
        .optional()
        .meta({ description: 'contribution = revenue.current x gross_margin - cost_to_serve (spec 1.2, section 5)' }),
      health: healthInputs(config).optional().meta({ description: 'Values of the health measures of kam.yaml, each with the day it was measured' }),
      notes: z.string().optional(),
      tags: z.array(z.string()).optional(),
    })
    .meta({ title: 'kam account', description: 'A kam account definition (accounts/<id>.yaml)' });
}

export type AccountSchema = ReturnType<typeof accountSchema>;
export type Account = z.output<AccountSchema>;

/** `health:` of an account: one `{ value, as_of }` per measure of kam.yaml's `health.measures`. */
function healthInputs(config: Config) {
  const input = z.strictObject({
    value: z.number().meta({ description: 'The measured value' }),
    as_of: isoDate.meta({ description: 'The day it was measured (YYYY-MM-DD)' }),
  });
  return z.strictObject(
    Object.fromEntries(
      config.health.measures.map((m) => [m.id, input.optional().meta({ description: `${m.label} (${m.min} to ${m.max})` })]),
    ) as Record<string, z.ZodOptional<typeof input>>,
  );
}

export type HealthInput = { value: number; as_of: string };

/** spec 1.2, section 4: a contract of the account; `end` is required, a `start` after it is refused. */
function contract(config: Config) {
  return z
    .strictObject({
      id: slug.meta({ description: 'Slug, unique within the account' }),
      offering: slug.optional().meta({ description: 'The id of an offering of kam.yaml' }),
      value: z.number().nonnegative().optional().meta({ description: `Annual value, in ${config.currency}` }),
      start: isoDate.optional(),
      end: isoDate.meta({ description: 'The last day of the contract' }),
      notice_days: z.int().nonnegative().default(0).meta({ description: 'Days before end by which to decide (the decision day is end - notice_days)' }),
      renewal: z.enum(RENEWAL_STATUSES).default('unknown').meta({ description: 'unknown, likely, at_risk, renewed or lost (renewed and lost settle it)' }),
      notes: z.string().optional(),
    })
    .refine((c) => c.start === undefined || c.start <= c.end, { path: ['end'], message: 'must not be before start: a contract ends on or after the day it starts' });
}

export type Contract = NonNullable<Account['contracts']>[number];
