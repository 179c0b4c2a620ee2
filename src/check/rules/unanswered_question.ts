import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { answerState } from '../../plan/completeness.js';
import type { Rule } from '../rule.js';

export const unansweredQuestion: Rule = {
  id: 'unanswered_question',
  severity: 'warning',
  example: 'answers:\n  why_us: \'\'  # blank',
  description: 'a checklist question the plan has not answered (missing, empty or blank): the whole checklist, or the `checklist` of the profile of the account\'s tier',
  fix: 'answer it under `answers:`, or mark it `{ na: <reason> }` when it does not apply',
  check({ plans, requirements }) {
    return plans.flatMap((plan) => {
      const { questions } = requirements(plan.id);
      const answers = plan.value.answers as Record<string, unknown>;
      return questions
        .filter((q) => answerState(answers[q.id] as never) === 'unanswered')
        .map((q) => {
          // Point at the blank answer when there is one, else at the answers mapping (or the plan).
          const pos = whereIn(plan, plan.id, ['answers', q.id], true);
          return makeFinding(unansweredQuestion, pos, `unanswered: ${q.text} (${q.id})`, { question: q.id });
        });
    });
  },
};
