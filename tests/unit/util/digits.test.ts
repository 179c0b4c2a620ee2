import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../../src/util/digits.js';

// groupDigits stands in for toLocaleString('en-US') without ICU: it must write every number the
// same way, the edges by name and the rest by property.
describe('groupDigits', () => {
  it.each([0, -0, 7, -7, 999, 1000, -1000, 12_345, 999_999, 1_000_000, -1_234_567, 36_500, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e21, 1.5, -2.25, 0.1, NaN, Infinity, -Infinity])(
    '%d as toLocaleString("en-US") writes it',
    (n) => expect(groupDigits(n)).toBe(n.toLocaleString('en-US')),
  );

  it('any integer, and any double', () => {
    fc.assert(fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => groupDigits(n) === n.toLocaleString('en-US')));
    fc.assert(fc.property(fc.double(), (n) => groupDigits(n) === n.toLocaleString('en-US')));
  });
});
