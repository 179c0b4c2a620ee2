import type { RuleId, Severity } from '../schema/rules.js';

/** One step of a YAML path: a mapping key or a sequence index. */
export type PathSegment = string | number;

/** Where in a file a finding points: 1-based, as editors count. */
export type Position = { line: number; column: number };

/**
 * What a finding is about: its file, account, and the YAML path of the node it means (for a
 * missing key, the path the key would have). `line`/`column` are where that node, or its nearest
 * existing ancestor, starts.
 */
export interface Where extends Position {
  file: string;
  account: string | null;
  path?: readonly PathSegment[];
}

/** The fields some rules add to say which question, role, person... a finding is about. */
export const RULE_FIELDS = ['question', 'role', 'criterion', 'manager', 'stakeholder', 'person', 'reference', 'center', 'measure', 'objective', 'opportunity', 'contract'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** One problem kam reports, located in a repo file (docs/format.md, "JSON outputs"). */
export interface Finding extends Partial<Record<RuleField, string>> {
  rule: RuleId;
  severity: Severity;
  /** The account the finding is about, when there is one. */
  account: string | null;
  /** Repo-relative path with `/` separators. */
  file: string;
  line: number;
  column: number;
  message: string;
  /** The YAML path of the node the finding is about ([] for the whole file). */
  path: PathSegment[];
}

/**
 * Orders findings by file, then position, then rule. The sort is stable, so findings at one spot
 * keep the order their rule produced (unanswered questions in checklist order).
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/**
 * A finding's identity: what it is about, never where it is printed or how it is worded. Two runs
 * (or two revisions) that find the same problem give the same identity even when lines moved or a
 * message changed: rule, file, account, the rule's own fields and the YAML path.
 */
export function findingIdentity(f: Finding): string {
  const fields = RULE_FIELDS.filter((k) => f[k] !== undefined).map((k) => [k, f[k]]);
  return JSON.stringify([f.rule, f.file, f.account, fields, f.path]);
}
