import { maxOf, minOf } from '../../util/lists.js';

const BARS = '▁▂▃▄▅▆▇█';

/** One bar per value, scaled from the lowest to the highest value; a space for a missing one. */
export function sparkline(values: (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  const min = minOf(known);
  const span = maxOf(known) - min;
  return values.map((v) => (v === null ? ' ' : BARS[span === 0 ? 3 : Math.round(((v - min) / span) * (BARS.length - 1))])).join('');
}
