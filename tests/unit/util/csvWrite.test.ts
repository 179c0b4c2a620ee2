import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadsheetCell, unguardCell, writeCsv } from '../../../src/util/csvWrite.js';

describe('spreadsheetCell (OWASP CSV injection)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+41 22 000', "'+41 22 000"],
    ['-A1', "'-A1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['Acme', 'Acme'],
    ['a=b', 'a=b'],
    ['', ''],
    // Plain negative numbers are literals to every spreadsheet, never formulas: kept numeric.
    ['-1500', '-1500'],
    ['-12.5', '-12.5'],
    [-12.5, '-12.5'],
    [81.3, '81.3'],
    [null, ''],
  ] as const)('%j -> %j', (value, cell) => expect(spreadsheetCell(value)).toBe(cell));
});

describe('writeCsv', () => {
  it('quotes per RFC 4180 with CRLF line ends, after the guard', () => {
    expect(writeCsv(['name', 'n'], [['Acme, "the"', -1], ['=A1,B1', null]])).toBe('name,n\r\n"Acme, ""the""",-1\r\n"\'=A1,B1",\r\n');
  });
});

// Python's csv module as the real reader: it reads the CSV from stdin and prints its rows as JSON.
function pythonRows(csv: string): string[][] {
  const script = 'import csv, io, json, sys\nprint(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: csv, encoding: 'utf8' })) as string[][];
}

/** Physical lines as a naive reader splits them: at every CR, LF or CRLF. */
const physicalLines = (csv: string) => csv.split(/\r\n|\r|\n/);

const EVIL = "Evil Corp\n=cmd|' /C calc'!A0";

describe('line breaks inside cells', () => {
  it.each([
    [EVIL, "Evil Corp\n'=cmd|' /C calc'!A0"],
    ['a\r+b', "a\r'+b"],
    ['a\r\n@c', "a\r\n'@c"],
    ['=x\n-y\n-12', "'=x\n'-y\n-12"],
    ["'=already", "''=already"],
    ["x\n'@y", "x\n''@y"],
    ['two\nlines', 'two\nlines'],
    ['tab\n\tx', "tab\n'\tx"],
  ])('%j -> %j (every line of the cell guarded like its start)', (value, cell) => {
    expect(spreadsheetCell(value)).toBe(cell);
    expect(unguardCell(cell)).toBe(value);
  });

  it('quotes a cell with a bare LF, a bare CR, CRLF, a quote or a comma, so no row ends inside it', () => {
    const csv = writeCsv(['name', 'x'], [[EVIL, 1], ['a\rb', 'c,d'], ['q"q', 'a\r\nb']]);
    expect(csv).toBe(`name,x\r\n"Evil Corp\n'=cmd|' /C calc'!A0",1\r\n"a\rb","c,d"\r\n"q""q","a\r\nb"\r\n`);
    for (const line of physicalLines(csv)) expect(line).not.toMatch(/^[=+\-@]/);
  });

  it("Python's csv module reads back exactly the cells written, and no physical line starts a formula (fuzzed)", () => {
    const char = fc.constantFrom('a', 'Z', ' ', ',', '"', "'", '\r', '\n', '=', '+', '-', '@', '\t', '1', '.', 'é', '|', '!');
    const text = fc.array(char, { maxLength: 12 }).map((cs) => cs.join(''));
    const samples = fc.sample(fc.array(fc.oneof(text, fc.integer({ min: -5000, max: 5000 })), { minLength: 3, maxLength: 3 }), { numRuns: 600, seed: 23 });
    const rows = [[EVIL, -1500, '-12.5'], ...samples];
    const csv = writeCsv(['a', 'b', 'c'], rows);
    expect(pythonRows(csv)).toEqual([['a', 'b', 'c'], ...rows.map((r) => r.map(spreadsheetCell))]);
    for (const line of physicalLines(csv)) if (!/^-\d+(?:\.\d+)?(?:,|$)/.test(line)) expect(line).not.toMatch(/^[=+\-@\t]/);
    // What kam import does with each cell gives back the value written.
    for (const r of rows) for (const v of r) expect(unguardCell(spreadsheetCell(v))).toBe(String(v));
  });
});
