// The one date module. A date is a day of the proleptic Gregorian calendar from 0001-01-01 to
// 9999-12-31, written YYYY-MM-DD (four-digit years: ISO 8601, JSON Schema's `date`, RFC 5545's
// DATE). Arithmetic is on day numbers, never on JavaScript Dates: Date.UTC reads years 0-99 as
// 1900-1999, and a Date past year 9999 prints as "+010000-01-01" (or throws past 275760).

/** The first and last day kam writes or reads. */
export const MIN_DATE = '0001-01-01';
export const MAX_DATE = '9999-12-31';

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in month `m` (1-12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The last day of month `m` (1-12) of year `y`, as YYYY-MM-DD. */
export function monthEnd(y: number, m: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${daysInMonth(y, m)}`;
}

/**
 * Why `text` is not a date of the calendar kam uses, or null when it is one: its shape
 * (YYYY-MM-DD), then the year (0001-9999), the month (01-12) and the day (to the month's end).
 */
export function dateProblem(text: string): string | null {
  const m = DATE_SHAPE.exec(text);
  if (!m) return `write the date as YYYY-MM-DD, not "${text}"`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return `${text} is not a real date (years run from 0001 to 9999)`;
  if (mo < 1 || mo > 12) return `${text} is not a real date (months run 01-12, days to the end of the month)`;
  if (d < 1 || d > daysInMonth(y, mo)) return `${text} is not a real date (months run 01-12, days to the end of the month: ${String(y).padStart(4, '0')}-${m[2]} has ${daysInMonth(y, mo)} days)`;
  return null;
}

/** Whether `text` is a day from 0001-01-01 to 9999-12-31, written YYYY-MM-DD. */
export const isRealDate = (text: string): boolean => dateProblem(text) === null;

/** Days from 1970-01-01 to `date` (YYYY-MM-DD; negative before 1970). */
export function dayNumber(date: string): number {
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  // Howard Hinnant's days_from_civil: years start in March, so the leap day ends a year.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const FIRST_DAY = dayNumber(MIN_DATE);
const LAST_DAY = dayNumber(MAX_DATE);

/** The date of day number `n` (see dayNumber), clamped to MIN_DATE..MAX_DATE. */
export function dateOfDay(n: number): string {
  const z = (Number.isNaN(n) ? FIRST_DAY : Math.min(LAST_DAY, Math.max(FIRST_DAY, Math.trunc(n)))) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const pad = (v: number, n: number) => String(v).padStart(n, '0');
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The local date as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The day `days` after `date` (YYYY-MM-DD; negative goes back). The calendar ends at 9999-12-31
 * and starts at 0001-01-01: a day past either end is that end (so "within 99,999,999 days" of
 * today reaches 9999-12-31, and a review due after it is due on it).
 */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + (Number.isNaN(days) ? 0 : days));
}

/** The day after `date`, or null for 9999-12-31 (there is none to write). */
export function nextDay(date: string): string | null {
  return date >= MAX_DATE ? null : addDays(date, 1);
}
