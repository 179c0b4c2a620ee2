import { createHash } from 'node:crypto';
import { VERSION } from '../version.js';
import { nextDay } from '../util/dates.js';
import type { AgendaItem } from './agenda.js';

/**
 * RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT values; the
 * other control characters (NUL, BEL, ESC, ... and DEL; TSAFE-CHAR and QSAFE-CHAR exclude them,
 * tab alone is allowed) are dropped: a calendar may hold none, and a reader that shows them
 * raw would pass them on to a terminal.
 */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/**
 * RFC 5545 3.1: a content line longer than 75 octets is split, each continuation starting with one
 * space (counted in its 75). Never splits a UTF-8 character.
 */
export function foldLine(line: string): string {
  // Most lines are short: returned as they are. The others are cut with slices, never grown a
  // character at a time (a string built so holds a node per character: a 1,000,000-item calendar
  // ran out of heap, issue 24).
  if (line.length <= 75 && Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; ) {
    const code = line.codePointAt(i)!;
    const units = code > 0xffff ? 2 : 1;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 1; // the continuation's leading space
    }
    octets += size;
    i += units;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

/** The same item (kind, account and what it is about) gets the same UID in every run, so a re-import updates it. */
export function itemUid(item: AgendaItem): string {
  return `${createHash('sha1').update(item.key).digest('hex').slice(0, 32)}@kam`;
}

const KIND_LABEL = { action: 'Action', review: 'Plan review', contact: 'Contact', health_input: 'Health input', renewal: 'Renewal' } as const;

const compact = (date: string) => date.replace(/-/g, '');

/**
 * An RFC 5545 calendar of the agenda: one all-day VEVENT per item, CRLF line ends, folded lines.
 * DTSTAMP is today at midnight UTC, so two runs on the same day write the same bytes.
 */
export function agendaIcs(items: AgendaItem[], opts: { today: string; name?: string }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//kam//kam agenda ${VERSION}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.name ?? 'kam agenda')}`,
  ];
  for (const item of items) {
    const description = [
      `${KIND_LABEL[item.kind]} for ${item.account}${item.overdue ? ' (overdue)' : ''}`,
      `Owner: ${item.owner ?? 'nobody named'}`,
      `${item.file}:${item.line}`,
    ].join('\n');
    // An all-day event ends the next day; 9999-12-31 has none to write, so it lasts one day (RFC 5545 3.8.2.5).
    const end = nextDay(item.date);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${itemUid(item)}`,
      `DTSTAMP:${compact(opts.today)}T000000Z`,
      `DTSTART;VALUE=DATE:${compact(item.date)}`,
      end ? `DTEND;VALUE=DATE:${compact(end)}` : 'DURATION:P1D',
      `SUMMARY:${escapeText(`${item.overdue ? 'OVERDUE: ' : ''}${item.title} (${item.account})`)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${escapeText(KIND_LABEL[item.kind])}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  for (let i = 0; i < lines.length; i++) lines[i] = foldLine(lines[i]!);
  return `${lines.join('\r\n')}\r\n`;
}
