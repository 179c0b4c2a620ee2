// Grouping into a Map of lists, in one place: `map.set(k, [...(map.get(k) ?? []), x])` copies the
// group on every insert, quadratic in the group's size (issue 24: one 2 MB plan took 10 s in
// `check -f junit` and `diff`, and `agenda` over 1,000,000 actions never finished).
// tests/unit/util/group.test.ts keeps that pattern out of src/.

/** Appends `value` to `key`'s list in `map` (made on first use), in place: linear overall. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
