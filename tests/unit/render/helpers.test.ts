import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatPercent, formatFigure, textBar } from '../../../src/render/helpers.js';

describe('render helpers', () => {
  it('formats money in the repo currency', () => {
    expect(formatMoney(1_200_000, 'USD')).toBe('$1,200,000');
    expect(formatMoney(250_000, 'EUR')).toBe('€250,000');
    expect(formatMoney(undefined, 'USD')).toBe('');
  });

  it('formats dates, percentages and values (plurals: tests/unit/util/plural.test.ts)', () => {
    expect(formatDate('2026-12-05')).toBe('2026-12-05');
    expect(formatDate('2026-12-05', 'long')).toBe('5 Dec 2026');
    expect(formatPercent(45.26)).toBe('45%');
    expect(formatPercent(45.26, 1)).toBe('45.3%');
    expect(formatFigure(1800000)).toBe('1,800,000');
    expect(formatFigure('3.0%')).toBe('3.0%');
    expect(textBar(70)).toBe('███████░░░');
  });
});
