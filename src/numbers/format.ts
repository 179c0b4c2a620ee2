// Human rounding of spec 1.2's numbers for messages and tables: money to whole units with the
// repo's currency code, ratios as percentages with one decimal. JSON never goes through here (it
// carries unrounded values). Free of the render layer so that rule messages stay cheap to load.
import { groupDigits } from '../util/digits.js';

/** 1234567.8 -> "1,234,568"; "-" for null (a table whose header names the currency). */
export function wholeUnits(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '-' : groupDigits(Math.round(value));
}

/** 1234567.8 -> "1,234,568 EUR"; "-" for null. */
export function amount(value: number | null, currency: string): string {
  return value === null || !Number.isFinite(value) ? '-' : `${wholeUnits(value)} ${currency}`;
}

/** 0.7234 -> "72.3%"; "-" for null. */
export function percent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '-';
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

/**
 * Values rounded to one decimal so that they add up to `total` rounded (largest remainder):
 * the printed components add up exactly to the printed health, at each end and in the change.
 */
export function roundToSum(values: number[], total: number): number[] {
  const tenths = values.map((v) => v * 10);
  const floors = tenths.map(Math.floor);
  let left = Math.round(total * 10) - floors.reduce((a, b) => a + b, 0);
  const order = tenths.map((t, i) => ({ i, r: t - floors[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]!++;
    left--;
  }
  return floors.map((f) => f / 10);
}
