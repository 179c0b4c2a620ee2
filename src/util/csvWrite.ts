// Every CSV kam writes (kam score --format csv, kam export) goes through here: RFC 4180 quoting
// by csv-stringify, CRLF line ends, and cells a spreadsheet will never run as formulas.
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | null | undefined;

/**
 * A cell a spreadsheet will not run (OWASP, "CSV Injection"): text starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading `'`, which spreadsheets show as text.
 * Numbers stay numbers: a plain negative number (`-1500`, `-12.5`) is a literal to every
 * spreadsheet, never a formula, so it is left as it is (a number type, or text that is exactly
 * one), while `-1+2` or `-A1` is neutralised like any other formula.
 */
export function spreadsheetCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (/^-\d+(?:\.\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV text: a header row, then `rows`; every cell through spreadsheetCell. */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return stringify([header.map(spreadsheetCell), ...rows.map((r) => r.map(spreadsheetCell))], { record_delimiter: '\r\n' });
}
