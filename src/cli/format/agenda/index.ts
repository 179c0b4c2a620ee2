import { ics } from './ics.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { table } from './table.js';
import type { AgendaFormatter } from './types.js';

/** `kam agenda` formatters by name; --format picks one. */
export const agendaFormatters = { table, json, markdown, ics } satisfies Record<string, AgendaFormatter>;
export type AgendaFormat = keyof typeof agendaFormatters;
