import { z } from 'zod';
import { dateProblem } from '../util/dates.js';

/** A lowercase slug, used for account ids and other identifiers users type. */
export const SLUG_RE = /^[a-z0-9][a-z0-9-]*$/;
export const slug = z.string().regex(SLUG_RE, 'must be a lowercase slug: letters a-z, digits and "-", starting with a letter or digit');

/** Snake-case identifiers for criteria, roles and checklist names. */
export const ident = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case: a-z, 0-9 and "_", starting with a letter')
  // Ids become keys of ratings, answers and lookups: a name every JavaScript object already has
  // ("constructor") would read as set everywhere. Refused here, where the id is written.
  .refine((id) => !(id in Object.prototype), { error: (issue) => `"${String(issue.input)}" is a name kam reserves (every JavaScript object has it); pick another id, e.g. "${String(issue.input)}_score"` });

/** A date written YYYY-MM-DD, 0001-01-01 to 9999-12-31; "2026-13-01" is "not a real date", with the value in the message. */
export const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .superRefine((v, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) ctx.addIssue({ code: 'custom', message: `must be a date written YYYY-MM-DD, not "${v}"` });
    else {
      const problem = dateProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }
  })
  .meta({ format: 'date' });

export const nonEmptyText = z.string().trim().min(1, 'must not be empty');

/** Reports every value that occurs more than once in `items` under `key`. */
export function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const k = key(item);
      const first = seen.get(k);
      if (first === undefined) seen.set(k, index);
      else ctx.addIssue({ code: 'custom', path: [index], message: `duplicate ${what} "${k}" (first at item ${first + 1})` });
    });
  };
}

/**
 * Schemas where null (a key written with no value, `stakeholders:`) means empty. Forms write lists
 * that way with a commented example below, so that uncommenting the example gives valid YAML.
 * jsonSchema.ts lets these accept null in the JSON Schema too, so editors agree.
 */
export const NULL_AS_EMPTY = new WeakSet<z.ZodType>();

export function emptyWhenNull<T extends z.ZodType>(schema: T) {
  const wrapped = z.preprocess((v) => (v === null ? undefined : v), schema);
  NULL_AS_EMPTY.add(wrapped);
  return wrapped;
}
