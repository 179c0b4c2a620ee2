// `kam signoff`: appends one entry to a plan's `signoffs:` list while every other byte of the file
// (comments, quoting, blank lines, key order, line ends) stays as it was. Only an insertion: the
// text before and after it is the user's, untouched; the result is re-read and must equal the
// plan before with exactly this entry added, or the edit is refused (the user edits by hand).
import { isMap, isScalar, isSeq, parseDocument, type Pair, type Scalar, type YAMLSeq } from 'yaml';
import { afterLastItem, formatScalar, indentOf, lineEnd } from '../yaml/index.js';

export interface SignoffEntry {
  by: string;
  date: string;
  digest: string;
}

/** The plan text with `entry` appended to `signoffs:` (the key added at the end when missing). */
export function appendSignoff(text: string, entry: SignoffEntry): { text: string } | { reason: string } {
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: true, merge: false });
  if (doc.errors.length > 0) return { reason: `the file has YAML errors (${doc.errors[0]!.message.split('\n')[0]}); fix them first ("kam validate" shows them)` };
  const root = doc.contents;
  if (!isMap(root) || root.flow) return { reason: 'the file is not a block mapping of "key: value" lines, so kam cannot add to it in place' };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // One line, in flow style, as the spec writes it: `- { by: ..., date: ..., digest: "sha256:..." }`.
  const flow = `{ by: ${formatScalar(entry.by, undefined, true)}, date: ${entry.date}, digest: ${JSON.stringify(entry.digest)} }`;
  const pair = (root.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'signoffs');
  let out: string;
  if (!pair) {
    const indent = ' '.repeat(indentOf(text, root));
    const at = afterLastItem(text, root);
    const prefix = at === text.length && text.length > 0 && !text.endsWith('\n') ? eol : '';
    out = `${text.slice(0, at)}${prefix}${indent}signoffs:${eol}${indent}  - ${flow}${eol}${text.slice(at)}`;
  } else if (isScalar(pair.value) && pair.value.value === null) {
    // `signoffs:` with nothing (perhaps a comment) after it: the item goes on the next line.
    const keyNode = pair.key as Scalar;
    const at = lineEnd(text, keyNode.range![1]);
    const indent = ' '.repeat(indentOf(text, root));
    const prefix = at === text.length && !text.endsWith('\n') ? eol : '';
    out = `${text.slice(0, at)}${prefix}${indent}  - ${flow}${eol}${text.slice(at)}`;
  } else if (isSeq(pair.value) && pair.value.flow) {
    out = appendToFlow(text, pair.value, flow);
  } else if (isSeq(pair.value) && pair.value.items.length > 0) {
    const seq = pair.value;
    const start = seq.range![0];
    const indent = ' '.repeat(start - (text.lastIndexOf('\n', start - 1) + 1));
    const last = seq.items.at(-1) as { range?: [number, number, number] };
    let at = last.range ? last.range[1] : seq.range![1];
    if (text[at - 1] !== '\n') at = lineEnd(text, at);
    const prefix = at === text.length && !text.endsWith('\n') ? eol : '';
    out = `${text.slice(0, at)}${prefix}${indent}- ${flow}${eol}${text.slice(at)}`;
  } else {
    return { reason: '"signoffs" in the file is not a list, so kam cannot add to it; make it a list ("signoffs:" with "- { by, date, digest }" items) first' };
  }
  return verify(doc.toJS(), out, entry) ?? { text: out };
}

/** `signoffs: []` or `[ {...} ]`: the entry goes before the closing bracket. */
function appendToFlow(text: string, seq: YAMLSeq, flow: string): string {
  const close = text.lastIndexOf(']', seq.range![1]);
  const empty = seq.items.length === 0;
  const before = text.slice(0, close).replace(/\s*$/, '');
  return `${before}${empty ? ' ' : ', '}${flow} ${text.slice(close)}`;
}

/** The edited text must read as the plan before plus this one entry, and nothing else changed. */
function verify(before: unknown, out: string, entry: SignoffEntry): { reason: string } | undefined {
  const doc = parseDocument(out, { version: '1.2', uniqueKeys: true, merge: false });
  const refused = { reason: 'kam could not add the sign-off in place without disturbing the file; add it by hand under "signoffs:"' };
  if (doc.errors.length > 0) return refused;
  const expected = structuredClone(before) as Record<string, unknown>;
  const list = Array.isArray(expected.signoffs) ? expected.signoffs : [];
  expected.signoffs = [...list, { by: entry.by, date: entry.date, digest: entry.digest }];
  return JSON.stringify(doc.toJS()) === JSON.stringify(expected) ? undefined : refused;
}
