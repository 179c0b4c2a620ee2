import { RULE_DEFAULTS, RULE_IDS, type RuleId, type Severity } from '../schema/rules.js';
import type { RuleInfo } from './rule.js';
import { RULES } from './rules/index.js';
import { LOADING_RULES } from './rules/loading.js';

export interface RuleDoc extends RuleInfo {
  severity: Severity;
}

/**
 * Every rule kam reports, loading's and the checks', in the spec's order with its default
 * severity: the one list behind the rule table in docs/rules.md, SARIF rule metadata and JUnit test cases.
 */
export const RULE_DOCS: RuleDoc[] = (() => {
  const byId = new Map<RuleId, RuleInfo>([...LOADING_RULES, ...RULES].map((r) => [r.id, r]));
  return RULE_IDS.map((id) => {
    const info = byId.get(id);
    if (!info) throw new Error(`rule ${id} has no description (add it to src/check/rules/)`);
    return { id, description: info.description, fix: info.fix, ...(info.portfolio ? { portfolio: true } : {}), severity: RULE_DEFAULTS[id] };
  });
})();
