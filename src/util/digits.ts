/**
 * A whole number with its thousands grouped by commas, exactly as `toLocaleString('en-US')`
 * writes it ("1,234,567", "-1,000", "-0"), without ICU. The first toLocaleString or
 * Intl.NumberFormat of a process sets up ICU's number formatting (20 ms on the bench machine),
 * which schema messages built at start-up would pay on every run, whatever the command. Numbers
 * this does not cover (fractions, beyond 2^53) go to toLocaleString.
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  if (Object.is(n, -0)) return '-0';
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
