import type { Config } from '../schema/config.js';
import type { Requirements } from '../profiles/profile.js';
import type { Answer, Plan } from '../schema/plan.js';

export type AnswerState = 'answered' | 'not_applicable' | 'unanswered';

export interface CategoryCompleteness {
  id: string;
  title: string;
  answered: number;
  not_applicable: number;
  unanswered: number;
  total: number;
  /** (answered + not_applicable) / total, 0..100, one decimal. */
  percent: number;
  /** Ids of the unanswered questions, in checklist order. */
  open: string[];
}

export interface Completeness {
  answered: number;
  not_applicable: number;
  unanswered: number;
  total: number;
  percent: number;
  categories: CategoryCompleteness[];
}

/** A question is unanswered when its key is missing, null or blank text (docs/format.md). */
export function answerState(answer: Answer | undefined): AnswerState {
  if (answer === undefined || answer === null) return 'unanswered';
  if (typeof answer === 'string') return answer.trim() === '' ? 'unanswered' : 'answered';
  return 'not_applicable';
}

const percent = (done: number, total: number) => (total === 0 ? 100 : Math.round((1000 * done) / total) / 10);

/**
 * Answered / not applicable / unanswered counts per checklist category and in all. With the
 * requirements of the account's tier (spec 1.1, section 2), only the questions its profile asks
 * for count, and only the categories holding one are listed; without, the whole checklist.
 */
export function completeness(plan: Plan, config: Config, required?: Pick<Requirements, 'questions'>): Completeness {
  const answers = plan.answers as Record<string, Answer | undefined>;
  const wanted = required ? new Set(required.questions.map((q) => q.id)) : undefined;
  const cats = config.checklist.categories
    .map((c) => (wanted ? { ...c, questions: c.questions.filter((q) => wanted.has(q.id)) } : c))
    .filter((c) => c.questions.length > 0);
  const categories = cats.map((c): CategoryCompleteness => {
    const counts = { answered: 0, not_applicable: 0, unanswered: 0 };
    const open: string[] = [];
    for (const q of c.questions) {
      const state = answerState(answers[q.id]);
      counts[state]++;
      if (state === 'unanswered') open.push(q.id);
    }
    const total = c.questions.length;
    return { id: c.id, title: c.title, ...counts, total, percent: percent(counts.answered + counts.not_applicable, total), open };
  });
  const sum = (k: 'answered' | 'not_applicable' | 'unanswered' | 'total') => categories.reduce((s, c) => s + c[k], 0);
  const total = sum('total');
  return {
    answered: sum('answered'),
    not_applicable: sum('not_applicable'),
    unanswered: sum('unanswered'),
    total,
    percent: percent(sum('answered') + sum('not_applicable'), total),
    categories,
  };
}
