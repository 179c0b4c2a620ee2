import { daysUntil } from '../../../agenda/agenda.js';
import { plainTable } from '../score/table.js';
import { byOwner, KIND_WORD } from './group.js';
import type { AgendaFormatter } from './types.js';
import { escapeControl } from '../../../util/terminal.js';
import { plural } from '../../../util/plural.js';

/** For a terminal: one table per owner, overdue items in red with how late they are. */
export const table: AgendaFormatter = ({ items, today, within, scope, chalk }) => {
  const title = `${chalk.bold('Agenda')} ${today}, next ${within} days${scope ? ` (${escapeControl(scope)})` : ''}`;
  if (items.length === 0) return `${title}: nothing due\n`;
  const overdue = items.filter((i) => i.overdue).length;
  const out = [`${title}: ${plural(items.length, 'item')}${overdue ? `, ${chalk.red.bold(`${overdue} overdue`)}` : ''}`];
  for (const [owner, list] of byOwner(items)) {
    out.push('', chalk.bold.underline(escapeControl(owner)));
    const rows = list.map((i) => {
      const days = daysUntil(i, today);
      const when = i.overdue ? chalk.red.bold(`${i.date} (${-days}d late)`) : days === 0 ? chalk.yellow(`${i.date} (today)`) : `${i.date} (in ${days}d)`;
      const title = escapeControl(i.title);
      return [when, KIND_WORD[i.kind], escapeControl(i.account), i.overdue ? chalk.red(title) : title, chalk.dim(`${escapeControl(i.file)}:${i.line}`)];
    });
    out.push(plainTable(['due', 'kind', 'account', 'what', 'where'], chalk, ['left', 'left', 'left', 'left', 'left'], rows));
  }
  return `${out.join('\n')}\n`;
};
