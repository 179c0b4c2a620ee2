import { relative, resolve, sep } from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Completeness } from '../../../check/completeness.js';
import type { FindingsFormatter } from './types.js';
import { escapeControl } from '../../../util/terminal.js';

/** ESLint-style: findings grouped by file, each line led by a clickable file:line:col. */
export const stylish: FindingsFormatter = ({ findings, summary, root, cwd, chalk, truncated, completeness }) => {
  const lines: string[] = [];
  let current: string | undefined;
  for (const f of findings) {
    const shown = escapeControl(displayPath(root, cwd, f.file));
    if (shown !== current) {
      if (current !== undefined) lines.push('');
      lines.push(chalk.underline(shown));
      current = shown;
    }
    const severity = f.severity === 'error' ? chalk.red('error  ') : chalk.yellow('warning');
    lines.push(`  ${shown}:${f.line}:${f.column}  ${severity}  ${escapeControl(f.message)}  ${chalk.dim(f.rule)}`);
  }
  if (truncated) lines.push('', chalk.dim(`… ${truncated} more finding${truncated === 1 ? '' : 's'} not shown (raise --max-findings to see them)`));
  if (findings.length > 0 || truncated) lines.push('');
  if (completeness && Object.keys(completeness).length > 0) lines.push(...completenessBlock(completeness, chalk), '');
  const total = summary.errors + summary.warnings;
  const counts = `${summary.accounts} account${summary.accounts === 1 ? '' : 's'}, ${summary.plans} plan${summary.plans === 1 ? '' : 's'}`;
  if (total === 0) lines.push(chalk.green(`✔ no problems (${counts})`));
  else {
    const text = `✖ ${total} problem${total === 1 ? '' : 's'} (${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}) in ${counts}`;
    lines.push(summary.errors > 0 ? chalk.red.bold(text) : chalk.yellow.bold(text));
  }
  return `${lines.join('\n')}\n`;
};

/** The finding's file as a path from the working folder, so terminals and editors can open it. */
export function displayPath(root: string, cwd: string, file: string): string {
  const rel = relative(cwd, resolve(root, file));
  return rel.split(sep).join('/');
}

/** One line per plan: percent done, the counts, and the categories still open (done/total). */
function completenessBlock(byAccount: Record<string, Completeness>, chalk: ChalkInstance): string[] {
  const ids = Object.keys(byAccount).sort();
  const width = Math.max(...ids.map((id) => escapeControl(id).length));
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
