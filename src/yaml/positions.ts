import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { PathSegment, Position } from '../findings/finding.js';

export type { PathSegment };
const SEP = '\u0001';
const key = (path: readonly PathSegment[]) => path.join(SEP);

/** Nodes nested deeper than this are not indexed (their findings go to the nearest indexed ancestor). */
export const MAX_INDEX_DEPTH = 64;

/**
 * Builds a PositionIndex from nodes visited in document order (each mapping entry's key, then its
 * value's subtree), whichever parser found them. A node is recorded as a child of an entry
 * already recorded (its parent: `root()`'s or another `child()`'s result), so its path is never
 * built as a string: an entry stores the length of the path it shares with the entry before it,
 * which in document order is either its parent (a first child) or something under an earlier
 * sibling (which shares the parent's path and the separator after it). `position` turns a source
 * offset into a line and a column, pushed onto the array it is given.
 */
export class IndexBuilder {
  private readonly s: string[] = [];
  private readonly n: number[] = [];
  /** The length of each entry's path. */
  private readonly lengths: number[] = [];

  constructor(private readonly position: (offset: number, into: number[]) => void) {}

  /** Records the document's root node (starting at `valueAt`): entry 0. */
  root(valueAt: number): number {
    this.s.push('');
    this.n.push(0);
    this.position(valueAt, this.n);
    this.n.push(0, 0);
    this.lengths.push(0);
    return 0;
  }

  /**
   * Records the node at segment `seg` of entry `parent`: where its value starts and, for a mapping
   * entry, where its key does. Returns its entry number, or -1 when it has neither (nothing to
   * record: its subtree is not indexed either).
   */
  child(parent: number, seg: string, valueAt: number | undefined, keyAt: number | undefined): number {
    if (valueAt === undefined && keyAt === undefined) return -1;
    const parentLength = this.lengths[parent]!;
    const atRoot = parent === 0;
    const firstChild = this.s.length - 1 === parent;
    // The root's children are bare keys; deeper paths join their segments with SEP.
    const shared = atRoot || firstChild ? parentLength : parentLength + 1;
    this.s.push(!atRoot && firstChild ? SEP + seg : seg);
    this.n.push(shared);
    if (valueAt === undefined) this.n.push(0, 0);
    else this.position(valueAt, this.n);
    if (keyAt === undefined) this.n.push(0, 0);
    else this.position(keyAt, this.n);
    this.lengths.push(atRoot ? seg.length : parentLength + 1 + seg.length);
    return this.s.length - 1;
  }

  finish(): PositionIndex {
    // A document without a root node (empty) is located at 1:1.
    return new PositionIndex(this.s.length === 0 ? undefined : { s: this.s, n: this.n });
  }
}

/**
 * PositionIndex as plain data, for caches and worker threads: one entry per path in document
 * order; each path is stored as the length of the prefix it shares with the previous path plus
 * the rest (`s`), with five numbers per entry in `n`: [shared prefix length, value line, value
 * column, key line, key column] (0 = none).
 */
export interface CompactIndex {
  s: string[];
  n: number[];
}

/** The numbers of entry `i` of a CompactIndex, by name (five per entry in `n`, 0 = none). */
const NUMBERS_PER_ENTRY = 5;
const sharedPrefix = (n: number[], i: number): number => n[i * NUMBERS_PER_ENTRY]!;
const valueStart = (n: number[], i: number): Position | undefined => at(n, i * NUMBERS_PER_ENTRY + 1);
const keyStart = (n: number[], i: number): Position | undefined => at(n, i * NUMBERS_PER_ENTRY + 3);
/** How many lookups walk the entries before the path -> entry map is built. */
const WALKS = 4;

/** Where `prev.slice(0, end)` ends in a string of `length` (a damaged cache may hold any number). */
const sliceEnd = (end: unknown, length: number): number => {
  if (end === undefined) return length;
  const e = Math.trunc(Number(end));
  if (!(e >= 0 || e < 0)) return 0; // NaN
  return e < 0 ? Math.max(length + e, 0) : Math.min(e, length);
};
const at = (n: number[], j: number): Position | undefined => (n[j] ? { line: n[j]!, column: n[j + 1]! } : undefined);

/**
 * Where every node of a YAML document starts, by path. A compact stand-in for the Document:
 * rules locate findings through it long after the Document itself has been dropped. It is kept
 * in its compact form (or as that form's JSON text, as the cache may hand it over), walked for a
 * first question and expanded into a map from the second: most files have no findings, so most
 * indexes are never asked.
 */
export class PositionIndex {
  private compact: CompactIndex | string;
  /** path -> entry number. Built when asked more than WALKS times. */
  private byPath?: Map<string, number>;
  /** How many times a path was looked up before the map was built. */
  private asked = 0;

  constructor(compact: CompactIndex | string = { s: [''], n: [0, 1, 1, 0, 0] }) {
    this.compact = compact;
  }

  static fromDocument(doc: Document, lines: LineCounter): PositionIndex {
    const index = new IndexBuilder((offset, into) => {
      const pos = lines.linePos(offset);
      into.push(pos.line, pos.col);
    });
    // An empty value (`owner:`) has no text of its own: it is located at its key.
    const usable = (node: Node | null, depth: number, keyAt: number | undefined): node is Node =>
      !!node && !isAlias(node) && depth <= MAX_INDEX_DEPTH && node.range !== undefined && !(keyAt !== undefined && isScalar(node) && node.value === null && node.source === '');
    const visit = (node: Node, entry: number, depth: number): void => {
      if (isMap(node)) {
        for (const pair of node.items) {
          if (!isPair(pair) || !isScalar(pair.key)) continue;
          const value = pair.value as Node | null;
          const keyAt = pair.key.range?.[0];
          const ok = usable(value, depth + 1, keyAt);
          const child = index.child(entry, String(pair.key.value), ok ? value.range![0] : undefined, keyAt);
          if (ok && child >= 0) visit(value, child, depth + 1);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => {
          const ok = usable(item as Node | null, depth + 1, undefined);
          const child = index.child(entry, String(i), ok ? (item as Node).range![0] : undefined, undefined);
          if (ok && child >= 0) visit(item as Node, child, depth + 1);
        });
      }
    };
    const root = doc.contents as Node | null;
    if (usable(root, 0, undefined)) visit(root, index.root(root.range![0]), 0);
    return index.finish();
  }

  /**
   * The position of the node at `path`, or of its nearest existing ancestor (for a missing key:
   * the mapping that lacks it). With `preferKey`, a mapping entry is located at its key.
   */
  locate(path: readonly PathSegment[], preferKey = false): Position {
    const find = this.finder(path);
    for (let len = path.length; len >= 0; len--) {
      const i = find(len);
      if (i === undefined) continue;
      const { n } = this.toJSON();
      const keyAt = keyStart(n, i);
      const found = preferKey && len === path.length && keyAt ? keyAt : (valueStart(n, i) ?? keyAt);
      if (found) return found;
    }
    return { line: 1, column: 1 };
  }

  /** Whether the document has a node (or an empty entry) at exactly `path`. */
  has(path: readonly PathSegment[]): boolean {
    return this.finder(path)(path.length) !== undefined;
  }

  /**
   * The entry numbers of `path`'s prefixes, by prefix length (0 = the root). The first few
   * questions are answered by one walk of the entries each, which builds no strings (most files
   * are asked about a few times, if at all: a finding or two on an account); later ones by a map.
   */
  private finder(path: readonly PathSegment[]): (len: number) => number | undefined {
    if (this.asked++ >= WALKS) {
      const byPath = this.expand();
      return (len) => byPath.get(key(path.slice(0, len)));
    }
    const target = key(path);
    // Where each prefix's key ends in `target` (segments are joined by SEP, the root's children bare).
    const ends = [0];
    for (let j = 0; j < path.length; j++) ends.push(ends[j]! + (j === 0 ? 0 : SEP.length) + String(path[j]).length);
    const hits = this.walk(target);
    return (len) => hits[ends[len]!];
  }

  /**
   * One pass over the entries: for each length, the last entry whose path is exactly that long a
   * prefix of `target` (as comparing every decoded path with target's prefixes would find, without
   * decoding them). `matched` is how much of target the previous entry's path shares.
   */
  private walk(target: string): (number | undefined)[] {
    const { s, n } = this.toJSON();
    const hits: (number | undefined)[] = [];
    let prevLength = 0;
    let matched = 0;
    for (let i = 0; i < s.length; i++) {
      const shared = sliceEnd(sharedPrefix(n, i), prevLength);
      const rest = String(s[i]);
      const length = shared + rest.length;
      if (matched >= shared) {
        let k = 0;
        const max = Math.min(rest.length, target.length - shared);
        while (k < max && rest.charCodeAt(k) === target.charCodeAt(shared + k)) k++;
        matched = shared + k;
      }
      if (matched === length) hits[length] = i; // the last entry for a path wins, as in the map
      prevLength = length;
    }
    return hits;
  }

  /** The compact form: what the cache and worker threads carry. */
  toJSON(): CompactIndex {
    if (typeof this.compact === 'string') this.compact = JSON.parse(this.compact) as CompactIndex;
    return this.compact;
  }

  toString(): string {
    return typeof this.compact === 'string' ? this.compact : JSON.stringify(this.compact);
  }

  /** From toJSON() or toString() output. */
  static fromJSON(json: CompactIndex | string): PositionIndex {
    return new PositionIndex(json);
  }

  private expand(): Map<string, number> {
    if (!this.byPath) {
      const { s, n } = this.toJSON();
      const byPath = new Map<string, number>();
      let prev = '';
      for (let i = 0; i < s.length; i++) {
        const path = prev.slice(0, sharedPrefix(n, i)) + s[i]!;
        byPath.set(path, i);
        prev = path;
      }
      this.byPath = byPath;
    }
    return this.byPath;
  }
}
