import { RULE_DEFAULTS, type RuleId } from '../schema/rules.js';
import type { Finding } from './finding.js';

type Where = { file: string; account: string | null; line: number; column: number };
type Extra = Partial<Pick<Finding, 'question' | 'role' | 'criterion' | 'manager'>>;

/** A finding at its rule's default severity; the repo's `rules:` settings are applied later. */
export function makeFinding(rule: RuleId, where: Where, message: string, extra: Extra = {}): Finding {
  return { rule, severity: RULE_DEFAULTS[rule], account: where.account, file: where.file, line: where.line, column: where.column, message, ...extra };
}
