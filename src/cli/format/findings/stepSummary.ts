import { appendFileSync, statSync } from 'node:fs';
import type { Finding } from '../../../findings/finding.js';
import type { FindingSummary } from '../../../findings/severity.js';
import type { Io } from '../../io.js';
import { displayPath } from './stylish.js';
import { plural, pluralWord } from '../../../util/plural.js';
import { escapeMarkdown } from '../../../util/markdown.js';

/** GitHub keeps at most 1 MiB of a step's summary; kam stays a little under it. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;
const MARGIN = 4 * 1024;

export interface StepSummaryInput {
  findings: Finding[];
  summary: FindingSummary;
  root: string;
  cwd: string;
  notes?: string[];
}

/**
 * The full report as Markdown for a GitHub job's summary page: the counts, a table per account
 * and per rule, then every finding inside `<details>`. At most `limit` bytes (UTF-8): findings
 * that would not fit are counted in a closing line instead.
 */
export function stepSummaryMarkdown(input: StepSummaryInput, limit = STEP_SUMMARY_LIMIT - MARGIN): string {
  const { findings, summary } = input;
  const total = summary.errors + summary.warnings;
  const head: string[] = ['## kam check', ''];
  head.push(
    total === 0
      ? `✔ no problems (${summary.accounts} accounts, ${summary.plans} plans)`
      : `✖ ${plural(total, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}) in ${plural(summary.accounts, 'account')}, ${plural(summary.plans, 'plan')}`,
  );
  for (const note of input.notes ?? []) head.push('', escapeMarkdown(note));
  if (findings.length > 0) {
    head.push('', '| Account | Errors | Warnings |', '| --- | ---: | ---: |');
    for (const [account, c] of tally(findings, (f) => f.account ?? '(portfolio)')) head.push(`| ${escapeMarkdown(account)} | ${c.errors} | ${c.warnings} |`);
    head.push('', '| Rule | Errors | Warnings |', '| --- | ---: | ---: |');
    for (const [rule, c] of tally(findings, (f) => f.rule)) head.push(`| \`${rule}\` | ${c.errors} | ${c.warnings} |`);
    head.push('', `<details><summary>All ${plural(findings.length, 'finding')}</summary>`, '', '| Where | Severity | Rule | Message |', '| --- | --- | --- | --- |');
  }
  const tail = findings.length > 0 ? ['', '</details>', ''] : [''];
  let text = head.join('\n');
  let bytes = Buffer.byteLength(text) + Buffer.byteLength(tail.join('\n')) + 200; // room for the "more" line
  let listed = 0;
  for (const f of findings) {
    const row = `\n| ${escapeMarkdown(displayPath(input.root, input.cwd, f.file))}:${f.line}:${f.column} | ${f.severity} | \`${f.rule}\` | ${escapeMarkdown(f.message)} |`;
    const size = Buffer.byteLength(row);
    if (bytes + size > limit) break;
    text += row;
    bytes += size;
    listed++;
  }
  if (listed < findings.length) {
    const more = findings.length - listed;
    text += `\n\n${more} more ${pluralWord(more, 'finding')} did not fit in GitHub's 1 MiB summary: run \`kam check --format json\` to see them all.`;
  }
  return `${text}${tail.join('\n')}\n`;
}

/** Appends the summary to the file GITHUB_STEP_SUMMARY names, within what is left of its 1 MiB. */
export function appendStepSummary(path: string, input: StepSummaryInput, io: Pick<Io, 'stderr'>): void {
  let used = 0;
  try {
    used = statSync(path).size;
  } catch {
    // not there yet: appending creates it
  }
  const room = STEP_SUMMARY_LIMIT - MARGIN - used;
  if (room < 1024) {
    io.stderr.write(`kam: warning: the job summary (${path}) is nearly full (GitHub keeps 1 MiB per step); kam check's summary was not added\n`);
    return;
  }
  try {
    appendFileSync(path, stepSummaryMarkdown(input, room));
  } catch (err) {
    io.stderr.write(`kam: warning: cannot append to the job summary ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)}); the annotations and log still hold every finding\n`);
  }
}

/** Errors and warnings counted by a key, most errors first, then most findings, then by key. */
function tally(findings: Finding[], key: (f: Finding) => string): [string, { errors: number; warnings: number }][] {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const f of findings) {
    const c = counts.get(key(f)) ?? { errors: 0, warnings: 0 };
    c[f.severity === 'error' ? 'errors' : 'warnings']++;
    counts.set(key(f), c);
  }
  return [...counts].sort(([ka, a], [kb, b]) => b.errors - a.errors || b.errors + b.warnings - (a.errors + a.warnings) || (ka < kb ? -1 : ka > kb ? 1 : 0));
}
