import { describe, expect, it } from 'vitest';
import { spreadsheetCell, writeCsv } from '../../../src/util/csvWrite.js';

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
