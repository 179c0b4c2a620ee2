import type { Finding } from '../../../findings/finding.js';
import { findingCounts, healthChange, numberChange, numbersChange, summaryLine, textChange } from './cells.js';
import type { DiffFormatter } from './types.js';
import { voidedAgreement } from '../../../signoff/digest.js';
import { renderTable } from '../table.js';
import { escapeControl } from '../../../util/terminal.js';
import { pushAll } from '../../../util/lists.js';

/** For a terminal: a table of the changed accounts, then their new and resolved findings. */
export const table: DiffFormatter = ({ diff, chalk }) => {
  const title = `kam diff ${escapeControl(diff.base)} → ${escapeControl(diff.head)}`;
  if (diff.changes.length === 0) return `${title}: no account changed\n`;
  const kindColor = { added: chalk.green, removed: chalk.red, changed: (s: string) => s };
  const healthCell = (c: (typeof diff.changes)[number]) => {
    const h = healthChange(c);
    return h.worse ? (c.after?.band === 'red' ? chalk.bold.red(h.text) : chalk.bold.yellow(h.text)) : h.better ? chalk.green(h.text) : h.text;
  };
  const rows = diff.changes.map((c) => {
    const tier = textChange(c, 'tier');
    const quadrant = textChange(c, 'quadrant');
    return [
      chalk.bold(escapeControl(c.id)),
      kindColor[c.kind](c.kind),
      numberChange(c, 'score'),
      tier.changed ? chalk.bold.yellow(escapeControl(tier.text)) : escapeControl(tier.text),
      quadrant.changed ? chalk.yellow(escapeControl(quadrant.text)) : escapeControl(quadrant.text),
      numberChange(c, 'completeness', '%'),
      healthCell(c),
      findingCounts(c),
    ];
  });
  const t = renderTable(['Account', 'Change', 'Score', 'Tier', 'Quadrant', 'Checklist', 'Health', 'Findings'], rows);
  const lines = [`${title}: ${summaryLine(diff.changes)}`, t];
  const line = (mark: string, f: Finding) => `  ${mark} ${escapeControl(f.file)}:${f.line}:${f.column}  ${f.severity === 'error' ? chalk.red('error  ') : chalk.yellow('warning')}  ${escapeControl(f.message)}  ${chalk.dim(f.rule)}`;
  const numbers = diff.changes.flatMap((c) => {
    const words = numbersChange(c);
    return words.length ? [`  ${chalk.bold(escapeControl(c.id))}: ${escapeControl(words.join(', '))}`] : [];
  });
  if (numbers.length) lines.push('', chalk.underline('Numbers'), ...numbers);
  for (const c of diff.changes) {
    const voided = voidedAgreement(c);
    if (voided) lines.push('', chalk.bold.yellow(`${escapeControl(c.id)}: this change voids the agreement with ${escapeControl(voided.by)} of ${voided.date}: shared items changed since; agree again and run "kam signoff ${escapeControl(c.id)} --by NAME"`));
  }
  for (const c of diff.changes) {
    if (c.findings.new.length + c.findings.resolved.length === 0) continue;
    lines.push('', chalk.underline(escapeControl(c.id)));
    pushAll(lines, c.findings.new.map((f) => line(chalk.red('+'), f)));
    pushAll(lines, c.findings.resolved.map((f) => line(chalk.green('-'), f)));
  }
  return `${lines.join('\n')}\n`;
};
