import type { Finding } from '../../../findings/finding.js';
import { rowMessage, rowsOf, type Row } from './group.js';
import { displayPath } from './stylish.js';
import type { FindingsFormatter } from './types.js';
import { pushAll } from '../../../util/lists.js';
import { plural, pluralWord } from '../../../util/plural.js';

/**
 * What GitHub shows of one step's annotations: 10 errors, 10 warnings and 10 notices (50 per
 * job); the rest are dropped silently, in print order (actions/toolkit, problem matchers).
 */
export const ANNOTATION_LIMITS = { error: 10, warning: 10 } as const;

/**
 * GitHub Actions workflow commands, within GitHub's limits: errors first and, with --since, the
 * findings in the changed files first; a plan's open checklist questions (and missing roles) are
 * one annotation. What GitHub would not show is printed as plain log lines, and a final
 * `::notice` says how many there are and where to read them (the log, and the job summary that
 * kam writes when GITHUB_STEP_SUMMARY is set).
 */
export const github: FindingsFormatter = ({ findings, summary, root, cwd, truncated, changedFiles, notes = [] }) => {
  const rows = annotationRows(findings, changedFiles);
  const counts = { error: 0, warning: 0 };
  const annotations: string[] = [];
  const rest: string[] = [];
  for (const row of rows) {
    const file = displayPath(root, cwd, row.file);
    if (counts[row.severity] < ANNOTATION_LIMITS[row.severity]) {
      counts[row.severity]++;
      const props = [`file=${escapeProperty(file)}`, `line=${row.line}`, `col=${row.column}`, `title=${escapeProperty(`kam ${row.rule}`)}`];
      annotations.push(`::${row.severity} ${props.join(',')}::${escapeData(rowMessage(row))}`);
    } else {
      for (const f of row.findings) rest.push(logLine(`${escapeData(displayPath(root, cwd, f.file))}:${f.line}:${f.column}  ${f.severity}  ${escapeData(f.message)}  ${f.rule}`));
    }
  }
  const lines = [...annotations];
  if (rest.length > 0) pushAll(lines, [`kam: ${rest.length} more ${pluralWord(rest.length, 'finding')}, beyond what GitHub shows as annotations:`, ...rest]);
  if (truncated) lines.push(`kam: ${truncated} more ${pluralWord(truncated, 'finding')} not shown (raise --max-findings to see them)`);
  for (const note of notes) lines.push(`kam: ${escapeData(note)}`);
  lines.push(`kam: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')} in ${plural(summary.accounts, 'account')}, ${plural(summary.plans, 'plan')}`);
  if (rest.length > 0) {
    const more = `${rest.length} more ${pluralWord(rest.length, 'finding')} than GitHub shows as annotations (${ANNOTATION_LIMITS.error} errors and ${ANNOTATION_LIMITS.warning} warnings per step): every finding is listed in this step's log and in the job summary; run kam check locally for the full report`;
    lines.push(`::notice title=${escapeProperty('kam: more findings')}::${escapeData(more)}`);
  }
  return `${lines.join('\n')}\n`;
};

/**
 * The annotations in the order GitHub should keep them: errors first, then (with --since) the
 * findings in changed files before the others, then file order. Every plan's open questions and
 * missing roles are one annotation each.
 */
export function annotationRows(findings: Finding[], changedFiles?: ReadonlySet<string>): Row[] {
  const rows = rowsOf(findings);
  const rank = (r: Row) => (r.severity === 'error' ? 0 : 2) + (changedFiles && !changedFiles.has(r.file) ? 1 : 0);
  const index = new Map(findings.map((f, i) => [f, i]));
  const position = (r: Row) => index.get(r.findings[0]!)!;
  return rows.sort((a, b) => rank(a) - rank(b) || position(a) - position(b));
}

/**
 * A plain log line, never a workflow command: the runner reads a line as a command when it starts
 * with `::` after leading white space, so a line kam did not mean as one (a file path from the repo
 * begins these lines, and with the working folder inside plans/ it can begin with `::`) is
 * prefixed. Line breaks must already be escaped (escapeData), so the line stays one line.
 */
export function logLine(line: string): string {
  return /^\s*::/.test(line) ? `kam: ${line}` : line;
}

/** A message: `%`, CR and LF would end or corrupt the command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
