// atomicWriteAsync is stageWrite and its commit at once (one implementation of the write and the
// replace): the same file, the same exclusive rule, no temporary file left either way.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomicWriteAsync, stageWrite } from '../../../src/util/atomicWrite.js';
import { tmpDir } from '../../helpers/tmpRepo.js';

describe('atomicWriteAsync and stageWrite', () => {
  it('replace a file, or with exclusive keep one that exists (false), leaving no temporary file', async () => {
    const dir = tmpDir();
    const file = join(dir, 'sub', 'a.yaml');
    expect(await atomicWriteAsync(file, 'one\n')).toBe(true);
    expect(await atomicWriteAsync(file, 'two\n')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('two\n');
    expect(await atomicWriteAsync(file, 'three\n', { exclusive: true })).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('two\n');
    expect(await atomicWriteAsync(join(dir, 'sub', 'b.yaml'), 'new\n', { exclusive: true })).toBe(true);
    expect(readdirSync(join(dir, 'sub')).sort()).toEqual(['a.yaml', 'b.yaml']);
  });

  it('stageWrite: nothing at the path until commit; a file that appears meanwhile is kept by an exclusive commit', async () => {
    const dir = tmpDir();
    const file = join(dir, 'c.yaml');
    const staged = await stageWrite(file, 'staged\n');
    expect(readdirSync(dir).filter((n) => !n.startsWith('.kam-'))).toEqual([]);
    writeFileSync(file, 'theirs\n');
    expect(await staged.commit({ exclusive: true })).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('theirs\n');
    expect(readdirSync(dir)).toEqual(['c.yaml']);
    const other = await stageWrite(file, 'ours\n');
    await other.discard();
    expect(readdirSync(dir)).toEqual(['c.yaml']);
  });
});
