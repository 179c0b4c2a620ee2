import { displayPath } from './stylish.js';
import type { FindingsFormatter } from './types.js';

/** GitHub Actions workflow commands: one annotation per finding, shown on the PR's changed files. */
export const github: FindingsFormatter = ({ findings, summary, root, cwd, truncated }) => {
  const lines = findings.map((f) => {
    const props = [`file=${escapeProperty(displayPath(root, cwd, f.file))}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(`kam ${f.rule}`)}`];
    return `::${f.severity} ${props.join(',')}::${escapeData(f.message)}`;
  });
  if (truncated) lines.push(`kam: ${truncated} more finding${truncated === 1 ? '' : 's'} not shown (raise --max-findings to see them)`);
  lines.push(`kam: ${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'} in ${summary.accounts} account${summary.accounts === 1 ? '' : 's'}, ${summary.plans} plan${summary.plans === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
};

/** A message: `%`, CR and LF would end or corrupt the command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
