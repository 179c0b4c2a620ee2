import { mdCell } from '../score/markdown.js';
import { byOwner, KIND_WORD } from './group.js';
import type { AgendaFormatter } from './types.js';
import { plural } from '../../../util/plural.js';

/** A weekly digest to paste or post from a scheduled CI job: one section per owner, overdue first-class. */
export const markdown: AgendaFormatter = ({ items, today, within, scope }) => {
  const out = [`# Agenda ${today}${scope ? `: ${mdCell(scope)}` : ''}`, ''];
  const overdue = items.filter((i) => i.overdue).length;
  if (items.length === 0) return `${out.join('\n')}Nothing falls due in the next ${within} days.\n`;
  out.push(`${plural(items.length, 'item')} due within ${within} days${overdue ? `, **${overdue} overdue**` : ''}.`);
  for (const [owner, list] of byOwner(items)) {
    out.push('', `## ${mdCell(owner)}`, '', '| due | kind | account | what | where |', '| :--- | :--- | :--- | :--- | :--- |');
    for (const i of list) {
      const due = i.overdue ? `**${i.date} overdue**` : i.date;
      out.push(`| ${[due, KIND_WORD[i.kind], mdCell(i.account), mdCell(i.title), mdCell(`${i.file}:${i.line}`)].join(' | ')} |`);
    }
  }
  return `${out.join('\n')}\n`;
};
