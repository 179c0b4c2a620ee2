// Lists of any length. Spreading a list into a call (`Math.max(...list)`, `out.push(...list)`)
// passes one argument per item on the stack, and past about 120,000 items V8 throws "Maximum call
// stack size exceeded" (a repo with 200,000 findings or accounts would crash the formatter). These
// loop instead; tests/unit/util/lists.test.ts keeps the spreads out of src/.

/** The largest of `values`, or `empty` when there is none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  let first = true;
  for (const v of values) {
    if (first || v > max) max = v;
    first = false;
  }
  return max;
}

/** The smallest of `values`, or `empty` when there is none. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min = empty;
  let first = true;
  for (const v of values) {
    if (first || v < min) min = v;
    first = false;
  }
  return min;
}

/** Appends every item of `items` to `target`, in order, in place; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
