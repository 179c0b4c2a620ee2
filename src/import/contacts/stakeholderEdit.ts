// Surgical edits of a plan's `stakeholders:` list, as yaml/edit.ts does for an account's mapping:
// change or add a few keys of some stakeholders and append new ones, while every other byte of
// the file (comments, quoting, order, blank lines, line ends) stays as it was. The result is read
// back: it must hold exactly the edits, or nothing is written.
import { isMap, isScalar, isSeq, parseDocument, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { afterLastItem, formatScalar, indentOf, lineEnd } from '../../yaml/index.js';

/** The keys kam import contacts writes; never role, influence, stance, owner or anything else. */
export type StakeholderFields = Partial<Record<'id' | 'name' | 'title' | 'crm_id' | 'reports_to', string>>;

export interface StakeholderEdits {
  /** Stakeholders of the file by position, and the keys to set on them. */
  update: { index: number; fields: StakeholderFields }[];
  /** New stakeholders, appended in order (keys in this order: id, name, title, crm_id, reports_to). */
  append: StakeholderFields[];
}

interface Splice {
  start: number;
  end: number;
  text: string;
  /** At one offset, the later-applied splice lands first: keys of the last stakeholder (1) go before new stakeholders (0). */
  order?: number;
}

const ORDER = ['id', 'name', 'title', 'crm_id', 'reports_to'] as const;
const ordered = (f: StakeholderFields) => ORDER.filter((k) => f[k] !== undefined).map((k) => [k, f[k]!] as const);

export function editStakeholders(text: string, edits: StakeholderEdits): { text: string } | { reason: string } {
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: true, merge: false });
  if (doc.errors.length > 0) return { reason: `the file has YAML errors (${doc.errors[0]!.message.split('\n')[0]}); fix them first ("kam validate" shows them)` };
  const root = doc.contents;
  if (!isMap(root) || root.flow) return { reason: 'the file is not a block mapping of "key: value" lines, so kam cannot edit it in place' };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const pair = (root.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'stakeholders');
  const list = pair?.value;
  const splices: Splice[] = [];

  for (const { index, fields } of edits.update) {
    const item = isSeq(list) ? (list as YAMLSeq).items[index] : undefined;
    if (!isMap(item)) return { reason: `stakeholder ${index + 1} is not a mapping of keys, so kam cannot edit it in place` };
    const missing: [string, string][] = [];
    for (const [key, value] of ordered(fields)) {
      const p = (item.items as Pair[]).find((q) => isScalar(q.key) && q.key.value === key);
      if (!p) {
        missing.push([key, value]);
        continue;
      }
      const node = p.value;
      if (!isScalar(node) || !node.range) return { reason: `stakeholder ${index + 1}'s "${key}" is not a single value, so kam cannot set it` };
      if (String(node.value) === value) continue;
      const [start, end] = node.range;
      const style = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? node.type : undefined;
      splices.push({ start, end, text: start === end ? ` ${formatScalar(value, undefined, item.flow === true)}` : formatScalar(value, style, item.flow === true) });
    }
    if (missing.length) splices.push(insertKeys(text, item, missing, eol));
  }

  if (edits.append.length) {
    const added = edits.append.map(ordered);
    if (isSeq(list) && (list as YAMLSeq).flow) {
      const seq = list as YAMLSeq;
      const close = seq.range![1] - 1;
      const flow = added.map((kv) => `{ ${kv.map(([k, v]) => `${k}: ${formatScalar(v, undefined, true)}`).join(', ')} }`).join(', ');
      splices.push({ start: close, end: close, text: `${seq.items.length ? ', ' : ''}${flow}` });
    } else {
      const block = (indent: string) =>
        added.map((kv) => kv.map(([k, v], i) => `${indent}${i === 0 ? '- ' : '  '}${k}: ${formatScalar(v, undefined, false)}${eol}`).join('')).join('');
      if (isSeq(list) && list.items.length) {
        const seq = list as YAMLSeq;
        const first = seq.range![0];
        const indent = ' '.repeat(first - (text.lastIndexOf('\n', first - 1) + 1));
        const last = seq.items.at(-1) as YAMLMap;
        const end = last.range ? last.range[1] : seq.range![1];
        const at = text[end - 1] === '\n' ? end : lineEnd(text, end);
        splices.push({ start: at, end: at, text: (at === text.length && !text.endsWith('\n') ? eol : '') + block(indent), order: 0 });
      } else if (pair && isScalar(list) && (list as Scalar).value === null) {
        const at = lineEnd(text, (pair.key as Scalar).range![1]);
        splices.push({ start: at, end: at, text: (at === text.length && !text.endsWith('\n') ? eol : '') + block('  ') });
      } else if (pair && isSeq(list)) {
        return { reason: 'the file\'s stakeholders list is empty in a form kam cannot add to; write "stakeholders:" on a line of its own first' };
      } else if (pair) {
        return { reason: '"stakeholders" in the file is not a list; fix the file first' };
      } else {
        const at = afterLastItem(text, root);
        splices.push({ start: at, end: at, text: `${at === text.length && !text.endsWith('\n') ? eol : ''}stakeholders:${eol}${block('  ')}` });
      }
    }
  }

  if (splices.length === 0) return { text };
  splices.sort((a, b) => b.start - a.start || (a.order ?? 1) - (b.order ?? 1));
  let out = text;
  for (const s of splices) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return verify(doc.toJS() as Record<string, unknown>, out, edits) ?? { text: out };
}

function insertKeys(text: string, map: YAMLMap, entries: [string, string][], eol: string): Splice {
  if (map.flow) {
    const pairs = entries.map(([k, v]) => `${k}: ${formatScalar(v, undefined, true)}`).join(', ');
    const close = map.range![1] - 1;
    // Just before the closing brace, after any space in front of it.
    let at = close;
    while (at > 0 && text[at - 1] === ' ') at--;
    return { start: at, end: at, text: `${map.items.length ? ', ' : ' '}${pairs}` };
  }
  const indent = ' '.repeat(indentOf(text, map));
  const at = afterLastItem(text, map);
  const prefix = at === text.length && text.length > 0 && !text.endsWith('\n') ? eol : '';
  return { start: at, end: at, text: prefix + entries.map(([k, v]) => `${indent}${k}: ${formatScalar(v, undefined, false)}${eol}`).join('') };
}

/** The edited file must read back as the old one with exactly these edits. */
function verify(before: Record<string, unknown>, out: string, edits: StakeholderEdits): { reason: string } | undefined {
  const doc = parseDocument(out, { version: '1.2', uniqueKeys: true, merge: false });
  const expected = structuredClone(before);
  const list = [...((expected.stakeholders as Record<string, unknown>[] | null | undefined) ?? [])];
  for (const { index, fields } of edits.update) list[index] = { ...list[index], ...Object.fromEntries(ordered(fields)) };
  for (const f of edits.append) list.push(Object.fromEntries(ordered(f)));
  expected.stakeholders = list;
  if (doc.errors.length > 0 || JSON.stringify(normalise(doc.toJS())) !== JSON.stringify(normalise(expected)))
    return { reason: 'kam could not edit the stakeholders in place without disturbing the file; edit it by hand' };
  return undefined;
}

/** Key order aside (a key added to a mapping lands at its end) and numbers as text (crm_id: 42 is "42"): for comparison. */
function normalise(v: unknown): unknown {
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, normalise((v as Record<string, unknown>)[k])]));
  return v;
}
