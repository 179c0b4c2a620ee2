import { z } from 'zod';
import { emptyWhenNull, isoDate, nonEmptyText, slug } from './common.js';
import type { Config } from './config.js';

import { ACTION_STATUSES, LEVELS, STAGES, STAKEHOLDER_ROLES, STANCES } from './enums.js';

const text = z.string();
const textList = emptyWhenNull(z.array(text).default([]));
const kpiValue = z.union([z.string(), z.number()]);

/** `{ na: reason }`: the question does not apply, and why. */
const notApplicable = z.strictObject({ na: nonEmptyText.meta({ description: 'Why the question does not apply' }) });
const answer = z.union([z.string(), notApplicable, z.null()]);

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
      objectives: textList,
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
            notes: z.string().optional(),
          }),
        )
        .default([])),
      actions: emptyWhenNull(z
        .array(
          z.strictObject({
            title: nonEmptyText,
            owner: z.string().nullable().optional(),
            due: isoDate.nullable().optional(),
            status: z.enum(ACTION_STATUSES).default('open'),
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
        .array(z.strictObject({ name: nonEmptyText, target: kpiValue.optional(), actual: kpiValue.optional(), notes: z.string().optional() }))
        .default([])),
      notes: z.string().optional(),
    })
    .meta({ title: 'kam account plan', description: 'A kam account plan (plans/<id>.yaml)' });
}

export type PlanSchema = ReturnType<typeof planSchema>;
export type Plan = z.output<PlanSchema>;
export type Answer = z.output<typeof answer>;
export type Stage = (typeof STAGES)[number];
