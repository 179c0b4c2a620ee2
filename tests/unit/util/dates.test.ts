// Issue 24, item 15: dates are days from 0001-01-01 to 9999-12-31 everywhere, with one date module
// (src/util/dates.ts). Before: years 0000-0099 were "not a real date", `agenda --within 99999999`
// was an internal error, `--within 2920000` or `--today 9999-12-25` an empty agenda, and a due
// date of 9999-12-31 wrote `DTEND;VALUE=DATE:+01000001`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { addDays, dateOfDay, dateProblem, dayNumber, daysBetween, isRealDate, MAX_DATE, MIN_DATE, nextDay } from '../../../src/util/dates.js';
import { periodEnds } from '../../../src/history/points.js';
import { EXAMPLE, kam, kamJson } from '../../helpers/kamInProcess.js';
import { copyRepo } from '../../helpers/tmpRepo.js';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Any day of years 1-9999, written YYYY-MM-DD, by JavaScript's own (ISO) reading of such text. */
const anyDate = fc.integer({ min: Date.parse(`${MIN_DATE}T00:00:00Z`) / 86_400_000, max: Date.parse(`${MAX_DATE}T00:00:00Z`) / 86_400_000 }).map((n) => {
  const d = new Date(n * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
});

describe('the date module', () => {
  it('counts days as the ISO calendar does, for every year from 1 to 9999, both ways', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(isRealDate(date)).toBe(true);
        expect(dayNumber(date)).toBe(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
        expect(dateOfDay(dayNumber(date))).toBe(date);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        expect(addDays(a, daysBetween(a, b))).toBe(b);
      }),
      { numRuns: 500 },
    );
  });

  it('takes years 0001-0099 and refuses year 0000, month 13 and February 29 outside leap years', () => {
    for (const ok of ['0001-01-01', '0050-06-15', '0099-12-31', '0004-02-29', '2000-02-29', '9999-12-31']) expect(dateProblem(ok), ok).toBeNull();
    expect(dateProblem('0000-01-01')).toBe('0000-01-01 is not a real date (years run from 0001 to 9999)');
    expect(dateProblem('2026-13-01')).toContain('months run 01-12');
    expect(dateProblem('1900-02-29')).toContain('1900-02 has 28 days');
    expect(dateProblem('0099-02-29')).toContain('0099-02 has 28 days');
    expect(dateProblem('2026-1-01')).toContain('YYYY-MM-DD');
  });

  it('ends the calendar at 9999-12-31 and starts it at 0001-01-01: a day past either end is that end', () => {
    expect(addDays('2026-12-03', 99_999_999)).toBe(MAX_DATE);
    expect(addDays('2026-12-03', Number.MAX_SAFE_INTEGER)).toBe(MAX_DATE);
    expect(addDays('2026-12-03', Infinity)).toBe(MAX_DATE);
    expect(addDays('0001-01-10', -100)).toBe(MIN_DATE);
    expect(addDays('9999-12-25', 7)).toBe(MAX_DATE);
    expect(nextDay('9999-12-30')).toBe(MAX_DATE);
    expect(nextDay(MAX_DATE)).toBeNull();
  });

  it('walks weeks and months up to year 9999 and from year 1 (kam trend)', () => {
    expect(periodEnds('0050-11-15', '0051-02-01', 'month')).toEqual(['0050-11-30', '0050-12-31', '0051-01-31']);
    expect(periodEnds('0001-01-01', '0001-01-20', 'week')).toEqual(['0001-01-07', '0001-01-14']);
    expect(periodEnds('9999-10-15', MAX_DATE, 'month')).toEqual(['9999-10-31', '9999-11-30']);
    expect(periodEnds('9999-12-20', MAX_DATE, 'week').at(-1)).toBe('9999-12-26');
  });
});

describe('dates at the ends of the calendar, end to end', () => {
  const repo = () => {
    const root = copyRepo(EXAMPLE);
    const file = join(root, 'plans/calloway-health.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(['actions', 2, 'due'], MAX_DATE);
    doc.setIn(['actions', 1, 'status'], 'open');
    doc.setIn(['actions', 1, 'due'], '0050-06-01');
    writeFileSync(file, doc.toString());
    return root;
  };
  const root = repo();
  const titles = (json: { items: { title: string; date: string }[] }) => json.items.filter((i) => i.date === MAX_DATE || i.date === '0050-06-01').map((i) => `${i.date} ${i.title}`);
  const both = ['0050-06-01 Denial prediction proof of value with Revenue Cycle', '9999-12-31 Set up quarterly sponsor meetings between Helen Marsh and Dr. Foster'];

  it('a due date in year 50 is valid (kam validate)', async () => {
    const run = await kam(['validate', '-C', root]);
    expect(run.stdout).not.toContain('not a real date');
    expect(run.code, run.stdout).toBe(0);
  });

  it('agenda --within 99999999 and --within 2920000 reach 9999-12-31; --today 9999-12-25 lists what is overdue and due', async () => {
    for (const within of ['99999999', '2920000']) {
      const { code, json, stderr } = await kamJson(['agenda', '--today', '2026-12-03', '--within', within, '-f', 'json', '-C', root]);
      expect(code, stderr).toBe(0);
      expect(titles(json)).toEqual(both);
    }
    const late = await kamJson(['agenda', '--today', '9999-12-25', '-f', 'json', '-C', root]);
    expect(late.code, late.stderr).toBe(0);
    expect(titles(late.json)).toEqual(both);
    expect(late.json.items.length).toBeGreaterThan(2);
  });

  it('--today 0000-01-01 is a usage error naming the years', async () => {
    const run = await kam(['agenda', '--today', '0000-01-01', '-C', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('years run from 0001 to 9999');
  });

  it('an item due 9999-12-31 is a one-day event in the calendar, which ical.js reads', async () => {
    const run = await kam(['agenda', '--today', '2026-12-03', '--within', '99999999', '-f', 'ics', '-C', root]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('+0100');
    const events = new ICAL.Component(ICAL.parse(run.stdout)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const last = events.find((e) => e.startDate.toString() === MAX_DATE)!;
    expect(last.summary).toContain('Set up quarterly sponsor meetings');
    expect(last.duration.toString()).toBe('P1D');
    // ical.js writes year 50 without its zeros.
    const early = events.find((e) => e.startDate.year === 50)!;
    expect([early.startDate.month, early.startDate.day, early.endDate.year, early.endDate.month, early.endDate.day]).toEqual([6, 1, 50, 6, 2]);
    expect(run.stdout).toContain('DTSTART;VALUE=DATE:00500601\r\nDTEND;VALUE=DATE:00500602\r\n');
  });

  it('max_age_days is bounded: more than 36,500 is a located configuration error', async () => {
    const bad = copyRepo(EXAMPLE);
    const file = join(bad, 'kam.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/max_age_days: \d+/);
    writeFileSync(file, text.replace(/max_age_days: \d+/, 'max_age_days: 99999999'));
    const run = await kam(['check', '-C', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/kam\.yaml[\s\S]*must be at most 36,500 \(100 years\)/);
  });
});
