import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Position } from './finding.js';

export type PathSegment = string | number;
/** PositionIndex as plain data (see toJSON). */
export interface CompactIndex {
  s: string[];
  n: number[];
}
const SEP = '\u0001';
const key = (path: readonly PathSegment[]) => path.join(SEP);

/**
 * Where every node of a YAML document starts, by path. A compact stand-in for the Document:
 * rules locate findings through it long after the Document itself has been dropped.
 */
export class PositionIndex {
  /** path -> [line, column] of the value node. */
  private readonly values = new Map<string, [number, number]>();
  /** path -> [line, column] of the key that introduces the value (mapping entries only). */
  private readonly keys = new Map<string, [number, number]>();

  static fromDocument(doc: Document, lines: LineCounter): PositionIndex {
    const index = new PositionIndex();
    const at = (offset: number): [number, number] => {
      const { line, col } = lines.linePos(offset);
      return [line, col];
    };
    const visit = (node: unknown, path: PathSegment[], depth: number): void => {
      if (depth > 64 || !node || isAlias(node)) return;
      const n = node as Node;
      if (n.range) index.values.set(key(path), at(n.range[0]));
      if (isMap(n)) {
        for (const pair of n.items) {
          if (!isPair(pair) || !isScalar(pair.key)) continue;
          const childPath = [...path, String(pair.key.value)];
          if (pair.key.range) index.keys.set(key(childPath), at(pair.key.range[0]));
          const value = pair.value as Node | null;
          // An empty value (`owner:`) has no text of its own: point at its key instead.
          if (value && !(isScalar(value) && value.value === null && value.source === '')) visit(value, childPath, depth + 1);
        }
      } else if (isSeq(n)) {
        n.items.forEach((item, i) => visit(item, [...path, i], depth + 1));
      }
    };
    visit(doc.contents, [], 0);
    if (!index.values.has('')) index.values.set('', [1, 1]);
    return index;
  }

  /**
   * The position of the node at `path`, or of its nearest existing ancestor (for a missing key:
   * the mapping that lacks it). With `preferKey`, a mapping entry is located at its key.
   */
  locate(path: readonly PathSegment[], preferKey = false): Position {
    for (let len = path.length; len >= 0; len--) {
      const k = key(path.slice(0, len));
      const hit = (preferKey && len === path.length ? this.keys.get(k) : undefined) ?? this.values.get(k) ?? this.keys.get(k);
      if (hit) return { line: hit[0], column: hit[1] };
    }
    return { line: 1, column: 1 };
  }

  /** Whether the document has a node (or an empty entry) at exactly `path`. */
  has(path: readonly PathSegment[]): boolean {
    const k = key(path);
    return this.values.has(k) || this.keys.has(k);
  }

  /**
   * A compact, plain-data form for caches and worker threads: one entry per path in document
   * order, each path stored as the length of the prefix it shares with the previous path plus the
   * rest (`s`), and five numbers per entry in `n`: [prefix length, value line, value column,
   * key line, key column] (0 = none). Several times smaller than the maps as JSON.
   */
  toJSON(): CompactIndex {
    const s: string[] = [];
    const n: number[] = [];
    let prev = '';
    const paths = new Set([...this.values.keys(), ...this.keys.keys()]);
    for (const path of paths) {
      let shared = 0;
      const max = Math.min(prev.length, path.length);
      while (shared < max && prev.charCodeAt(shared) === path.charCodeAt(shared)) shared++;
      const v = this.values.get(path);
      const k = this.keys.get(path);
      s.push(path.slice(shared));
      n.push(shared, v?.[0] ?? 0, v?.[1] ?? 0, k?.[0] ?? 0, k?.[1] ?? 0);
      prev = path;
    }
    return { s, n };
  }

  static fromJSON(json: CompactIndex): PositionIndex {
    const index = new PositionIndex();
    let prev = '';
    json.s.forEach((suffix, i) => {
      const [shared, vl, vc, kl, kc] = json.n.slice(i * 5, i * 5 + 5) as [number, number, number, number, number];
      const path = prev.slice(0, shared) + suffix;
      if (vl) index.values.set(path, [vl, vc]);
      if (kl) index.keys.set(path, [kl, kc]);
      prev = path;
    });
    return index;
  }
}
