// Every CSV kam writes (kam export, kam score --format csv, kam health --format csv) goes through
// here: RFC 4180 quoting, CRLF line ends, and cells a spreadsheet will never run as formulas.
//
// Threat: account and plan text comes from repos and CRM exports anyone may have edited. A cell
// such as `=cmd|' /C calc'!A0` runs when a spreadsheet opens the file, and a line break inside a
// cell must never end the row: a bare LF in `Evil Corp\n=cmd…` would otherwise start a new row
// with the formula, past the guard. So:
//   - the formula guard runs on each cell first, at the cell's start and at the start of every
//     line inside it (a reader that splits rows at any line break, as some CRM importers do,
//     still meets no formula; `kam import` removes the guard again, unguardCell);
//   - then any cell holding a comma, a double quote, CR or LF is quoted, its quotes doubled.
// Written here, not by csv-stringify: with CRLF row ends it leaves a bare LF or CR unquoted.

export type CsvValue = string | number | null | undefined;

/**
 * Text a spreadsheet would run as a formula: starts with `=`, `+`, `-`, `@`, a tab or CR. Text
 * that already starts with apostrophes before one of those is guarded too (`'=x` -> `''=x`), so
 * unguardCell can always take exactly one off: the guard loses nothing.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const LINE_FORMULA_START = /^'*[=+\-@\t]/;
/** A plain negative number is a literal to every spreadsheet, never a formula. */
const NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;

/**
 * A cell a spreadsheet will not run (OWASP, "CSV Injection"): text starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading `'`, which spreadsheets show as text; so does
 * every line inside the cell that starts so (after CR, LF or CRLF).
 * Numbers stay numbers: a plain negative number (`-1500`, `-12.5`) is a literal to every
 * spreadsheet, never a formula, so it is left as it is (a number type, or text that is exactly
 * one), while `-1+2` or `-A1` is neutralised like any other formula.
 */
export function spreadsheetCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (NEGATIVE_NUMBER.test(value)) return value;
  const first = FORMULA_START.test(value) ? `'${value}` : value;
  // Lines after the first: `\r\n`, `\r` and `\n` each end a line (as spreadsheets and naive
  // readers split them), so what follows one is checked like a cell's start.
  return first.replace(/(\r\n|\r(?!\n)|\n)([^\r\n]*)/g, (_m, brk: string, line: string) =>
    LINE_FORMULA_START.test(line) && !NEGATIVE_NUMBER.test(line) ? `${brk}'${line}` : `${brk}${line}`,
  );
}

/**
 * The cell as it was before the guard of spreadsheetCell (or a spreadsheet's own `'`): `'=x` ->
 * `=x`, at the cell's start and at each line's start inside it, so `kam export` output reads back
 * through `kam import` as it was, whatever it was (one `'` less, never more).
 */
export function unguardCell(cell: string): string {
  const first = /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
  return first.replace(/(\r\n|\r|\n)'(?='*[=+\-@\t])/g, '$1');
}

/** One CSV field: quoted (RFC 4180) when it holds a comma, a double quote, CR or LF. */
function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** CSV text: a header row, then `rows`; every cell through spreadsheetCell, then quoted. */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  let out = '';
  for (const row of [header, ...rows]) out += `${row.map((v) => csvField(spreadsheetCell(v))).join(',')}\r\n`;
  return out;
}
