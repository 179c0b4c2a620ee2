import { RULE_DEFAULTS, type RuleId } from '../schema/rules.js';
import type { Finding, PathSegment, RuleField, Where } from './finding.js';

type Extra = Partial<Record<RuleField, string>>;

/** A finding at its rule's default severity; the repo's `rules:` settings are applied later. */
export function makeFinding(rule: RuleId, where: Where, message: string, extra: Extra = {}): Finding {
  return {
    rule,
    severity: RULE_DEFAULTS[rule],
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
