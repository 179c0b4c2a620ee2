import { RULE_IDS, type RuleId, type Severity } from '../schema/rules.js';
import { LOADING_RULES } from '../findings/loadingRules.js';
import type { RuleInfo } from './rule.js';
import { RULES } from './rules/index.js';

export type RuleDoc = RuleInfo;

/**
 * Every rule kam reports, loading's and the checks', in the spec's order with its default
 * severity: the one list behind the rule table in docs/rules.md, SARIF rule metadata and JUnit test cases.
 */
export const RULE_DOCS: RuleDoc[] = (() => {
  const byId = new Map<RuleId, RuleInfo>([...LOADING_RULES, ...RULES].map((r) => [r.id, r]));
  return RULE_IDS.map((id) => {
    const info = byId.get(id);
    if (!info) throw new Error(`rule ${id} has no description (add it to src/check/rules/)`);
    return { id, severity: info.severity, description: info.description, fix: info.fix, example: info.example, ...(info.portfolio ? { portfolio: true } : {}) };
  });
})();

/** Each rule's default severity, in the spec's order: read off the rule objects. */
export const RULE_DEFAULTS = Object.fromEntries(RULE_DOCS.map((r) => [r.id, r.severity])) as Record<RuleId, Severity>;

/** Every rule by its id (for code that names a rule by id, such as tests making findings). */
export const RULES_BY_ID = Object.fromEntries(RULE_DOCS.map((r) => [r.id, r])) as Record<RuleId, RuleDoc>;
