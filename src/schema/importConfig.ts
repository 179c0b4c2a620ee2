import { z } from 'zod';
import { didYouMean } from '../util/didYouMean.js';
import { PRESET_IDS } from '../crm/index.js';
import { ident } from './common.js';

/** Account fields a CSV column can fill (`ratings.<criterion>` aside); `ignore` drops the column. */
export const IMPORT_FIELDS = ['id', 'crm_id', 'name', 'industry', 'region', 'manager', 'revenue.current', 'revenue.potential', 'notes', 'ignore'] as const;

const FIELD_RE = new RegExp(`^(?:${IMPORT_FIELDS.map((f) => f.replace('.', '\\.')).join('|')}|ratings\\.[a-z][a-z0-9_]*)$`);

const importField = z
  .string()
  .regex(FIELD_RE, `must be an account field: ${IMPORT_FIELDS.join(', ')} or ratings.<criterion>`);

export const importSection = z
  .strictObject({
    map: z
      .record(z.string().min(1), z.union([importField, z.array(importField).min(1)]))
      .optional()
      .meta({ description: 'CSV column -> account field (or a list of fields). Columns named like a field (name, industry...) map themselves.' }),
    bands: z
      .record(ident, z.array(z.number()).min(1))
      .optional()
      .meta({
        description:
          'criterion -> ascending thresholds (scale.max - scale.min of them) turning a number into a rating: below the first -> scale.min, below the second -> scale.min + 1, ... at or above the last -> scale.max',
      }),
    from: z
      .enum(PRESET_IDS)
      .optional()
      .meta({ description: 'The CRM whose standard export columns map themselves (salesforce, hubspot, dynamics); same as --from. kam.yaml map entries and --map override it per column.' }),
    decimal_comma: z
      .boolean()
      .optional()
      .meta({ description: 'Numbers are written with a decimal comma (1.250.000,50); same as --decimal-comma. Default: decimal point.' }),
    id_column: z.string().min(1).optional().meta({ description: 'The column holding each account id (slugified into the file name); same as mapping it to "id".' }),
  })
  .meta({ description: 'Defaults for "kam import" (the command-line --map and --bands options add to and override them).' });

export type ImportSection = z.output<typeof importSection>;

type ScoringShape = { scale: { min: number; max: number }; criteria: readonly { id: string }[] };

/** Every field a column can map to in a repo with these criteria. */
export function importFields(scoring: ScoringShape): string[] {
  return [...IMPORT_FIELDS, ...scoring.criteria.map((c) => `ratings.${c.id}`)];
}

/** Why `field` is not a field of this repo, or undefined when it is. */
export function fieldProblem(field: string, scoring: ScoringShape): string | undefined {
  const fields = importFields(scoring);
  if (fields.includes(field)) return undefined;
  if (field.startsWith('ratings.'))
    return `"${field}" names no criterion${didYouMean(field, fields)}; criteria are ${scoring.criteria.map((c) => c.id).join(', ')}`;
  return `"${field}" is not an account field${didYouMean(field, fields)}; fields are ${IMPORT_FIELDS.join(', ')} and ratings.<criterion>`;
}

/**
 * Why `thresholds` are not valid bands for `criterion`, or undefined. There is one threshold
 * between each two neighbouring ratings (scale.max - scale.min), in ascending order.
 */
export function bandsProblem(criterion: string, thresholds: readonly number[], scoring: ScoringShape): string | undefined {
  if (!scoring.criteria.some((c) => c.id === criterion))
    return `"${criterion}" is not a criterion${didYouMean(criterion, scoring.criteria.map((c) => c.id))}; criteria are ${scoring.criteria.map((c) => c.id).join(', ')}`;
  const { min, max } = scoring.scale;
  const needed = max - min;
  if (thresholds.length !== needed)
    return `"${criterion}" needs ${needed} thresholds for the ${min}..${max} scale (one between each two ratings), not ${thresholds.length}`;
  const bad = thresholds.findIndex((t, i) => !Number.isFinite(t) || (i > 0 && t <= thresholds[i - 1]!));
  if (bad === 0) return `the thresholds of "${criterion}" must be numbers`;
  if (bad > 0) return `the thresholds of "${criterion}" must be numbers in ascending order; ${thresholds[bad]} comes after ${thresholds[bad - 1]}`;
  return undefined;
}

/** The rating a number falls on: below thresholds[0] -> min, ..., at or above the last -> max. */
export function bandRating(value: number, thresholds: readonly number[], min: number): number {
  let rating = min;
  for (const t of thresholds) if (value >= t) rating++;
  return rating;
}
