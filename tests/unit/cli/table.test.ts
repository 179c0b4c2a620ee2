import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { renderTable, type Align } from '../../../src/cli/format/table.js';

function oneTable(head: string[], rows: (string | number)[][], aligns: Align[], compact: boolean): string {
  const t = new Table({ head, colAligns: aligns, style: { head: [], border: [], compact } });
  for (const row of rows) t.push(row);
  return t.toString();
}

describe('renderTable', () => {
  const head = ['#', 'account', 'score'];
  const aligns: Align[] = ['right', 'left', 'right'];
  // Widths vary, the widest cells sit in different rows, and one uses colour codes.
  const rows = Array.from({ length: 450 }, (_, i) => [i + 1, i === 77 ? 'a-very-long-account-name-indeed' : `acct-${i}`, i === 301 ? '\u001b[1m100.0\u001b[22m' : (i % 97).toFixed(1)]);

  it.each([true, false])('lays out a large table exactly as one cli-table3 table would (compact: %s)', (compact) => {
    expect(renderTable(head, rows, { aligns, compact })).toBe(oneTable(head, rows, aligns, compact));
  });

  it('leaves small tables to cli-table3 as they are', () => {
    expect(renderTable(head, rows.slice(0, 5), { aligns, compact: true })).toBe(oneTable(head, rows.slice(0, 5), aligns, true));
  });
});
