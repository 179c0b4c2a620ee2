// A small RFC 4180 reader for CRM exports: quoted fields (with the delimiter, doubled quotes and
// line breaks inside), CRLF or LF, a UTF-8 BOM, `,` or `;` detected from the header line.

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
  constructor(message: string, readonly line: number) {
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
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let problem: string | undefined;
    // One record: cells until an unquoted line break or the end of the text.
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new CsvError(`a quoted field opened on line ${start} is never closed; close it with " (write a quote inside a field as "")`, start);
          const chunk = text.slice(i, q);
          line += countLineBreaks(chunk);
          // Line breaks inside a field become \n, whatever the file's own line ends are.
          cell += chunk.replace(/\r\n?/g, '\n');
          i = q + 1;
          if (text[i] === '"') {
            cell += '"';
            i++;
          } else break;
        }
        // RFC 4180 allows nothing between the closing quote and the delimiter.
        const end = nextBoundary(text, i, sep);
        if (end > i) {
          problem ??= `unexpected text ${JSON.stringify(text.slice(i, Math.min(end, i + 20)))} after a closing quote; quote the whole field and double any quote inside it`;
          cell += text.slice(i, end);
          i = end;
        }
      } else {
        const end = nextBoundary(text, i, sep);
        cell = text.slice(i, end);
        i = end;
      }
      cells.push(cell);
      if (i < n && text[i] === sep) {
        i++;
        continue;
      }
      // A line break (or the end): the record is complete.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    const blank = cells.length === 1 && cells[0] === '' && problem === undefined;
    if (!blank) records.push(problem ? { line: start, cells, problem } : { line: start, cells });
  }
  const [header, ...rest] = records;
  if (!header) throw new CsvError('the file is empty: it needs a header row naming the columns', 1);
  return { delimiter: sep, header, records: rest };
}

/** The index of the next delimiter or line break at or after `from`. */
function nextBoundary(text: string, from: number, sep: string): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === sep || ch === '\n' || ch === '\r') return i;
  }
  return text.length;
}

function countLineBreaks(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\n') count++;
    else if (s[i] === '\r' && s[i + 1] !== '\n') count++;
  }
  return count;
}
