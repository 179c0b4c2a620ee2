// Surgical edits of a YAML mapping: change a few scalar values and add missing keys while every
// other byte of the file (comments, quoting, blank lines, key order, line ends) stays as it was.
// Re-stringifying a parsed Document would reformat untouched lines; splicing node ranges does not.
import { isAlias, isMap, isScalar, parseDocument, stringify, visit, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { pushTo } from '../util/group.js';

export type EditValue = string | number;

export interface FieldEdit {
  /** One key (`name`) or a key inside a top-level mapping (`ratings`, `fit`). */
  path: [string] | [string, string];
  value: EditValue;
}

/** `previous`: the values the changed scalars had (by dotted path), for reports such as a rename. */
export type EditResult = { text: string; changed: string[]; previous: Record<string, unknown> } | { reason: string };

interface Splice {
  start: number;
  end: number;
  text: string;
  /** Among splices at one offset, the deeper one goes first in the file. */
  depth: number;
}

type Entry = { key: string; value: EditValue };

/** Applies `edits` to the YAML text of one mapping. Unchanged values are left alone. */
export function editYaml(text: string, edits: FieldEdit[]): EditResult {
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: true, merge: false });
  if (doc.errors.length > 0) return { reason: `the file has YAML errors (${doc.errors[0]!.message.split('\n')[0]}); fix them first ("kam validate" shows them)` };
  const root = doc.contents;
  if (!isMap(root) || root.flow) return { reason: 'the file is not a block mapping of "key: value" lines, so kam cannot edit it in place' };

  // An anchored node is shared by every alias to it: editing it would change those too.
  let aliased = false;
  visit(doc, { Alias: () => { aliased = true; return visit.BREAK; } });

  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const splices: Splice[] = [];
  const changed: string[] = [];
  const previous: Record<string, unknown> = {};
  const shared = (node: unknown) => aliased && ((node as { anchor?: string } | null)?.anchor !== undefined || isAlias(node));
  const refuseShared = (name: string) => ({ reason: `"${name}" is shared through a YAML anchor (&) and alias (*), so changing it would change other fields too; write the values out in full in the file first` });
  const inserts = new Map<YAMLMap, Entry[]>();
  const rootGroups = new Map<string, Entry[]>(); // parents missing from the file
  const nullGroups = new Map<Scalar, Entry[]>(); // parents present but empty (`ratings:`)
  const push = <K>(map: Map<K, Entry[]>, key: K, entry: Entry) => pushTo(map, key, entry);

  for (const { path, value } of edits) {
    const name = path.join('.');
    let parent: YAMLMap = root;
    if (path.length === 2) {
      const outer = findPair(root, path[0]);
      const node = outer?.value;
      if (!outer) {
        push(rootGroups, path[0], { key: path[1], value });
        changed.push(name);
        continue;
      }
      if (isScalar(node) && node.value === null) {
        push(nullGroups, node, { key: path[1], value });
        changed.push(name);
        continue;
      }
      if (shared(node)) return refuseShared(path[0]);
      if (!isMap(node)) return { reason: `"${path[0]}" in the file is not a mapping, so ${name} cannot be set; fix the file first` };
      parent = node;
    }
    const leafKey = path[path.length - 1]!;
    const pair = findPair(parent, leafKey);
    if (!pair) {
      push(inserts, parent, { key: leafKey, value });
      changed.push(name);
      continue;
    }
    const node = pair.value;
    if (shared(node)) return refuseShared(name);
    if (!isScalar(node) || !node.range) return { reason: `"${name}" in the file is not a single value, so it cannot be set; fix the file first` };
    if (node.value === value) continue;
    splices.push(replaceScalar(text, node, value, parent.flow === true));
    changed.push(name);
    previous[name] = node.value;
  }

  for (const [map, entries] of inserts) splices.push(insertIntoMap(text, map, entries, map === root ? 0 : 1, eol));
  for (const [node, entries] of nullGroups) {
    const [start, end] = node.range!;
    const flow = `{ ${entries.map((e) => `${e.key}: ${formatScalar(e.value, undefined, true)}`).join(', ')} }`;
    splices.push({ start, end, text: start === end ? ` ${flow}` : flow, depth: 1 });
  }
  if (rootGroups.size > 0) {
    const indent = ' '.repeat(indentOf(text, root));
    const lines = [...rootGroups].flatMap(([parentKey, entries]) => [
      `${indent}${parentKey}:${eol}`,
      ...entries.map((e) => `${indent}  ${e.key}: ${formatScalar(e.value, undefined, false)}${eol}`),
    ]);
    splices.push(insertion(text, afterLastItem(text, root), lines.join(''), 0, eol));
  }

  if (changed.length === 0) return { text, changed, previous };
  splices.sort((a, b) => b.start - a.start || a.depth - b.depth);
  let out = text;
  for (const s of splices) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return verify(doc.toJS(), out, edits) ?? { text: out, changed, previous };
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return (map.items as Pair[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

function replaceScalar(text: string, node: Scalar, value: EditValue, flow: boolean): Splice {
  const [start, end] = node.range!;
  if (start === end) {
    // An empty value (`industry:`): write after the colon.
    return { start, end, text: ` ${formatScalar(value, undefined, flow)}`, depth: 1 };
  }
  // Block scalars (`|`, `>`) own the line breaks that end them: keep those.
  const trailing = /(?:\r?\n)+$/.exec(text.slice(start, end))?.[0] ?? '';
  const style = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? node.type : undefined;
  return { start, end, text: formatScalar(value, style, flow) + trailing, depth: 1 };
}

/** A value as YAML source text on one line, in the given quoting style where it allows. */
export function formatScalar(value: EditValue, style: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | undefined, flow: boolean): string {
  if (typeof value === 'number') return String(value);
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (style === 'QUOTE_SINGLE' && !value.includes('\n')) return `'${value.replaceAll("'", "''")}'`;
  const chosen = stringify(value, { lineWidth: 0, version: '1.2' }).replace(/\n$/, '');
  const quoted = chosen.startsWith('"') || chosen.startsWith("'");
  if (chosen.includes('\n') || (flow && !quoted && /[,[\]{}]/.test(chosen))) return JSON.stringify(value);
  return chosen;
}

function insertIntoMap(text: string, map: YAMLMap, entries: Entry[], depth: number, eol: string): Splice {
  if (map.flow) {
    const pairs = entries.map((e) => `${e.key}: ${formatScalar(e.value, undefined, true)}`).join(', ');
    const last = (map.items as Pair[]).at(-1);
    const lastNode = (last?.value ?? last?.key) as Scalar | undefined;
    if (!lastNode?.range) return { start: map.range![0], end: map.range![1], text: `{ ${pairs} }`, depth };
    return { start: lastNode.range[1], end: lastNode.range[1], text: `, ${pairs}`, depth };
  }
  const indent = ' '.repeat(indentOf(text, map));
  const lines = entries.map((e) => `${indent}${e.key}: ${formatScalar(e.value, undefined, false)}${eol}`).join('');
  return insertion(text, afterLastItem(text, map), lines, depth, eol);
}

function insertion(text: string, at: number, lines: string, depth: number, eol: string): Splice {
  // A file whose last line has no line break gets one before the new lines.
  const prefix = at === text.length && text.length > 0 && !text.endsWith('\n') ? eol : '';
  return { start: at, end: at, text: prefix + lines, depth };
}

/** The column of a block mapping's keys. */
export function indentOf(text: string, map: YAMLMap): number {
  const first = (map.items as Pair[])[0]?.key as Scalar | undefined;
  const start = first?.range?.[0] ?? map.range![0];
  return start - (text.lastIndexOf('\n', start - 1) + 1);
}

/**
 * Where a new key of a block mapping goes: after the line its last item ends on, and after the
 * comment lines that follow at the mapping's indentation or deeper (they belong to that item).
 */
export function afterLastItem(text: string, map: YAMLMap): number {
  const last = (map.items as Pair[]).at(-1)!;
  const node = ((last.value as Scalar | null)?.range ? last.value : last.key) as Scalar;
  let end = node.range![1];
  if (text[end - 1] !== '\n') end = lineEnd(text, end);
  const indent = indentOf(text, map);
  let at = end;
  for (let scan = end; scan < text.length; ) {
    const next = lineEnd(text, scan);
    const line = text.slice(scan, next);
    const body = line.trimStart();
    if (body.trim() === '') {
      scan = next;
      continue;
    }
    if (!body.startsWith('#') || line.length - body.length < indent) break;
    at = scan = next;
  }
  return at;
}

/** The offset just past the line break that ends the line holding `offset` (or the text's end). */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/**
 * Re-reads the edited text: every edit must read back as its value, and everything else as it
 * was before (no other field changed through an alias or a splice gone astray), or the edit is
 * refused.
 */
function verify(before: unknown, out: string, edits: FieldEdit[]): { reason: string } | undefined {
  const doc = parseDocument(out, { version: '1.2', uniqueKeys: true, merge: false });
  const bad = doc.errors.length > 0 ? edits[0] : edits.find((e) => doc.getIn(e.path) !== e.value);
  if (bad) return { reason: `kam could not edit "${bad.path.join('.')}" in place without disturbing the file; edit it by hand` };
  const expected = structuredClone(before) as Record<string, unknown>;
  for (const { path, value } of edits) {
    if (path.length === 1) expected[path[0]] = value;
    else expected[path[0]] = { ...((expected[path[0]] as Record<string, unknown> | null) ?? {}), [path[1]]: value };
  }
  const other = firstDifference(expected, doc.toJS(), []);
  if (other !== undefined) return { reason: `editing would also change "${other}" in the file; edit it by hand` };
  return undefined;
}

/** The dotted path of the first place two plain YAML values differ, or undefined. */
function firstDifference(a: unknown, b: unknown, path: string[]): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime() ? undefined : path.join('.');
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return path.join('.') || '(the whole file)';
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, k]);
    if (d !== undefined) return d;
  }
  return undefined;
}
