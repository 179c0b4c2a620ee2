import { z } from 'zod';
import { emptyWhenNull, isoDate, nonEmptyText, slug, uniqueBy } from './common.js';
import type { Config } from './config.js';

import { ACTION_SIDES, ACTION_STATUSES, LEVELS, STAGES, STAKEHOLDER_ROLES, STANCES, WHITESPACE_STATUSES } from './enums.js';
import { groupDigits } from '../util/digits.js';

const text = z.string();
const textList = emptyWhenNull(z.array(text).default([]));
const kpiValue = z.union([z.string(), z.number()]);

/** `{ na: reason }`: the question does not apply, and why. */
const notApplicable = z.strictObject({ na: nonEmptyText.meta({ description: 'Why the question does not apply' }) });
const answer = z.union([z.string(), notApplicable, z.null()]);

/** spec 1.1, section 6: `shared: true` lets an item reach the customer's version of the plan. */
const shared = z.boolean().default(false).meta({ description: 'true: the customer version of the plan (kam render --audience customer) shows it' });

/**
 * spec 1.2, section 1: how an objective is measured. Values may be negative (an NPS, a margin
 * change), so only finiteness is asked; a target equal to the baseline is refused, since progress
 * (actual - baseline) / (target - baseline) would divide by zero (docs/format.md, "Objectives").
 */
const measure = z
  .strictObject({
    unit: z.string().optional().meta({ description: 'What is counted: markets, stores, percent, ...' }),
    baseline: z.number().optional().meta({ description: 'Where it started' }),
    target: z.number().optional().meta({ description: 'Where it should be by the objective\'s due date' }),
    actual: z.number().optional().meta({ description: 'Where it is now (as of as_of)' }),
    as_of: isoDate.optional().meta({ description: 'The day actual was measured' }),
  })
  .superRefine((m, ctx) => {
    if (m.baseline !== undefined && m.target !== undefined && Math.abs(m.target - m.baseline) <= 1e-9)
      ctx.addIssue({ code: 'custom', path: ['target'], message: `target equals baseline (${m.baseline}), so progress cannot be measured; set the target you aim for, or leave out baseline` });
  });

/** An objective is text, or `{ title, shared }` (spec 1.1, section 6) with spec 1.2's `id`, `due` and `measure`. */
const objective = z.union([
  z.string(),
  z.strictObject({
    id: slug.optional().meta({ description: 'Optional slug, unique within the plan; actions and opportunities name it in objective' }),
    title: nonEmptyText,
    due: isoDate.optional().meta({ description: 'When it should be reached' }),
    measure: measure.optional().meta({ description: '{ unit, baseline, target, actual, as_of }: progress = (actual - baseline) / (target - baseline)' }),
    shared,
  }),
]);

/** The `objective` an action or opportunity serves: the `id` of an objective of the plan. */
const objectiveLink = slug.optional().meta({ description: 'The id of an objective of this plan that it serves' });

/** spec 1.2, section 2: the stages an opportunity may be at when kam.yaml declares them. */
export const FIXED_STAGES = ['won', 'lost'] as const;

/** spec 1.1, section 5: a unit of the account that buys on its own. */
const buyingCenter = z.strictObject({
  id: slug.meta({ description: 'Slug, unique within the plan; whitespace entries and opportunities name it' }),
  name: nonEmptyText,
  notes: z.string().optional(),
});

/** At most this many buying centers in a plan (the rows of its whitespace map; offerings are the columns: MAX_OFFERINGS). */
export const MAX_BUYING_CENTERS = 1000;
/** At most this many cells (buying centers x offerings of kam.yaml) in a plan's whitespace map, and entries under `whitespace`. */
export const MAX_WHITESPACE_CELLS = 20_000;

/** One assessed cell of the whitespace map: a buying center x an offering of kam.yaml. */
const whitespaceEntry = z.strictObject({
  center: slug.meta({ description: 'The id of a buying center of this plan' }),
  offering: slug.meta({ description: 'The id of an offering of kam.yaml' }),
  status: z.enum(WHITESPACE_STATUSES),
  value: z.number().nonnegative().optional().meta({ description: 'Annual value: won, in the pipeline, or estimated' }),
  wallet: z.number().nonnegative().optional().meta({ description: 'What the customer spends a year on this offering in this center, with every supplier (spec 1.2, section 3)' }),
  competitor: z.string().optional().meta({ description: 'Who supplies it today (status competitor)' }),
  notes: z.string().optional(),
});

/** spec 1.2, section 9: "sha256:" + 64 lowercase hex digits, as `kam signoff` writes it. */
export const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;

/** spec 1.2, section 9: the customer agreed to the shared plan whose digest this is. */
const signoff = z.strictObject({
  by: nonEmptyText.meta({ description: 'Who agreed, on the customer\'s side' }),
  date: isoDate,
  digest: z
    .string({ error: 'must be the plan\'s shared digest: "sha256:" and 64 hex digits' })
    .regex(DIGEST_RE, 'must be "sha256:" followed by 64 lowercase hex digits (0-9, a-f); let "kam signoff" write it rather than typing it')
    .meta({ description: 'The plan\'s shared digest when they agreed' }),
});

/** The plan schema for a repo: answers are keyed by its checklist and team roles by its roles. */
export function planSchema(config: Config) {
  const roleIds = config.roles.map((r) => r.id) as [string, ...string[]];
  const answers = z.strictObject(
    Object.fromEntries(
      config.checklist.categories.flatMap((c) => c.questions.map((q) => [q.id, answer.optional().meta({ description: q.text })])),
    ) as Record<string, z.ZodOptional<typeof answer>>,
  );
  // spec 1.2, section 2: with declared stages an opportunity's stage is one of them, won or lost.
  const declared = config.pipeline?.stages;
  const stageIds = declared ? [...declared.map((s) => s.id), ...FIXED_STAGES] : undefined;
  return z
    .strictObject({
      $schema: z.string().optional(),
      account: slug.meta({ description: 'The id of the account this plan is for' }),
      period: z.union([z.string(), z.number()]).optional().meta({ description: 'What the plan covers, e.g. FY2027' }),
      stage: z.enum(STAGES).optional().meta({ description: 'Stage of the 5-stage process' }),
      last_reviewed: isoDate.optional(),
      team: emptyWhenNull(z
        .array(
          z.strictObject({
            name: nonEmptyText,
            roles: z.array(z.enum(roleIds)).default([]),
            title: z.string().optional(),
          }),
        )
        .default([])),
      stakeholders: emptyWhenNull(z
        .array(
          z.strictObject({
            id: slug.optional().meta({ description: 'Optional slug, unique within the plan; other stakeholders name it in reports_to' }),
            name: nonEmptyText,
            title: z.string().optional(),
            role: z.enum(STAKEHOLDER_ROLES).optional(),
            influence: z.enum(LEVELS).optional(),
            stance: z.enum(STANCES).optional(),
            owner: z.string().optional().meta({ description: 'Who on our team holds this relationship' }),
            reports_to: slug.optional().meta({ description: 'The id of the stakeholder of this plan they report to' }),
            last_contact: isoDate.optional().meta({ description: 'Last substantive conversation with someone of our team' }),
            contacts: z.array(nonEmptyText).optional().meta({ description: 'Our other people with a working relationship to them' }),
            crm_id: z
              .union([nonEmptyText, z.int().nonnegative()])
              .transform(String)
              .optional()
              .meta({ description: 'The id of their contact record in the CRM (Salesforce Contact Id, HubSpot Record ID, Dynamics contactid): "kam import contacts" matches by it, "kam export contacts" writes it' }),
            left: isoDate.optional().meta({ description: 'The day they left the role; from that day on they are gone: relationship rules, the coverage map, the agenda and health ignore them' }),
            successor: slug.optional().meta({ description: 'The id of the stakeholder of this plan who took over from them' }),
            notes: z.string().optional(),
          }),
        )
        .superRefine((list, ctx) => {
          // Stakeholders without an id cannot be referenced, so only given ids must be unique.
          const seen = new Map<string, number>();
          list.forEach((st, i) => {
            if (st.id === undefined) return;
            const first = seen.get(st.id);
            if (first === undefined) seen.set(st.id, i);
            else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate stakeholder id "${st.id}" (first at item ${first + 1})` });
          });
        })
        .default([])),
      answers: answers.default({}),
      objectives: emptyWhenNull(z.array(objective).superRefine(uniqueObjectiveIds).default([])).meta({ description: 'Text, or { id, title, due, measure, shared }' }),
      swot: z
        .strictObject({ strengths: textList, weaknesses: textList, opportunities: textList, threats: textList })
        .default({ strengths: [], weaknesses: [], opportunities: [], threats: [] }),
      opportunities: emptyWhenNull(z
        .array(
          z.strictObject({
            name: nonEmptyText,
            value: z.number().nonnegative().optional(),
            close: isoDate.optional(),
            // An enum when declared: the error names the stages with a did-you-mean, and editors complete them.
            stage: (stageIds ? z.enum(stageIds as [string, ...string[]]) : z.string()).optional().meta({ description: stageIds ? 'A stage of kam.yaml pipeline.stages, won or lost' : 'Free text (kam.yaml pipeline.stages makes it one of the declared stages)' }),
            probability: z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1').optional().meta({ description: 'Chance to win, 0 to 1; wins over its stage\'s probability' }),
            objective: objectiveLink,
            center: slug.optional().meta({ description: 'The buying center it is for (an id of buying_centers)' }),
            offering: slug.optional().meta({ description: 'What it sells (an id of kam.yaml offerings)' }),
            notes: z.string().optional(),
          })
          // won counts in full and lost not at all (spec 1.2, section 2): another probability contradicts the stage.
          .refine((o) => o.probability === undefined || !((o.stage === 'won' && o.probability !== 1) || (o.stage === 'lost' && o.probability !== 0)), {
            path: ['probability'],
            error: (iss) => {
              const o = iss.input as { stage: string; probability: number };
              return `must not be ${o.probability} at stage ${o.stage}: a ${o.stage} opportunity counts ${o.stage === 'won' ? 'in full (probability 1)' : 'not at all (probability 0)'}; remove probability, or move the opportunity to an open stage`;
            },
          }),
        )
        .default([])),
      buying_centers: emptyWhenNull(z
        .array(buyingCenter)
        .max(MAX_BUYING_CENTERS, `must list at most ${groupDigits(MAX_BUYING_CENTERS)} buying centers (the rows of the whitespace map); group related units into one`)
        .superRefine(uniqueBy((c) => c.id, 'buying center id'))
        .superRefine((list, ctx) => {
          const offerings = config.offerings.length;
          if (list.length <= MAX_BUYING_CENTERS && offerings > 0 && list.length * offerings > MAX_WHITESPACE_CELLS) {
            const fit = Math.floor(MAX_WHITESPACE_CELLS / offerings);
            ctx.addIssue({
              code: 'custom',
              path: [fit],
              message: `${groupDigits(list.length)} buying centers x ${groupDigits(offerings)} offerings of kam.yaml make a whitespace map of ${groupDigits(list.length * offerings)} cells, more than ${groupDigits(MAX_WHITESPACE_CELLS)}; keep at most ${groupDigits(fit)} buying centers (this is center ${fit + 1}) or declare fewer offerings`,
            });
          }
        })
        .default([])),
      whitespace: emptyWhenNull(z
        .array(whitespaceEntry)
        .max(MAX_WHITESPACE_CELLS, `must list at most ${groupDigits(MAX_WHITESPACE_CELLS)} entries (one per buying center x offering, and the whitespace map has at most ${groupDigits(MAX_WHITESPACE_CELLS)} cells)`)
        .superRefine((list, ctx) => {
          const seen = new Map<string, number>();
          list.forEach((w, i) => {
            const key = `${w.center}\u0000${w.offering}`;
            const first = seen.get(key);
            if (first === undefined) seen.set(key, i);
            else ctx.addIssue({ code: 'custom', path: [i], message: `center "${w.center}" x offering "${w.offering}" is given twice (first at item ${first + 1}); keep one entry per pair` });
          });
        })
        .default([])),
      actions: emptyWhenNull(z
        .array(
          z.strictObject({
            title: nonEmptyText,
            owner: z.string().nullable().optional(),
            due: isoDate.nullable().optional(),
            status: z.enum(ACTION_STATUSES).default('open'),
            side: z.enum(ACTION_SIDES).default('us').meta({ description: 'Who does it: us, customer or joint (the mutual action plan)' }),
            objective: objectiveLink,
            shared,
            notes: z.string().optional(),
          }),
        )
        .default([])),
      risks: emptyWhenNull(z
        .array(
          z.strictObject({
            risk: nonEmptyText,
            likelihood: z.enum(LEVELS).optional(),
            impact: z.enum(LEVELS).optional(),
            mitigation: z.string().optional(),
            owner: z.string().optional(),
          }),
        )
        .default([])),
      kpis: emptyWhenNull(z
        .array(z.strictObject({ name: nonEmptyText, target: kpiValue.optional(), actual: kpiValue.optional(), shared, notes: z.string().optional() }))
        .default([])),
      notes: z.string().optional(),
      signoffs: emptyWhenNull(z.array(signoff).default([])).meta({ description: 'Who on the customer\'s side agreed to the shared plan, when, and to which version (spec 1.2, section 9; kam signoff appends)' }),
    })
    .meta({ title: 'kam account plan', description: 'A kam account plan (plans/<id>.yaml)' });
}

/** Objective ids, where given, are unique within the plan (actions and opportunities name them). */
function uniqueObjectiveIds(list: z.output<typeof objective>[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  list.forEach((o, i) => {
    if (typeof o === 'string' || o.id === undefined) return;
    const first = seen.get(o.id);
    if (first === undefined) seen.set(o.id, i);
    else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate objective id "${o.id}" (first at item ${first + 1})` });
  });
}

export type PlanSchema = ReturnType<typeof planSchema>;
export type Plan = z.output<PlanSchema>;
export type PlanInput = z.input<PlanSchema>;
export type Answer = z.output<typeof answer>;
export type Objective = z.output<typeof objective>;
export type Measure = z.output<typeof measure>;
export type Stage = (typeof STAGES)[number];
