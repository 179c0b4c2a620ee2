import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { renderTable, type Align } from '../../../../src/cli/format/table.js';

function oneTable(head: string[], rows: (string | number)[][], aligns: Align[], compact: boolean): string {
  const t = new Table({ head, colAligns: aligns, style: { head: [], border: [], compact } });
  for (const row of rows) t.push(row);
  return t.toString();
}

describe('renderTable', () => {
  const head = ['#', 'account', 'score', 'manager'];
  const aligns: Align[] = ['right', 'left', 'right', 'center'];
  // Widths vary, the widest cells sit in different rows, one uses colour codes, and some are
  // wider on screen than their length (accents, CJK, emoji).
  const manager = (i: number) => ['José Núñez', '山田太郎', 'Zoë 🚀', 'Ann', '', '\u001b[2m-\u001b[22m'][i % 6]!;
  const rows = Array.from({ length: 450 }, (_, i) => [
    i + 1,
    i === 77 ? 'a-very-long-account-name-indeed' : `acct-${i}`,
    i === 301 ? '\u001b[1m100.0\u001b[22m' : (i % 97).toFixed(1),
    i === 400 ? '長い名前の担当者さん' : manager(i),
  ]);

  it.each([true, false])('lays out a large table exactly as one cli-table3 table would (compact: %s)', (compact) => {
    expect(renderTable(head, rows, { aligns, compact })).toBe(oneTable(head, rows, aligns, compact));
  });

  it('lays out a large table with a cell over two lines as cli-table3 does', () => {
    const tall = rows.map((row, i) => (i === 5 ? [row[0]!, 'two\nlines', row[2]!, row[3]!] : row));
    expect(renderTable(head, tall, { aligns, compact: false })).toBe(oneTable(head, tall, aligns, false));
  });

  it('leaves small tables to cli-table3 as they are', () => {
    expect(renderTable(head, rows.slice(0, 5), { aligns, compact: true })).toBe(oneTable(head, rows.slice(0, 5), aligns, true));
  });
});
