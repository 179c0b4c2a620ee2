import jsyaml from 'js-yaml';
import { isScalar, Schema as YamlSchema, type ScalarTag } from 'yaml';
import { IndexBuilder, MAX_INDEX_DEPTH, type PositionIndex } from './positions.js';

/**
 * The fast path for the common file: js-yaml parses about ten times faster than `yaml`, and its
 * parse listener tells where every node starts, so plain data and the position index come out of
 * one pass. It answers only for files it can read exactly as the `yaml` path would (same data,
 * same positions, no findings); anything else (an error, a tag, an anchor, an alias, a non-string
 * key, an explicit `?` key, ...) returns undefined and the caller parses with `yaml`, which
 * reports the problem with its own words. tests/unit/load/fastYaml.test.ts holds the two parsers
 * to that promise on the example repo and on generated and mutated documents.
 */
export function parseYamlFast(text: string): { data: unknown; index: PositionIndex } | undefined {
  // A byte order mark is dropped before parsing (decodeText); anywhere else it is text.
  if (text.includes('\ufeff') || mixedLineBreaks(text) || hasDirective(text) || markerWithContent(text) || blankLineWithTab(text) || tabIndentBeforeContent(text)) return undefined;
  const lines = new Lines(text);
  const tracker = new NodeTracker(text, lines);
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: YAML_CORE, listener: tracker.listener });
  } catch {
    return undefined;
  }
  if (tracker.bailed || tracker.root === undefined || !isPlainObject(data)) return undefined;
  const index = new IndexBuilder((offset, into) => lines.push(offset, into));
  // The root is a mapping (isPlainObject above), so it has text of its own.
  if (tracker.root.kind === null || !indexChildren(tracker.root, data, index.root(tracker.root.start), 0, index)) return undefined;
  return { data, index: index.finish() };
}

/**
 * js-yaml resolving plain scalars with `yaml`'s own YAML 1.2 core tags (js-yaml's core schema
 * differs on a few forms, e.g. `0b101`, `+.5`, `-0x1F`), so both parsers give the same values.
 */
const YAML_CORE = (() => {
  const tags = new YamlSchema({ schema: 'core' }).tags.filter((tag): tag is ScalarTag & { test: RegExp } => tag.default === true && 'test' in tag && tag.test !== undefined);
  // yaml tries its tags in order and takes the first whose test matches; js-yaml keeps one type
  // per tag name, so each type answers for the strings whose first matching yaml tag has its name.
  // js-yaml asks every type in turn about the same string, then constructs it: the last answer
  // is remembered. Most plain scalars (every key) match no tag: one expression made of all the
  // tags' tests says so in one call, and only a string it matches is tried tag by tag.
  const anyTag = tags.every((tag) => tag.test.flags === tags[0]!.test.flags) ? new RegExp(tags.map((tag) => `(?:${tag.test.source})`).join('|'), tags[0]?.test.flags) : undefined;
  let lastData = '';
  let lastTag = tags.find((tag) => tag.test.test(''));
  const firstMatch = (data: unknown) => {
    if (typeof data !== 'string') return undefined;
    if (data !== lastData) {
      lastData = data;
      lastTag = anyTag && !anyTag.test(data) ? undefined : tags.find((tag) => tag.test.test(data));
    }
    return lastTag;
  };
  const notResolvable = () => {
    throw new Error('not resolvable');
  };
  const implicit = [...new Set(tags.map((tag) => tag.tag))].map(
    (name) =>
      new jsyaml.Type(name, {
        kind: 'scalar',
        resolve: (data: unknown) => firstMatch(data)?.tag === name,
        construct: (data: string) => {
          const value = firstMatch(data)!.resolve(data, notResolvable, { intAsBigInt: false } as never);
          return isScalar(value) ? value.value : value;
        },
      }),
  );
  return jsyaml.FAILSAFE_SCHEMA.extend({ implicit });
})();

/** One node as the listener saw it: where its content starts, what it became, its children. */
interface Rec {
  /** Offset of the node's first character (after spaces, line breaks and comments). */
  start: number;
  kind: string | null;
  /** Offset just after the node (scalars only). */
  end: number;
  /** The scalar's value (mapping keys need it). */
  value: unknown;
  kids: Rec[] | undefined;
}

/** js-yaml's parser state, as the listener receives it (more fields than its types declare). */
interface ListenerState {
  position: number;
  kind: string | null;
  result: unknown;
}

class NodeTracker {
  root: Rec | undefined;
  bailed = false;
  private readonly stack: Rec[] = [];
  /** Whether the text has a `\U` at all: most files have none, and their quoted scalars need no look. */
  private readonly bigU: boolean;

  constructor(
    private readonly text: string,
    private readonly lines: Lines,
  ) {
    this.bigU = text.includes('\\U');
  }

  readonly listener = (event: 'open' | 'close', state: ListenerState): void => {
    if (event === 'open') {
      const start = contentStart(this.text, state.position);
      const ch = this.text.charCodeAt(start);
      // Anchors, tags, aliases, explicit keys, and plain scalars starting with `:` (which the two
      // parsers read differently): rare in plan files, and left to `yaml`.
      if (ch === 0x26 /* & */ || ch === 0x21 /* ! */ || ch === 0x2a /* * */ || ch === 0x3f /* ? */ || ch === 0x25 /* % */ || ch === 0x3a /* : */) this.bailed = true;
      if (afterExplicitKeyIndicator(this.text, state.position)) this.bailed = true;
      const rec: Rec = { start, end: start, kind: null, value: undefined, kids: undefined };
      const parent = this.stack[this.stack.length - 1];
      if (parent) (parent.kids ??= []).push(rec);
      else if (this.root === undefined) this.root = rec;
      else this.bailed = true; // a second document
      this.stack.push(rec);
      return;
    }
    const rec = this.stack.pop()!;
    rec.kind = state.kind;
    const first = this.text.charCodeAt(rec.start);
    const flow = (first === 0x5b /* [ */ || first === 0x7b) /* { */ && state.kind !== 'scalar';
    // Flow collections over several lines (with comments, odd indentation) are left to `yaml`.
    if (flow && this.lines.spans(rec.start, state.position)) this.bailed = true;
    // `'a'#note`, `{a: 1}x`: yaml wants a space (or a flow indicator) after a closing bracket or quote.
    if ((flow || ((first === 0x22 /* " */ || first === 0x27) /* ' */ && state.kind === 'scalar')) && !closedCleanly(this.text.charCodeAt(state.position))) this.bailed = true;
    if (state.kind === 'scalar') {
      if ((first === 0x7c /* | */ || first === 0x3e) /* > */ && !plainBlockScalar(this.text, rec.start, state.position)) this.bailed = true;
      // js-yaml turns an escape past U+10FFFF into lone surrogates where yaml reports an error.
      if (first === 0x22 /* " */ && this.bigU && this.text.slice(rec.start, state.position).includes('\\U')) this.bailed = true;
      if (this.lines.spans(rec.start, state.position)) {
        if (!wellIndentedFlowScalar(this.text, rec.start, state.position, this.blockColumn(rec.start))) this.bailed = true;
        // An escaped line break (`\` at the end of a line) before blank lines folds differently.
        if (first === 0x22 /* " */ && /\\\r?\n/.test(this.text.slice(rec.start, state.position))) this.bailed = true;
      }
      rec.value = state.result;
      rec.end = state.position;
      rec.kids = undefined;
    } else if (rec.kids?.length === 1 && rec.kids[0]!.start === rec.start && rec.kids[0]!.kind === rec.kind) {
      // js-yaml first tries a sequence item or the document as a mapping key; when no `:`
      // follows it keeps that node as the item itself: the same node, seen twice.
      rec.kids = rec.kids[0]!.kids;
    }
  };

  /**
   * The column of the block collection holding the node that starts at `start`: the nearest open
   * node that starts elsewhere (js-yaml opens a node twice when it first tries it as a key).
   */
  private blockColumn(start: number): number {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const at = this.stack[i]!.start;
      if (at !== start) return this.lines.position(at).col - 1;
    }
    return -1;
  }
}

/**
 * Adds the children of `rec` (holding `value`, recorded as `entry` at `depth`) and their subtrees
 * to the index in document order, as PositionIndex.fromDocument does for a `yaml` Document. False
 * when the node shapes do not match the data (then the caller falls back to `yaml`).
 */
function indexChildren(rec: Rec, value: unknown, entry: number, depth: number, index: IndexBuilder): boolean {
  if (rec.kind === 'mapping') {
    const kids = rec.kids ?? [];
    if (!isPlainObject(value) || kids.length !== ownKeyCount(value) * 2) return false;
    for (let i = 0; i < kids.length; i += 2) {
      const keyRec = kids[i]!;
      const key = keyRec.value;
      if (keyRec.kind !== 'scalar' || typeof key !== 'string' || key === '__proto__' || !Object.hasOwn(value, key)) return false;
      // yaml allows an implicit key of at most 1024 characters; longer ones go to the yaml path.
      if (keyRec.end - keyRec.start > MAX_FAST_KEY) return false;
      if (!indexChild(kids[i + 1]!, value[key], entry, key, depth + 1, keyRec.start, index)) return false;
    }
    return true;
  }
  if (rec.kind === 'sequence') {
    const kids = rec.kids ?? [];
    if (!Array.isArray(value) || kids.length !== value.length) return false;
    for (let i = 0; i < kids.length; i++) if (!indexChild(kids[i]!, value[i], entry, String(i), depth + 1, undefined, index)) return false;
    return true;
  }
  return rec.kind === 'scalar';
}

/** Adds the node `rec` (holding `value`) at segment `seg` of `parent`, and its subtree. */
function indexChild(rec: Rec, value: unknown, parent: number, seg: string, depth: number, keyAt: number | undefined, index: IndexBuilder): boolean {
  const empty = rec.kind === null;
  if (empty && value !== null) return false;
  // Deeper than the index goes, the two paths' positions are not compared: left to yaml.
  if (depth > MAX_INDEX_DEPTH) return false;
  const entry = index.child(parent, seg, empty ? undefined : rec.start, keyAt);
  return empty || entry < 0 || indexChildren(rec, value, entry, depth, index);
}

/** How many own enumerable keys a plain object has, without making the array of them. */
function ownKeyCount(o: Record<string, unknown>): number {
  let count = 0;
  for (const k in o) if (Object.hasOwn(o, k)) count++;
  return count;
}

const MAX_FAST_KEY = 1000;

/** Skips spaces, line breaks and comments from `pos`: where a node's own text begins. */
function contentStart(text: string, pos: number): number {
  for (;;) {
    const ch = text.charCodeAt(pos);
    if (isSpace(ch)) pos++;
    else if (ch === 0x23 /* # */ && (pos === 0 || isSpace(text.charCodeAt(pos - 1)))) {
      const eol = text.indexOf('\n', pos);
      if (eol < 0) return text.length;
      pos = eol + 1;
    } else return pos;
  }
}

/**
 * Line breaks other than all `\n` or all `\r\n`: `yaml` and js-yaml disagree on a lone `\r`
 * and on a quoted scalar broken by `\n` in a `\r\n` file.
 */
function mixedLineBreaks(text: string): boolean {
  let crlf = 0;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 0x0a) return true;
    crlf++;
  }
  if (crlf === 0) return false;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lf++;
  return lf !== crlf;
}

/** `--- a: 1`, `---#c`, `... x`: content on a document marker line, which the parsers read differently. */
const markerWithContent = (text: string) => /(?:^|\n)(?:---|\.\.\.)[ \t]*[^ \t\r\n]/.test(text);

/**
 * A line whose leading white space holds a tab before its first character (a comment, `---`,
 * anything): after a block scalar `yaml` reads ` \t# c` as a less indented scalar line and
 * `\t---` as a key, where js-yaml takes a comment and a marker (issue 24: the two families
 * 2.4M generated documents found). Tabs are not indentation in YAML, so plan files hardly
 * have them; `yaml` reads such a file with its own words.
 */
const tabIndentBeforeContent = (text: string) => text.includes('\t') && /(?:^|\n) *\t[ \t]*[^ \t\r\n]/.test(text);

/** A line of only spaces and tabs holding a tab: `yaml` rejects some that js-yaml accepts. */
const blankLineWithTab = (text: string) => text.includes('\t') && /(?:^|\n)[ \t]*\t[ \t]*(?:\r?\n|$)/.test(text);

/**
 * Whether a block scalar (`|`, `>`) is of the kind both parsers read alike: no keep chomping
 * (`+`), no explicit indentation indicator (`|2`), and no line of only spaces after its last
 * line of content (where the parsers keep different whitespace). `end` is where js-yaml
 * stopped; trailing lines of only spaces beyond it count too.
 */
function plainBlockScalar(text: string, start: number, end: number): boolean {
  let p = start + 1;
  for (; p < text.length; p++) {
    const ch = text.charCodeAt(p);
    if (ch === 0x2b /* + */ || (ch >= 0x30 && ch <= 0x39)) return false;
    if (ch !== 0x2d /* - */) break;
  }
  // The scalar's lines and the blank lines after it, up to the next line whose content starts
  // where js-yaml stopped (or later): that line belongs to the next node.
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0) return true;
  const body: string[] = [];
  for (let pos = headerEnd + 1; ; ) {
    const eol = text.indexOf('\n', pos);
    const line = text.slice(pos, eol < 0 ? text.length : eol);
    const content = line.trimStart();
    if (content.trim() !== '' && pos + line.length - content.length >= end) break;
    body.push(line);
    if (eol < 0) break;
    pos = eol + 1;
  }
  // From the last line backwards: blank lines after the content must be truly empty.
  for (let i = body.length - 1; i >= 0; i--) {
    const line = body[i]!.replace(/\r$/, '');
    if (line.trim() !== '') break;
    if (line !== '') return false;
  }
  return true;
}

/** `%YAML 1.1` would change how `yaml` reads plain scalars; directives are left to it. */
const hasDirective = (text: string) => text.startsWith('%') || text.includes('\n%');

/**
 * Whether a quoted or plain scalar over several lines indents every continuation line deeper than
 * the block collection holding it (at `indent`): `yaml` requires it, js-yaml does not. Block
 * scalars (`|`, `>`) pass.
 */
function wellIndentedFlowScalar(text: string, start: number, end: number, indent: number): boolean {
  const first = text.charCodeAt(start);
  if (first === 0x7c /* | */ || first === 0x3e /* > */) return true;
  for (let nl = text.indexOf('\n', start); nl >= 0 && nl < end; nl = text.indexOf('\n', nl + 1)) {
    let at = nl + 1;
    while (text.charCodeAt(at) === 0x20) at++;
    const ch = text.charCodeAt(at);
    if (ch === 0x0a || ch === 0x0d || at >= end) continue; // blank line, or the scalar ended
    if (at - nl - 1 <= indent) return false;
  }
  return true;
}

const closedCleanly = (next: number) => Number.isNaN(next) || isSpace(next) || next === 0x2c /* , */ || next === 0x5d /* ] */ || next === 0x7d /* } */ || next === 0x3a; /* : */

/** Whether the node opening at `pos` follows a `?` indicator (an explicit key), in block or flow style. */
function afterExplicitKeyIndicator(text: string, pos: number): boolean {
  let p = pos - 1;
  while (p >= 0 && isSpace(text.charCodeAt(p))) p--;
  if (text.charCodeAt(p) !== 0x3f /* ? */) return false;
  const before = text.charCodeAt(p - 1);
  return p === 0 || isSpace(before) || before === 0x5b /* [ */ || before === 0x7b /* { */ || before === 0x2c /* , */;
}

const isSpace = (ch: number) => ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Where the lines of a text start, for offset -> line and column (as yaml's LineCounter counts
 * them: lines end at `\n`) in logarithmic time: scanning for line breaks from each node would be
 * quadratic on a long line (a 2 MB one-line flow mapping would take minutes).
 */
class Lines {
  private readonly starts = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The line lineOf found last: nodes are asked about in document order, mostly on it or the next. */
  private last = 0;

  /** 0-based number of the line holding `offset`. */
  private lineOf(offset: number): number {
    const starts = this.starts;
    const last = this.last;
    if (starts[last]! <= offset) {
      if (last + 1 === starts.length || offset < starts[last + 1]!) return last;
      if (last + 2 === starts.length || offset < starts[last + 2]!) return (this.last = last + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.last = lo);
  }

  /** 1-based line and column of `offset`. */
  position(offset: number): { line: number; col: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, col: offset - this.starts[line]! + 1 };
  }

  /** Pushes the 1-based line and column of `offset` onto `into` (IndexBuilder's form). */
  push(offset: number, into: number[]): void {
    const line = this.lineOf(offset);
    into.push(line + 1, offset - this.starts[line]! + 1);
  }

  /** Whether there is a line break from `start` up to (not including) `end`. */
  spans(start: number, end: number): boolean {
    return this.lineOf(end) !== this.lineOf(start);
  }
}
