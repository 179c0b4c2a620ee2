import Table from 'cli-table3';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';

export type Align = 'left' | 'right' | 'center';
type Cell = string | number;

/** Up to this many rows, cli-table3 lays out the whole table itself. */
const SMALL_TABLE_ROWS = 200;

/**
 * A cli-table3 table without its own colours (they ignore NO_COLOR: the caller's chalk decides).
 *
 * cli-table3 measures every cell several times with string-width, which builds its regular
 * expressions anew on each call: 10,000 rows take seconds. For large tables cli-table3 lays out
 * the frame (borders, heading, column widths from the widest cells) and the body rows are padded
 * here the way cli-table3 pads them; the output is the same as one cli-table3 table's
 * (tests/unit/cli/table.test.ts compares them).
 */
export function renderTable(head: Cell[], rows: Cell[][], opts: { aligns?: Align[]; compact?: boolean } = {}): string {
  const compact = opts.compact ?? false;
  const make = (withHead: boolean, colWidths?: number[]) =>
    new Table({
      head: withHead ? head.map(String) : [],
      ...(opts.aligns ? { colAligns: opts.aligns } : {}),
      ...(colWidths ? { colWidths } : {}),
      style: { head: [], border: [], compact },
    });
  const render = (t: Table.Table, chunk: Cell[][]) => {
    for (const row of chunk) t.push(row);
    return t.toString();
  };
  const texts = rows.map((row) => row.map(String));
  // Cells over several lines: cli-table3's own layout is the only exact one.
  if (rows.length <= SMALL_TABLE_ROWS || texts.some((row) => row.some((cell) => cell.includes('\n')))) return render(make(true), rows);

  const widths = texts.map((row) => row.map(visibleWidth));
  const widestRows = head.map((_, col) => widths.reduce((best, w, i) => ((w[col] ?? 0) > (widths[best]![col] ?? 0) ? i : best), 0));
  const top = render(make(true), [...new Set(widestRows)].map((i) => rows[i]!)).split('\n')[0]!;
  const colWidths = top.slice(1, -1).split('┬').map((segment) => [...segment].length);
  // The frame: top border, heading and its rule (from a one-row table), bottom border.
  const frame = render(make(true, colWidths), [rows[0]!]).split('\n');
  const separator = top.replace('┌', '├').replace('┐', '┤').replaceAll('┬', '┼');
  const aligns = opts.aligns ?? [];
  const body = texts.map((row, r) => `│${row.map((cell, c) => ` ${pad(cell, widths[r]![c]!, colWidths[c]! - 2, aligns[c])} `).join('│')}│`);
  const lines = compact ? body : body.flatMap((line, i) => (i === 0 ? [line] : [separator, line]));
  return [...frame.slice(0, -2), ...lines, frame[frame.length - 1]!].join('\n');
}

/** cli-table3's padding of a cell to `size` columns. */
function pad(text: string, width: number, size: number, align: Align | undefined): string {
  const gap = Math.max(0, size - width);
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(gap - Math.ceil(gap / 2)) + text + ' '.repeat(Math.ceil(gap / 2));
  return text + ' '.repeat(gap);
}

/** Columns a cell takes on a terminal; printable ASCII (nearly every cell) is measured directly. */
function visibleWidth(text: string): number {
  const plain = stripVTControlCharacters(text);
  return /^[\x20-\x7e]*$/.test(plain) ? plain.length : stringWidth(plain);
}
