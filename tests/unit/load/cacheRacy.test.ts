import { describe, expect, it } from 'vitest';
import { LoadCache, RACY_MS, type CacheEntry, type FileStat } from '../../../src/load/cache.js';
import { tmpDir } from '../../helpers/tmpRepo.js';

// The "changed within the last seconds" guard of the files cache, with stats made for the purpose:
// size, mtime and ctime all equal the cached ones, so only the guard can refuse the entry. (On a
// real disk a rewrite also changes ctime, which would hide a missing guard.)

const FILE = 'plans/acme.yaml';
const result: CacheEntry['result'] = { sha1: 'a'.repeat(40), id: 'acme', file: FILE, findings: [], index: { s: [], n: [] } } as unknown as CacheEntry['result'];
const statAt = (mtimeMs: number): FileStat => ({ size: 120, mtimeMs, ctimeMs: mtimeMs } as FileStat);

describe('LoadCache: a file changed within RACY_MS of being cached', () => {
  it('is not trusted by its stat, even when size, mtime and ctime match; its content hash still is', () => {
    const cache = LoadCache.open(tmpDir(), 'key');
    const racy = statAt(Date.now() - RACY_MS / 4);
    cache.set(FILE, racy, result);
    expect(cache.byStat(FILE, racy)).toBeUndefined();
    expect(cache.hashOf(FILE)).toBe(result.sha1);
  });

  it('stays untrusted after the cache is saved and opened again', () => {
    const root = tmpDir();
    const racy = statAt(Date.now() - RACY_MS / 4);
    const first = LoadCache.open(root, 'key');
    first.set(FILE, racy, result);
    first.save();
    const second = LoadCache.open(root, 'key');
    expect(second.hashOf(FILE)).toBe(result.sha1);
    expect(second.byStat(FILE, racy)).toBeUndefined();
  });

  it('a file last changed well before it was cached is trusted by its stat, and by nothing else', () => {
    const cache = LoadCache.open(tmpDir(), 'key');
    const old = statAt(Date.now() - 10 * RACY_MS);
    cache.set(FILE, old, result);
    expect(cache.byStat(FILE, old)).toEqual(result);
    expect(cache.byStat(FILE, { ...old, mtimeMs: old.mtimeMs + 1 })).toBeUndefined();
    expect(cache.byStat(FILE, { ...old, ctimeMs: old.ctimeMs + 1 })).toBeUndefined();
    expect(cache.byStat(FILE, { ...old, size: old.size + 1 })).toBeUndefined();
  });

  it('a racy entry, refreshed by a matching content hash once the file is old, is trusted again', () => {
    const cache = LoadCache.open(tmpDir(), 'key');
    cache.set(FILE, statAt(Date.now() - RACY_MS / 4), result);
    const later = statAt(Date.now() - 10 * RACY_MS);
    expect(cache.refresh(FILE, later)).toEqual(result);
    expect(cache.byStat(FILE, later)).toEqual(result);
  });
});
