import type { ChalkInstance } from 'chalk';
import type { AgendaItem } from '../../../agenda/agenda.js';

/** What every `kam agenda` formatter gets. */
export interface AgendaReport {
  items: AgendaItem[];
  today: string;
  within: number;
  /** What the list was narrowed to (--owner, --manager), for titles. */
  scope: string | null;
  chalk: ChalkInstance;
}

export type AgendaFormatter = (report: AgendaReport) => string;
