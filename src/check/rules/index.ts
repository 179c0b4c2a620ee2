import type { Rule } from '../rule.js';
import { unansweredQuestion } from './unanswered_question.js';

/** Every rule `kam check` runs (loading adds yaml_syntax, duplicate_key, schema and the id rules). */
export const RULES: Rule[] = [unansweredQuestion];
