// The parts of an analysis the result cache keeps (cli/runCache.ts), and the one zod schema that
// checks a stored result before it is used. A stored file is untrusted like any file: a hand
// edit, a truncated write or another kam build's shape is a miss, never a crash or a wrong report.
//
// Each schema checks what the formatters read and lets the rest pass (loose objects): a value was
// computed by this build under the same key, so the check guards against damage, not against
// another writer's design. Extending a slice means extending its schema here.
import { z } from 'zod';
import { RULE_FIELDS } from '../findings/finding.js';
import type { Finding } from '../findings/finding.js';
import type { RuleSettings } from '../findings/severity.js';
import type { Completeness } from '../plan/completeness.js';
import type { PlanHealth } from '../health/portfolio.js';
import type { Config } from '../schema/config.js';
import type { Portfolio } from '../score/portfolio.js';
import type { AccountIndex } from './select.js';

const num = z.number().refine(Number.isFinite);
const numOrNull = num.nullable();
const strOrNull = z.string().nullable();
const severity = z.enum(['error', 'warning']);
const band = z.enum(['green', 'amber', 'red']).nullable();

const finding = z.looseObject({
  rule: z.string(),
  severity,
  account: strOrNull,
  file: z.string(),
  line: z.int(),
  column: z.int(),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  ...Object.fromEntries(RULE_FIELDS.map((f) => [f, z.string().optional()])),
});

const completeness = z.looseObject({ answered: num, not_applicable: num, unanswered: num, total: num, percent: num, categories: z.array(z.looseObject({})) });

const index = z.object({
  accounts: z.array(
    z.object({ id: z.string(), file: z.string(), name: z.string().optional(), manager: strOrNull, tier: strOrNull, needsRating: z.boolean(), band: band.optional() }),
  ),
  plans: z.array(z.object({ id: z.string(), file: z.string() })),
  tiers: z.array(z.string()),
  untiered: z.string(),
  people: z.array(z.string()).optional(),
});

const config = z.looseObject({
  scoring: z.looseObject({ criteria: z.array(z.looseObject({ id: z.string() })), tiers: z.array(z.looseObject({ name: z.string() })), untiered: z.string() }),
  limits: z.looseObject({}),
  health: z.looseObject({}),
});

const accountScore = z.looseObject({
  id: z.string(),
  name: z.string(),
  manager: strOrNull,
  score: numOrNull,
  current: numOrNull,
  potential: numOrNull,
  tier: strOrNull,
  tiered: z.boolean(),
  quadrant: strOrNull,
  needsRating: z.boolean(),
  unrated: z.array(z.string()),
  criteria: z.record(z.string(), z.looseObject({})),
});

const portfolio = z.looseObject({
  accounts: z.array(accountScore),
  invalid: z.array(z.looseObject({ id: z.string(), file: z.string(), errors: num, rankedFrom: z.string().optional() })),
  tiers: z.array(z.looseObject({ name: z.string(), min: numOrNull, count: num })),
  unscored: num,
  needsRating: num,
  keyAccounts: z.looseObject({ count: num, limit: num, over: z.boolean() }),
  managers: z.array(z.looseObject({ manager: z.string(), accounts: num })),
  unmanaged: num,
});

const health = z.array(
  z.looseObject({
    id: z.string(),
    file: z.string(),
    name: z.string(),
    tier: strOrNull,
    manager: strOrNull,
    health: numOrNull,
    band,
    components: z.record(z.string(), z.looseObject({ value: num, weight: num })),
    left_out: z.array(z.string()),
    details: z.array(z.looseObject({})),
  }),
);

const SLICES = {
  findings: z.array(finding),
  completeness: z.record(z.string(), completeness),
  index,
  configRules: z.record(z.string(), z.enum(['error', 'warning', 'off'])),
  config,
  portfolio,
  health,
};

/** What each slice holds (the types the analysis computes them as). */
export interface Slices {
  findings: Finding[];
  completeness: Record<string, Completeness>;
  index: AccountIndex;
  configRules: RuleSettings;
  config: Config;
  portfolio: Portfolio;
  health: PlanHealth[];
}
export type SliceName = keyof Slices;

/** A zod schema that checks a stored result made of `names`. */
export function sliceSchema<K extends SliceName>(...names: K[]): z.ZodType<Pick<Slices, K>> {
  const shape = Object.fromEntries(names.map((n) => [n, SLICES[n]]));
  return z.object(shape) as unknown as z.ZodType<Pick<Slices, K>>;
}
