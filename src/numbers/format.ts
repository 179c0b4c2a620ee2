// Human rounding of spec 1.2's numbers for messages and tables: money to whole units with the
// repo's currency code, ratios as percentages with one decimal. JSON never goes through here (it
// carries unrounded values). Free of the render layer so that rule messages stay cheap to load.

/** 1234567.8 -> "1,234,568 EUR"; "-" for null. */
export function amount(value: number | null, currency: string): string {
  if (value === null || !Number.isFinite(value)) return '-';
  return `${Math.round(value).toLocaleString('en-US')} ${currency}`;
}

/** 0.7234 -> "72.3%"; "-" for null. */
export function percent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '-';
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}
