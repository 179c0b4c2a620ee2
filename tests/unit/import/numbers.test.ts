import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/import/numbers.js';

describe('parseNumber', () => {
  it.each([
    ['1200000', 1200000],
    ['1,200,000', 1200000],
    ['12,500,000.00', 12500000],
    ['1 200 000', 1200000],
    ['1\u00a0200\u00a0000', 1200000],
    ["1'200'000", 1200000],
    ['$1,200,000.50', 1200000.5],
    ['1200000 €', 1200000],
    ['£ 950', 950],
    ['-1,500', -1500],
    ['-$1,500', -1500],
    ['0.5', 0.5],
    [' 42 ', 42],
    ['1.25E+7', 12500000],
    ['1.25e7', 12500000],
    ['1e6', 1000000],
    ['USD 12,500,000.00', 12500000],
    ['12500000 EUR', 12500000],
    ['US$ 1,000', 1000],
    ['12,500', 12500],
    ['1.250', 1.25],
  ])('%j -> %d', (text, value) => expect(parseNumber(text)).toEqual({ value }));

  it.each([
    ['12.500.000,00', 12500000],
    ['12 500 000,50', 12500000.5],
    ['1,25E+7', 12500000],
    ['12.500.000 €', 12500000],
    ['EUR 1.250', 1250],
    ['12,500', 12.5],
    ['1200000', 1200000],
  ])('with a decimal comma: %j -> %d', (text, value) => expect(parseNumber(text, { decimalComma: true })).toEqual({ value }));

  it.each(['$1.2M', '1.200.000', '1,2', '12,00', '1,200 000', 'n/a', '', '€', '4 stars', '$ 5 USD', '(1,200)', '12%', '=1+2', '1.2.3'])('rejects %j with a reason', (text) => {
    const parsed = parseNumber(text);
    expect(parsed).toHaveProperty('reason');
    expect((parsed as { reason: string }).reason).toContain('is not a number kam reads');
  });

  it('never guesses between a decimal comma and thousands: it points at the switch', () => {
    expect(parseNumber('12.500.000,00')).toEqual({ reason: expect.stringContaining('--decimal-comma') });
    expect(parseNumber('12,500,000.00', { decimalComma: true })).toEqual({ reason: expect.stringContaining('drop --decimal-comma') });
  });
});
