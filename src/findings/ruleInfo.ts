import type { RuleId, Severity } from '../schema/rules.js';

/** What the docs, SARIF and JUnit say about a rule, and the severity its findings get by default. */
export interface RuleInfo {
  id: RuleId;
  /** The default severity (kam.yaml `rules:` and `--rule` override it). */
  severity: Severity;
  /** One line: what the rule catches. */
  description: string;
  /** One line: how to fix what it reports. */
  fix: string;
  /** One example of what the rule reports: a fragment of a file (or a situation) it finds. */
  example: string;
  /** A rule about the whole portfolio, not one account (its findings have `account: null`). */
  portfolio?: boolean;
}
