// Grouping stays linear (issue 24): a group copied on every insert made one 2 MB plan take 10 s
// in `check -f junit` and `diff`, and `agenda` over 1,000,000 actions never finish. The pattern is
// kept out of src/ structurally (no wall clock), and the one helper is tested for what it does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byOwner } from '../../../src/cli/format/agenda/group.js';
import { pushTo } from '../../../src/util/group.js';

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

/** Spreads of a whole collection into a new one inside an insert or a reduce: quadratic when repeated. */
const COPY_ON_INSERT = [/\.set\([^;\n]*\[\.\.\.\(?\s*\w+\.get\(/, /reduce\([^;\n]*=>\s*\[\.\.\.\w+/, /reduce\([^;\n]*=>\s*\(?\{\s*\.\.\.\w+/];

describe('linear grouping', () => {
  it('no file in src/ copies a group on every insert (use pushTo from src/util/group.ts)', () => {
    const offenders: string[] = [];
    for (const file of files('src')) {
      if (file.endsWith(join('util', 'group.ts'))) continue;
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (COPY_ON_INSERT.some((re) => re.test(line))) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('the structural check sees the pattern it forbids', () => {
    expect(COPY_ON_INSERT.some((re) => re.test('groups.set(owner, [...(groups.get(owner) ?? []), item]);'))).toBe(true);
    expect(COPY_ON_INSERT.some((re) => re.test('const all = xs.reduce((acc, x) => [...acc, x], []);'))).toBe(true);
  });

  it('pushTo appends in place: one list per key, every value once, in order', () => {
    const map = new Map<string, number[]>();
    for (let i = 0; i < 40_000; i++) pushTo(map, i % 3 === 0 ? 'a' : 'b', i);
    const a = map.get('a')!;
    pushTo(map, 'a', -1);
    expect(map.get('a')).toBe(a); // the same array: nothing copied
    expect(a).toHaveLength(13_335);
    expect(map.get('b')!.slice(0, 3)).toEqual([1, 2, 4]);
  });

  it('byOwner groups 40,000 items of one owner into that owner\'s list, in agenda order', () => {
    const items = Array.from({ length: 40_000 }, (_, i) => ({ owner: i % 10 === 0 ? null : 'Bea', title: `t${i}` }) as never);
    const groups = byOwner(items);
    expect(groups.map(([o, l]) => [o, l.length])).toEqual([['Bea', 36_000], ['(no owner)', 4_000]]);
  });
});
