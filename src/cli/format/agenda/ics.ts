import { agendaIcs } from '../../../agenda/ics.js';
import type { AgendaFormatter } from './types.js';

/** An RFC 5545 calendar: subscribe to it or import it; UIDs are stable, so a re-import updates. */
export const ics: AgendaFormatter = ({ items, today, scope }) => agendaIcs(items, { today, name: scope ? `kam agenda: ${scope}` : 'kam agenda' });
