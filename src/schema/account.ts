import { z } from 'zod';
import { isoDate, nonEmptyText, slug } from './common.js';
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
        })
        .optional(),
      ratings: ratings.default({}),
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
