import { z } from 'zod';
import { emptyWhenNull, isoDate, nonEmptyText, slug, uniqueBy } from './common.js';
import type { Config } from './config.js';

import { ACTION_SIDES, ACTION_STATUSES, LEVELS, STAGES, STAKEHOLDER_ROLES, STANCES, WHITESPACE_STATUSES } from './enums.js';

const text = z.string();
const textList = emptyWhenNull(z.array(text).default([]));
const kpiValue = z.union([z.string(), z.number()]);

/** `{ na: reason }`: the question does not apply, and why. */
const notApplicable = z.strictObject({ na: nonEmptyText.meta({ description: 'Why the question does not apply' }) });
const answer = z.union([z.string(), notApplicable, z.null()]);

/** spec 1.1, section 6: `shared: true` lets an item reach the customer's version of the plan. */
const shared = z.boolean().default(false).meta({ description: 'true: the customer version of the plan (kam render --audience customer) shows it' });

/** An objective is text, or `{ title, shared }` (spec 1.1, section 6). */
const objective = z.union([z.string(), z.strictObject({ title: nonEmptyText, shared })]);

/** spec 1.1, section 5: a unit of the account that buys on its own. */
const buyingCenter = z.strictObject({
  id: slug.meta({ description: 'Slug, unique within the plan; whitespace entries and opportunities name it' }),
  name: nonEmptyText,
  notes: z.string().optional(),
});

/** One assessed cell of the whitespace map: a buying center x an offering of kam.yaml. */
const whitespaceEntry = z.strictObject({
  center: slug.meta({ description: 'The id of a buying center of this plan' }),
  offering: slug.meta({ description: 'The id of an offering of kam.yaml' }),
  status: z.enum(WHITESPACE_STATUSES),
  value: z.number().nonnegative().optional().meta({ description: 'Annual value: won, in the pipeline, or estimated' }),
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
      objectives: emptyWhenNull(z.array(objective).default([])).meta({ description: 'Text, or { title, shared } to show it to the customer' }),
      swot: z
        .strictObject({ strengths: textList, weaknesses: textList, opportunities: textList, threats: textList })
        .default({ strengths: [], weaknesses: [], opportunities: [], threats: [] }),
      opportunities: emptyWhenNull(z
        .array(
          z.strictObject({
            name: nonEmptyText,
            value: z.number().nonnegative().optional(),
            close: isoDate.optional(),
            stage: z.string().optional(),
            center: slug.optional().meta({ description: 'The buying center it is for (an id of buying_centers)' }),
            offering: slug.optional().meta({ description: 'What it sells (an id of kam.yaml offerings)' }),
            notes: z.string().optional(),
          }),
        )
        .default([])),
      buying_centers: emptyWhenNull(z.array(buyingCenter).superRefine(uniqueBy((c) => c.id, 'buying center id')).default([])),
      whitespace: emptyWhenNull(z
        .array(whitespaceEntry)
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

export type PlanSchema = ReturnType<typeof planSchema>;
export type Plan = z.output<PlanSchema>;
export type PlanInput = z.input<PlanSchema>;
export type Answer = z.output<typeof answer>;
export type Objective = z.output<typeof objective>;
export type Stage = (typeof STAGES)[number];
