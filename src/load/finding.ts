import type { RuleId, Severity } from '../schema/rules.js';

/** One problem kam reports, located in a repo file (plan-format.md, "JSON outputs"). */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The account the finding is about, when there is one. */
  account: string | null;
  /** Repo-relative path with `/` separators. */
  file: string;
  line: number;
  column: number;
  message: string;
  question?: string;
  role?: string;
  criterion?: string;
  manager?: string;
}

export type Position = { line: number; column: number };

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
