import type { ChalkInstance } from 'chalk';
import type { Completeness } from '../../../plan/completeness.js';
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
  /** Stylish: list every finding on its own row (no groups, nothing held back): --verbose. */
  verbose?: boolean;
  /** Stylish: at most this many rows (default DEFAULT_MAX_FINDINGS); the other formats get `findings` already limited. */
  maxRows?: number;
  /** Lines for the end of the report: what was left out and why (--since, --quiet, filters). */
  notes?: string[];
  /** kam check --since: the files changed since the revision (repo-relative), listed first in annotations. */
  changedFiles?: ReadonlySet<string>;
  /** kam check --since: the revision compared with and how many findings it already had (JSON's `since`). */
  since?: { rev: string; commit: string; existing: number };
}

export type FindingsFormatter = (report: FindingsReport) => string;
