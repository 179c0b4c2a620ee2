// Reading CSV for CRM round trips. Reading is csv-parse (RFC 4180: quoted fields with
// the delimiter, doubled quotes and line breaks inside), around which kam adds what CRM exports
// need: a UTF-8 BOM dropped, `,` or `;` detected from the header line, the line each record starts
// on, and a per-row problem for text after a closing quote. Writing: src/util/csvWrite.ts.
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** The 1-based physical line the record starts on, as a linter would report it. */
  line: number;
  cells: string[];
  /** Set when the record is malformed (text after a closing quote): the row is rejected. */
  problem?: string;
}

export interface CsvTable {
  delimiter: string;
  header: CsvRecord;
  records: CsvRecord[];
}

/** A problem that makes the rest of the file unreadable (an unterminated quote). */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/**
 * The delimiter of a file: the more frequent of `;` and `,` outside quotes on the header line
 * (a tie, e.g. a one-column file, means `,`).
 */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Parses CSV text into records. Blank lines are skipped. Throws CsvError on an unterminated quote. */
export function parseCsv(input: string, delimiter?: string): CsvTable {
  // Line breaks become \n first, inside fields too (as the records hand them on), so that the
  // parser's line count is the file's whatever its line ends (CRLF inside a field counts once).
  const text = (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).replace(/\r\n?/g, '\n');
  const sep = delimiter ?? detectDelimiter(text);
  let lastLine = 0;
  let rows: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter: sep,
      record_delimiter: '\n',
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      on_record: (record: string[], context: { lines: number }) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as typeof rows;
  } catch (err) {
    if ((err as { code?: string }).code !== 'CSV_QUOTE_NOT_CLOSED') throw err;
    const start = nextContentLine(text, lastLine + 1);
    throw new CsvError(`a quoted field opened on line ${start} is never closed; close it with " (write a quote inside a field as "")`, start);
  }
  const records: CsvRecord[] = rows.map(({ record: cells, raw, info }) => {
    // info.lines is the line the record ends on; its cells hold every line break it spans.
    let breaks = 0;
    for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) breaks++;
    const line = info.lines - breaks;
    const problem = cells.some((c) => c.startsWith('"')) ? textAfterQuote(raw, cells, sep) : undefined;
    return problem ? { line, cells, problem } : { line, cells };
  });
  const [header, ...rest] = records;
  if (!header) throw new CsvError('the file is empty: it needs a header row naming the columns', 1);
  return { delimiter: sep, header, records: rest };
}

/**
 * RFC 4180 allows nothing between a closing quote and the delimiter; csv-parse (relax_quotes)
 * reads `"Acme" Inc` as the text `"Acme" Inc`. Walks the raw record: a cell that is not in its
 * quoted form there but starts with a quote was a quoted field with text after it.
 */
function textAfterQuote(raw: string, cells: string[], sep: string): string | undefined {
  let at = raw.length - raw.replace(/^\n+/, '').length;
  for (const cell of cells) {
    const quoted = `"${cell.replaceAll('"', '""')}"`;
    if (raw.startsWith(quoted, at) && (at + quoted.length === raw.length || raw[at + quoted.length] === sep || raw[at + quoted.length] === '\n')) at += quoted.length;
    else if (cell.startsWith('"')) {
      const close = cell.indexOf('"', 1);
      const after = close < 0 ? cell : cell.slice(close + 1);
      return `unexpected text ${JSON.stringify(after.slice(0, 20))} after a closing quote; quote the whole field and double any quote inside it`;
    } else at += cell.length;
    at += 1; // the delimiter
  }
  return undefined;
}

/** The first line at or after `line` (1-based) that is not blank. */
function nextContentLine(text: string, line: number): number {
  const lines = text.split('\n');
  let n = Math.max(line, 1);
  while (n <= lines.length && lines[n - 1] === '') n++;
  return n;
}
