import Table from 'cli-table3';
import { stripVTControlCharacters } from 'node:util';

export type Align = 'left' | 'right' | 'center';
type Cell = string | number;

/** Rows per cli-table3 table: its layout time grows with the square of the row count. */
const CHUNK_ROWS = 200;

/**
 * A cli-table3 table without its own colours (they ignore NO_COLOR: the caller's chalk decides).
 * Large tables are laid out in chunks that share column widths and are stitched together, so
 * 10,000 rows take a second, not minutes; the output is the same as one table's.
 */
export function renderTable(head: Cell[], rows: Cell[][], opts: { aligns?: Align[]; compact?: boolean } = {}): string {
  const make = (withHead: boolean, colWidths?: number[]) =>
    new Table({
      head: withHead ? head.map(String) : [],
      ...(opts.aligns ? { colAligns: opts.aligns } : {}),
      ...(colWidths ? { colWidths } : {}),
      style: { head: [], border: [], compact: opts.compact ?? false },
    });
  const render = (t: Table.Table, chunk: Cell[][]) => {
    for (const row of chunk) t.push(row);
    return t.toString();
  };
  if (rows.length <= CHUNK_ROWS) return render(make(true), rows);

  // Lay out the widest row of each column once, and read the column widths off its top border.
  const widest = head.map((_, col) => rows.reduce((best, row) => (visible(row[col]) > visible(best[col]) ? row : best), rows[0]!));
  const top = render(make(true), [...new Set(widest)]).split('\n')[0]!;
  const colWidths = top.slice(1, -1).split('┬').map((segment) => [...segment].length);
  const separator = top.replace('┌', '├').replace('┐', '┤').replaceAll('┬', '┼');

  const chunks: string[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) chunks.push(render(make(i === 0, colWidths), rows.slice(i, i + CHUNK_ROWS)).split('\n'));
  return chunks
    .map((lines, i) => {
      const body = lines.slice(i === 0 ? 0 : 1, i === chunks.length - 1 ? lines.length : -1);
      return i === 0 || opts.compact ? body : [separator, ...body];
    })
    .flat()
    .join('\n');
}

function visible(cell: Cell | undefined): number {
  return cell === undefined ? 0 : stripVTControlCharacters(String(cell)).length;
}
