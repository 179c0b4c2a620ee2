import type { AgendaFormatter } from './types.js';

/** spec 1.1, section 7. */
export const json: AgendaFormatter = ({ items }) =>
  `${JSON.stringify({ items: items.map(({ kind, account, date, overdue, owner, title, file, line }) => ({ kind, account, date, overdue, owner, title, file, line })) }, null, 2)}\n`;
