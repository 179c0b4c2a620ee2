import { describe, expect, it } from 'vitest';
import { CsvError, detectDelimiter, parseCsv } from '../../../src/import/csv.js';

const cells = (text: string, delimiter?: string) => {
  const t = parseCsv(text, delimiter);
  return [t.header.cells, ...t.records.map((r) => r.cells)];
};

describe('parseCsv', () => {
  it('reads plain records with LF or CRLF line ends', () => {
    expect(cells('a,b\n1,2\n3,4\n')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(cells('a,b\r\n1,2\r\n3,4')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
    const t = parseCsv('name,notes\r\n"Acme, Inc.","He said ""hi""\r\nthen left"\r\nBeta,"x"\r\n');
    expect(t.records.map((r) => r.cells)).toEqual([['Acme, Inc.', 'He said "hi"\nthen left'], ['Beta', 'x']]);
    // A record's line is where it starts; the next record's line counts the embedded break.
    expect(t.records.map((r) => r.line)).toEqual([2, 4]);
  });

  it('drops a UTF-8 BOM and keeps accents', () => {
    const t = parseCsv('\uFEFFname;city\nCrème Brûlée AG;Zürich\n');
    expect(t.header.cells).toEqual(['name', 'city']);
    expect(t.delimiter).toBe(';');
    expect(t.records[0]!.cells).toEqual(['Crème Brûlée AG', 'Zürich']);
  });

  it('keeps empty cells, including trailing ones, and skips blank lines', () => {
    const t = parseCsv('a,b,c\n,,\n\n1,,3\n');
    expect(t.records.map((r) => [r.line, r.cells])).toEqual([[2, ['', '', '']], [4, ['1', '', '3']]]);
  });

  it('flags text after a closing quote on its record only', () => {
    const t = parseCsv('a,b\n"x"y,2\n3,4\n');
    expect(t.records[0]!.problem).toMatch(/after a closing quote/);
    expect(t.records[1]).toEqual({ line: 3, cells: ['3', '4'] });
  });

  it('treats a quote inside an unquoted field as text', () => {
    expect(cells('a\n5" disk\n')[1]).toEqual(['5" disk']);
  });

  it('reports an unterminated quote with the line it opened on', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,2\n3,"open\n4,5\n');
    } catch (err) {
      expect((err as CsvError).line).toBe(3);
    }
  });

  it('rejects an empty file', () => {
    expect(() => parseCsv('')).toThrow(/header row/);
    expect(() => parseCsv('\uFEFF\n\n')).toThrow(/header row/);
  });

  it('counts lines like an editor whatever the line ends, inside quoted fields too', () => {
    const t = parseCsv('a,b\r\n"x\r\ny\r\nz",1\r\n\r\n2,3\r\n"p\rq",4\n5,6');
    expect(t.records.map((r) => [r.line, r.cells])).toEqual([[2, ['x\ny\nz', '1']], [6, ['2', '3']], [7, ['p\nq', '4']], [9, ['5', '6']]]);
  });

  it('numbers 10,000 records by the line they start on', () => {
    const rows = Array.from({ length: 10000 }, (_, i) => (i % 100 === 0 ? `"Name ${i}\nsecond line",${i}` : `Name ${i},${i}`));
    const t = parseCsv(`name,n\n${rows.join('\n')}\n`);
    expect(t.records).toHaveLength(10000);
    // Each record before the last one starting with a multi-line name adds one line.
    expect(t.records[9999]).toEqual({ line: 2 + 9999 + 100, cells: ['Name 9999', '9999'] });
  });

  it('honours a forced delimiter', () => {
    expect(cells('a;b\tc\n1;2\t3\n', '\t')).toEqual([['a;b', 'c'], ['1;2', '3']]);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['name,revenue\n', ','],
    ['name;revenue;region\n', ';'],
    ['"a;b;c",d,e;f\n', ','],
    ['"a,b,c";d;e\n', ';'],
    ['name\n', ','],
  ])('%j -> %s', (text, expected) => expect(detectDelimiter(text)).toBe(expected));
});
