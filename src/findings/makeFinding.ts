import type { Finding, PathSegment, RuleField, Where } from './finding.js';
import { LOADING_RULES, type LoadingRuleId } from './loadingRules.js';
import type { RuleInfo } from './ruleInfo.js';

type Extra = Partial<Record<RuleField, string>>;

/** The rule a finding is of: a rule object (its id and default severity), or the id of a loading rule. */
export type RuleRef = Pick<RuleInfo, 'id' | 'severity'>;

const LOADING_BY_ID = new Map<string, RuleRef>(LOADING_RULES.map((r) => [r.id, r]));

/** A finding at its rule's default severity; the repo's `rules:` settings are applied later. */
export function makeFinding(rule: RuleRef | LoadingRuleId, where: Where, message: string, extra: Extra = {}): Finding {
  const { id, severity } = typeof rule === 'string' ? LOADING_BY_ID.get(rule)! : rule;
  return {
    rule: id,
    severity,
    account: where.account,
    file: where.file,
    line: where.line,
    column: where.column,
    message,
    path: where.path ? [...where.path] : [],
    ...extra,
  };
}

/** Anything loaded from a repo file that can locate its own nodes (accounts, plans, kam.yaml). */
export interface Locatable {
  file: string;
  index: { locate(path: readonly PathSegment[], preferKey?: boolean): { line: number; column: number } };
}

/**
 * Where the node at `path` of a loaded file is: its position (or its nearest ancestor's, for a
 * missing key) and the path itself, which is what the finding is about.
 */
export function whereIn(loaded: Locatable, account: string | null, path: readonly PathSegment[], preferKey = false): Where {
  return { file: loaded.file, account, path, ...loaded.index.locate(path, preferKey) };
}
