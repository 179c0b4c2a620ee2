import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { PathSegment, Position } from '../findings/finding.js';

export type { PathSegment };
const SEP = '\u0001';
const key = (path: readonly PathSegment[]) => path.join(SEP);

/** Nodes nested deeper than this are not indexed (their findings go to the nearest indexed ancestor). */
export const MAX_INDEX_DEPTH = 64;

/** The index key of a child of the node at `path` (at `depth`; the root is depth 0). */
export const childPath = (path: string, depth: number, seg: PathSegment): string => (path === '' && depth === 0 ? String(seg) : `${path}${SEP}${seg}`);

/**
 * Builds a PositionIndex from nodes visited in document order (each mapping entry's key, then its
 * value's subtree), whichever parser found them: `add` takes source offsets.
 */
export class IndexBuilder {
  private readonly s: string[] = [];
  private readonly n: number[] = [];
  private prev = '';
  private hasRoot = false;

  constructor(private readonly linePos: (offset: number) => { line: number; col: number }) {}

  /** Records the node at `path`: where its value starts and, for a mapping entry, its key. */
  add(path: string, valueAt: number | undefined, keyAt: number | undefined): void {
    if (valueAt === undefined && keyAt === undefined) return;
    if (path === '' && valueAt !== undefined) this.hasRoot = true;
    const prev = this.prev;
    let shared = 0;
    const max = Math.min(prev.length, path.length);
    while (shared < max && prev.charCodeAt(shared) === path.charCodeAt(shared)) shared++;
    const v = valueAt === undefined ? undefined : this.linePos(valueAt);
    const k = keyAt === undefined ? undefined : this.linePos(keyAt);
    this.s.push(path.slice(shared));
    this.n.push(shared, v?.line ?? 0, v?.col ?? 0, k?.line ?? 0, k?.col ?? 0);
    this.prev = path;
  }

  finish(): PositionIndex {
    if (!this.hasRoot) {
      this.s.unshift('');
      this.n.unshift(0, 1, 1, 0, 0);
    }
    return new PositionIndex({ s: this.s, n: this.n });
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
  /** path -> entry number. Built at the second question. */
  private byPath?: Map<string, number>;
  /** How many times a path was looked up before the map was built. */
  private asked = 0;

  constructor(compact: CompactIndex | string = { s: [''], n: [0, 1, 1, 0, 0] }) {
    this.compact = compact;
  }

  static fromDocument(doc: Document, lines: LineCounter): PositionIndex {
    const index = new IndexBuilder((offset) => lines.linePos(offset));
    const visit = (node: Node | null, path: string, depth: number, keyAt: number | undefined): void => {
      // An empty value (`owner:`) has no text of its own: it is located at its key.
      const usable = node && !isAlias(node) && depth <= MAX_INDEX_DEPTH && !(keyAt !== undefined && isScalar(node) && node.value === null && node.source === '');
      index.add(path, usable ? node.range?.[0] : undefined, keyAt);
      if (!usable) return;
      if (isMap(node)) {
        for (const pair of node.items) {
          if (!isPair(pair) || !isScalar(pair.key)) continue;
          visit(pair.value as Node | null, childPath(path, depth, String(pair.key.value)), depth + 1, pair.key.range?.[0]);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => visit(item as Node, childPath(path, depth, i), depth + 1, undefined));
      }
    };
    visit(doc.contents as Node | null, '', 0, undefined);
    return index.finish();
  }

  /**
   * The position of the node at `path`, or of its nearest existing ancestor (for a missing key:
   * the mapping that lacks it). With `preferKey`, a mapping entry is located at its key.
   */
  locate(path: readonly PathSegment[], preferKey = false): Position {
    const find = this.finder();
    for (let len = path.length; len >= 0; len--) {
      const i = find(key(path.slice(0, len)));
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
    return this.finder()(key(path)) !== undefined;
  }

  /**
   * Path -> entry number. The first question is answered by walking the entries (most files are
   * asked once, if at all: one finding on an account); later ones by a map.
   */
  private finder(): (path: string) => number | undefined {
    if (this.asked++ > 0) {
      const byPath = this.expand();
      return (path) => byPath.get(path);
    }
    return (path) => {
      const { s, n } = this.toJSON();
      let prev = '';
      let hit: number | undefined;
      for (let i = 0; i < s.length; i++) {
        prev = prev.slice(0, sharedPrefix(n, i)) + s[i]!;
        if (prev === path) hit = i; // the last entry for a path wins, as in the map
      }
      return hit;
    };
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
