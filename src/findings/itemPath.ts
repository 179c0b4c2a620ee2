/**
 * How a message names a place inside a file: one convention for every message kam writes.
 *
 * Keys are joined with dots, as users write them (`health.weights`); a list item is named in
 * words and counted from 1 (`stakeholders item 3`), as people count the items they see and as
 * "(first at item 2)" counts them. Zero-based `[2]` would read as the third item to a programmer
 * and the second to everyone else, next to a 1-based "first at item 2": in words there is one
 * reading. The JSON `path` arrays of findings stay 0-based (they address data, like JSON Pointer);
 * the line:col of every finding points at the item anyway. docs/format.md says so.
 */
export type PathPart = string | number;

/** `["team", 0, "roles", 1]` -> `team item 1, roles item 2`; `["a", "b"]` -> `a.b`. */
export function itemPath(path: readonly PathPart[]): string {
  const parts: string[] = [];
  let keys = '';
  for (const seg of path) {
    if (typeof seg === 'number') {
      parts.push(`${keys}${keys ? ' ' : ''}item ${seg + 1}`);
      keys = '';
    } else keys = keys ? `${keys}.${seg}` : seg;
  }
  if (keys) parts.push(keys);
  return parts.join(', ');
}

/** Whether a path goes through a list item (then messages name it in words, unquoted). */
export const hasItem = (path: readonly PathPart[]): boolean => path.some((seg) => typeof seg === 'number');

/**
 * The subject of a message about the value at `path`: `"last_reviewed"` (a key path, quoted as
 * users write it) or `stakeholders item 3, role:` (through a list item, followed by a colon).
 */
export function subject(path: readonly PathPart[]): string {
  if (path.length === 0) return 'the file';
  return hasItem(path) ? `${itemPath(path)}:` : `"${itemPath(path)}"`;
}

/** ` in "health.weights"` / ` in stakeholders item 3`, or nothing at the top of the file. */
export function within(parent: readonly PathPart[]): string {
  if (parent.length === 0) return '';
  return hasItem(parent) ? ` in ${itemPath(parent)}` : ` in "${itemPath(parent)}"`;
}
