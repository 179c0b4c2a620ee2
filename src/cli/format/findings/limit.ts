import type { Finding } from '../../../findings/finding.js';
import { DEFAULT_MAX_FINDINGS } from '../../options.js';

/** Formats a person reads in a terminal; the others are read by programs and get everything. */
const HUMAN_FORMATS = new Set(['stylish']);

/**
 * The findings to list under --max-findings (see maxFindingsOption) and how many are left out.
 * Findings come sorted, so the first ones listed are the first in file order. Stylish gets them
 * all and lists at most `maxRows` rows.
 */
export function limitFindings(findings: Finding[], format: string, max: number | undefined): { findings: Finding[]; truncated: number; maxRows?: number } {
  // A terminal report groups findings into rows and caps the rows itself (errors first).
  if (HUMAN_FORMATS.has(format)) return { findings, truncated: 0, maxRows: max ?? DEFAULT_MAX_FINDINGS };
  const limit = max ?? Infinity;
  if (findings.length <= limit) return { findings, truncated: 0 };
  return { findings: findings.slice(0, limit), truncated: findings.length - limit };
}
