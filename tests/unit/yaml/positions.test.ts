import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PositionIndex, type PathSegment } from '../../../src/yaml/positions.js';

const TEXT = `name: Acme
owner:
team:
  - { name: Dana, roles: [lead] }
  - name: Eve
    roles:
      - innovator
answers:
  "our_team.lead": >-
    Dana
  '': empty key
  nested:
    deep: { x: 1 }
`;

function index(text: string): PositionIndex {
  const lines = new LineCounter();
  return PositionIndex.fromDocument(parseDocument(text, { lineCounter: lines }), lines);
}

const PATHS: [PathSegment[], boolean][] = [
  [[], false],
  [['name'], false],
  [['name'], true],
  [['owner'], false],
  [['team', 0, 'roles', 0], false],
  [['team', 1, 'roles', 0], false],
  [['team', 1, 'roles'], true],
  [['team', 5, 'name'], false],
  [['answers', 'our_team.lead'], false],
  [['answers', ''], true],
  [['answers', 'nested', 'deep', 'x'], false],
  [['answers', 'nested', 'missing'], false],
  [['nope'], false],
];

describe('PositionIndex', () => {
  it('locates values, keys, empty entries and missing keys', () => {
    const idx = index(TEXT);
    expect(idx.locate(['name'])).toEqual({ line: 1, column: 7 });
    expect(idx.locate(['name'], true)).toEqual({ line: 1, column: 1 });
    expect(idx.locate(['owner'])).toEqual({ line: 2, column: 1 }); // empty value: at its key
    expect(idx.locate(['team', 0, 'roles', 0])).toEqual({ line: 4, column: 27 });
    expect(idx.locate(['team', 1, 'roles', 0])).toEqual({ line: 7, column: 9 });
    expect(idx.locate(['answers', 'nested', 'missing'])).toEqual({ line: 13, column: 5 }); // the mapping that lacks it
    expect(idx.has(['owner'])).toBe(true);
    expect(idx.has(['team', 1, 'name'])).toBe(true);
    expect(idx.has(['team', 2])).toBe(false);
    expect(index('').locate(['x'])).toEqual({ line: 1, column: 1 });
  });

  it('survives a JSON round trip (cache, worker threads) unchanged', () => {
    const idx = index(TEXT);
    const copy = PositionIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
    for (const [path, preferKey] of PATHS) expect(copy.locate(path, preferKey)).toEqual(idx.locate(path, preferKey));
    for (const [path] of PATHS) expect(copy.has(path)).toBe(idx.has(path));
  });

  it('is compact: far smaller as JSON than the text it indexes', () => {
    const big = Array.from({ length: 200 }, (_, i) => `  question_${i}: answer number ${i} with some words`).join('\n');
    const json = JSON.stringify(index(`answers:\n${big}\n`).toJSON());
    expect(json.length).toBeLessThan(`answers:\n${big}\n`.length);
  });
});
