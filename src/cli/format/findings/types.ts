import type { ChalkInstance } from 'chalk';
import type { Completeness } from '../../../check/completeness.js';
import type { FindingSummary } from '../../../findings/severity.js';
import type { Finding } from '../../../findings/finding.js';
import type { RuleId } from '../../../schema/rules.js';

/** What every findings formatter gets: the findings and whatever context the format needs. */
export interface FindingsReport {
  findings: Finding[];
  summary: FindingSummary;
  /** Absolute repo root; findings' `file` is relative to it. */
  root: string;
  /** Absolute working folder, for printing paths terminals can open. */
  cwd: string;
  chalk: ChalkInstance;
  /** Findings left out of the listing by --max-findings (still counted in the summary). */
  truncated?: number;
  /** kam check: checklist completeness by account id (stylish shows it, json prints it). */
  completeness?: Record<string, Completeness>;
  /** kam check: the accounts and the rules (not `off`) the report covers, for JUnit's test cases. */
  accounts?: string[];
  rules?: RuleId[];
}

export type FindingsFormatter = (report: FindingsReport) => string;
