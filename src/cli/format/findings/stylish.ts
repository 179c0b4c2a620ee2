import { relative, resolve, sep } from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Completeness } from '../../../plan/completeness.js';
import type { Finding } from '../../../findings/finding.js';
import { DEFAULT_MAX_FINDINGS } from '../../options.js';
import { byFile, holdBackOrphans, rowMessage, rowsOf } from './group.js';
import type { FindingsFormatter } from './types.js';
import { escapeControl } from '../../../util/terminal.js';
import { maxOf, pushAll } from '../../../util/lists.js';
import { plural, pluralWord } from '../../../util/plural.js';

/** What a terminal line should fit in (where the message allows). */
const WIDTH = 100;
const MIN_LIST = 56;

/** Every user string the terminal shows goes through here: control characters made harmless. */
const show = escapeControl;

/**
 * ESLint-style: a header per file, then `line:col  severity  message  rule`. Read as a to-do
 * list: files with errors first and errors first in each file, so a cap never hides an error
 * behind reminders; a plan's open checklist questions (and its missing roles) are one row, a plan
 * whose account does not exist shows its error alone (--verbose lists everything). The summary
 * counts every finding; a per-rule tally ends the report.
 */
export const stylish: FindingsFormatter = ({ findings, summary, root, cwd, chalk, truncated = 0, completeness, verbose, maxRows, notes = [] }) => {
  const lines: string[] = [];
  const files = [...byFile(findings)].map(([file, list]) => {
    const { kept, held } = verbose ? { kept: list, held: [] } : holdBackOrphans(list);
    return { file, kept, held, error: kept.some((f) => f.severity === 'error') };
  });
  // Files with an error first (stable: file order otherwise), as their first row is then an error.
  files.sort((a, b) => Number(b.error) - Number(a.error));

  let budget = maxRows ?? DEFAULT_MAX_FINDINGS;
  const hidden = { errors: 0, warnings: 0 };
  const hide = (fs: Finding[]) => fs.forEach((f) => hidden[f.severity === 'error' ? 'errors' : 'warnings']++);
  for (const { file, kept, held } of files) {
    // Past the cap only the counts matter: rows are made for the files that are listed.
    const rows = budget > 0 ? rowsOf(kept, { all: verbose }) : [];
    const listed = rows.slice(0, Math.max(0, budget));
    budget -= listed.length;
    if (rows.length === 0) hide(kept);
    else rows.slice(listed.length).forEach((r) => hide(r.findings));
    if (listed.length === 0) {
      hide(held);
      continue;
    }
    const shown = show(displayPath(root, cwd, file));
    if (lines.length > 0) lines.push('');
    lines.push(chalk.underline(shown));
    const posWidth = maxOf(listed.map((r) => `${r.line}:${r.column}`.length), 0);
    for (const row of listed) {
      const pos = `${row.line}:${row.column}`.padEnd(posWidth);
      const severity = row.severity === 'error' ? chalk.red('error  ') : chalk.yellow('warning');
      // A group's list is cut to fit the line, but always keeps room for a few items.
      const room = Math.max(MIN_LIST, WIDTH - (2 + posWidth + 2 + 7 + 2 + 2 + row.rule.length));
      lines.push(`  ${pos}  ${severity}  ${show(rowMessage(row, room))}  ${chalk.dim(row.rule)}`);
    }
    if (held.length > 0) {
      const n = held.length;
      lines.push(chalk.dim(`  ${n} more ${pluralWord(n, 'finding')} held back until the account exists (--verbose lists them)`));
    }
  }
  const notShown = hidden.errors + hidden.warnings + truncated;
  if (notShown > 0) {
    const parts = truncated ? `` : ` (${plural(hidden.errors, 'error')}, ${plural(hidden.warnings, 'warning')})`;
    lines.push('', chalk.dim(`… ${notShown} more ${pluralWord(notShown, 'finding')} not shown${parts}; raise --max-findings to see them`));
  }
  if (findings.length > 0 || truncated) pushAll(lines, ['', ...ruleTally(findings, chalk)]);
  if (findings.length > 0 || truncated) lines.push('');
  if (completeness && Object.keys(completeness).length > 0) pushAll(lines, [...completenessBlock(completeness, chalk), '']);
  for (const note of notes) lines.push(chalk.dim(show(note)));
  const total = summary.errors + summary.warnings;
  const counts = `${plural(summary.accounts, 'account')}, ${plural(summary.plans, 'plan')}`;
  if (total === 0) lines.push(chalk.green(`✔ no problems (${counts})`));
  else {
    const text = `✖ ${plural(total, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}) in ${counts}`;
    lines.push(summary.errors > 0 ? chalk.red.bold(text) : chalk.yellow.bold(text));
  }
  return `${lines.join('\n')}\n`;
};


/** One line per rule that found something: its count, errors first, then the most frequent. */
function ruleTally(findings: Finding[], chalk: ChalkInstance): string[] {
  const tally = new Map<string, { errors: number; warnings: number }>();
  for (const f of findings) {
    const t = tally.get(f.rule) ?? { errors: 0, warnings: 0 };
    t[f.severity === 'error' ? 'errors' : 'warnings']++;
    tally.set(f.rule, t);
  }
  const rules = [...tally].sort(([ra, a], [rb, b]) => b.errors - a.errors || b.errors + b.warnings - (a.errors + a.warnings) || (ra < rb ? -1 : 1));
  const width = maxOf(rules.map(([r]) => r.length), 0);
  return [
    chalk.bold('Findings by rule'),
    ...rules.map(([rule, t]) => {
      const kinds = [t.errors ? chalk.red(plural(t.errors, 'error')) : '', t.warnings ? chalk.yellow(plural(t.warnings, 'warning')) : ''].filter(Boolean).join(', ');
      return `  ${rule.padEnd(width)}  ${kinds}`;
    }),
  ];
}

/** The finding's file as a path from the working folder, so terminals and editors can open it. */
export function displayPath(root: string, cwd: string, file: string): string {
  const rel = relative(cwd, resolve(root, file));
  return rel.split(sep).join('/');
}

/** One line per plan: percent done, the counts, and the categories still open (done/total). */
function completenessBlock(byAccount: Record<string, Completeness>, chalk: ChalkInstance): string[] {
  const ids = Object.keys(byAccount).sort();
  const width = maxOf(ids.map((id) => escapeControl(id).length), 0);
  const lines = [chalk.bold('Checklist completeness (answered or not applicable)')];
  for (const id of ids) {
    const c = byAccount[id]!;
    const pct = `${c.percent}%`.padStart(6);
    const colored = c.percent === 100 ? chalk.green(pct) : c.percent >= 50 ? chalk.yellow(pct) : chalk.red(pct);
    const open = c.categories.filter((cat) => cat.unanswered > 0).map((cat) => `${escapeControl(cat.id)} ${cat.total - cat.unanswered}/${cat.total}`);
    const counts = `${c.answered} answered, ${c.not_applicable} n/a, ${c.unanswered} open of ${c.total}`;
    lines.push(`  ${escapeControl(id).padEnd(width)}  ${colored}  ${counts}${open.length ? chalk.dim(`  (${open.join(', ')})`) : ''}`);
  }
  return lines;
}
