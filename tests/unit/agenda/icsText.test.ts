import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText } from '../../../src/agenda/ics.js';

// Hostile text -> the RFC 5545 TEXT value kam writes, and what a calendar reads back.
const CASES: [string, string, string][] = [
  ['Call Ann, Bo; then Cy', 'Call Ann\\, Bo\\; then Cy', 'Call Ann, Bo; then Cy'],
  ['back\\slash \\n not a newline', 'back\\\\slash \\\\n not a newline', 'back\\slash \\n not a newline'],
  ['one\ntwo\r\nthree\rfour', 'one\\ntwo\\nthree\\nfour', 'one\ntwo\nthree\nfour'],
  ['END:VEVENT\r\nBEGIN:VEVENT', 'END:VEVENT\\nBEGIN:VEVENT', 'END:VEVENT\nBEGIN:VEVENT'], // no second event
  ['SUMMARY:x\nATTACH:http://evil', 'SUMMARY:x\\nATTACH:http://evil', 'SUMMARY:x\nATTACH:http://evil'], // no property
  ['nul\u0000bel\u0007esc\u001b[2J del\u007f', 'nulbelesc[2J del', 'nulbelesc[2J del'], // controls dropped
  ['tab\tstays', 'tab\tstays', 'tab\tstays'],
  ['"quoted" :colon', '"quoted" :colon', '"quoted" :colon'], // DQUOTE and COLON are TEXT
  ['Müller 東京 🚀', 'Müller 東京 🚀', 'Müller 東京 🚀'],
  ['', '', ''],
];

describe('escapeText: the one ICS TEXT escape', () => {
  it.each(CASES)('%j', (input, written) => {
    expect(escapeText(input)).toBe(written);
  });

  it('a calendar parser reads the text back, in one event and one property', () => {
    for (const [input, , read] of CASES) {
      const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//kam//test//EN', 'BEGIN:VEVENT', 'UID:x', 'DTSTAMP:20260101T000000Z', `SUMMARY:${escapeText(input)}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
      const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
      expect(events, input).toHaveLength(1);
      expect(events[0]!.getAllProperties().map((p) => p.name), input).toEqual(['uid', 'dtstamp', 'summary']);
      expect(events[0]!.getFirstPropertyValue('summary'), input).toBe(read);
    }
  });
});
