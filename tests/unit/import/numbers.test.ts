import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/import/numbers.js';

describe('parseNumber', () => {
  it.each([
    ['1200000', 1200000],
    ['1,200,000', 1200000],
    ['1 200 000', 1200000],
    ['1\u00a0200\u00a0000', 1200000],
    ["1'200'000", 1200000],
    ['$1,200,000.50', 1200000.5],
    ['1200000 €', 1200000],
    ['£ 950', 950],
    ['-1,500', -1500],
    ['0.5', 0.5],
    [' 42 ', 42],
  ])('%j -> %d', (text, value) => expect(parseNumber(text)).toEqual({ value }));

  it.each(['$1.2M', '1.200.000', '1,2', '12,00', '1,200 000', 'n/a', '1e6', '', '€', '4 stars'])('rejects %j with a reason', (text) => {
    const parsed = parseNumber(text);
    expect(parsed).toHaveProperty('reason');
    expect((parsed as { reason: string }).reason).toContain('is not a plain number');
  });
});
