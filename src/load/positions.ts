import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Position } from './finding.js';

export type PathSegment = string | number;
const SEP = '\u0001';
const key = (path: readonly PathSegment[]) => path.join(SEP);

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

/**
 * Where every node of a YAML document starts, by path. A compact stand-in for the Document:
 * rules locate findings through it long after the Document itself has been dropped. It is kept
 * in its compact form and expanded into maps only when first asked (most files have no
 * findings, so most indexes never are): that keeps tens of thousands of files small in memory.
 */
export class PositionIndex {
  /**
   * The compact form as a JSON string: one string is smaller to keep, copy and cache than many
   * small values, and it is parsed only when a position is asked for.
   */
  private readonly compact: string;
  /** path -> [line, column] of the value node. Built on first use. */
  private values?: Map<string, [number, number]>;
  /** path -> [line, column] of the key that introduces the value (mapping entries only). */
  private keys?: Map<string, [number, number]>;

  constructor(compact: CompactIndex | string = { s: [''], n: [0, 1, 1, 0, 0] }) {
    this.compact = typeof compact === 'string' ? compact : JSON.stringify(compact);
  }

  static fromDocument(doc: Document, lines: LineCounter): PositionIndex {
    const s: string[] = [];
    const n: number[] = [];
    let prev = '';
    const add = (path: string, value: number | undefined, keyAt: number | undefined) => {
      let shared = 0;
      const max = Math.min(prev.length, path.length);
      while (shared < max && prev.charCodeAt(shared) === path.charCodeAt(shared)) shared++;
      const v = value === undefined ? undefined : lines.linePos(value);
      const k = keyAt === undefined ? undefined : lines.linePos(keyAt);
      s.push(path.slice(shared));
      n.push(shared, v?.line ?? 0, v?.col ?? 0, k?.line ?? 0, k?.col ?? 0);
      prev = path;
    };
    let hasRoot = false;
    const visit = (node: Node | null, path: string, depth: number, keyAt: number | undefined): void => {
      // An empty value (`owner:`) has no text of its own: it is located at its key.
      const usable = node && !isAlias(node) && depth <= 64 && !(keyAt !== undefined && isScalar(node) && node.value === null && node.source === '');
      const valueAt = usable ? node.range?.[0] : undefined;
      if (keyAt !== undefined || valueAt !== undefined) add(path, valueAt, keyAt);
      if (path === '' && valueAt !== undefined) hasRoot = true;
      if (!usable) return;
      const child = (seg: PathSegment) => (path === '' && depth === 0 ? String(seg) : `${path}${SEP}${seg}`);
      if (isMap(node)) {
        for (const pair of node.items) {
          if (!isPair(pair) || !isScalar(pair.key)) continue;
          visit(pair.value as Node | null, child(String(pair.key.value)), depth + 1, pair.key.range?.[0]);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => visit(item as Node, child(i), depth + 1, undefined));
      }
    };
    visit(doc.contents as Node | null, '', 0, undefined);
    if (!hasRoot) {
      s.unshift('');
      n.unshift(0, 1, 1, 0, 0);
    }
    return new PositionIndex({ s, n });
  }

  /**
   * The position of the node at `path`, or of its nearest existing ancestor (for a missing key:
   * the mapping that lacks it). With `preferKey`, a mapping entry is located at its key.
   */
  locate(path: readonly PathSegment[], preferKey = false): Position {
    const { values, keys } = this.maps();
    for (let len = path.length; len >= 0; len--) {
      const k = key(path.slice(0, len));
      const hit = (preferKey && len === path.length ? keys.get(k) : undefined) ?? values.get(k) ?? keys.get(k);
      if (hit) return { line: hit[0], column: hit[1] };
    }
    return { line: 1, column: 1 };
  }

  /** Whether the document has a node (or an empty entry) at exactly `path`. */
  has(path: readonly PathSegment[]): boolean {
    const { values, keys } = this.maps();
    const k = key(path);
    return values.has(k) || keys.has(k);
  }

  toJSON(): CompactIndex {
    return JSON.parse(this.compact) as CompactIndex;
  }

  /** The compact form as a string (what the cache and worker threads carry). */
  toString(): string {
    return this.compact;
  }

  /** From toJSON() or toString() output. */
  static fromJSON(json: CompactIndex | string): PositionIndex {
    return new PositionIndex(json);
  }

  private maps(): { values: Map<string, [number, number]>; keys: Map<string, [number, number]> } {
    if (!this.values || !this.keys) {
      const values = new Map<string, [number, number]>();
      const keys = new Map<string, [number, number]>();
      const { s, n } = this.toJSON();
      let prev = '';
      for (let i = 0; i < s.length; i++) {
        const path = prev.slice(0, n[i * 5]!) + s[i]!;
        if (n[i * 5 + 1]) values.set(path, [n[i * 5 + 1]!, n[i * 5 + 2]!]);
        if (n[i * 5 + 3]) keys.set(path, [n[i * 5 + 3]!, n[i * 5 + 4]!]);
        prev = path;
      }
      this.values = values;
      this.keys = keys;
    }
    return { values: this.values, keys: this.keys };
  }
}
