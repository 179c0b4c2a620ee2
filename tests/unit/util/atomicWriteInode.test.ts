import { linkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomicWrite } from '../../../src/util/atomicWrite.js';
import { tmpDir } from '../../helpers/tmpRepo.js';

// Deterministic proofs that atomicWrite writes a temporary file and renames it over the target,
// never the target in place (the randomised kill test in tests/hostile/ is the other one).

/**
 * Bytes whose write fails midway, as on a disk that fills up: the first write is told half the
 * length, then asking for the length again throws, after half the text has been written.
 */
class FailsMidway extends Uint8Array {
  private asked = 0;
  override get length(): number {
    this.asked += 1;
    if (this.asked === 2) return Math.floor(this.byteLength / 2);
    if (this.asked > 2) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    return this.byteLength;
  }
}

describe('atomicWrite replaces the file, never rewrites it in place', () => {
  it('the file is a new inode after the write; a hard link to the old one keeps the old text', () => {
    const dir = tmpDir();
    const path = join(dir, 'plan.yaml');
    writeFileSync(path, 'old: text\n');
    linkSync(path, join(dir, 'old-link'));
    const before = statSync(path).ino;
    atomicWrite(path, 'new: text\n');
    expect(statSync(path).ino).not.toBe(before);
    expect(readFileSync(path, 'utf8')).toBe('new: text\n');
    expect(readFileSync(join(dir, 'old-link'), 'utf8')).toBe('old: text\n');
  });

  it('a write that fails midway keeps the old content, the old inode and no temporary file', () => {
    const dir = tmpDir();
    const path = join(dir, 'plan.yaml');
    writeFileSync(path, 'old: text\n');
    const before = statSync(path).ino;
    const content = new FailsMidway(Buffer.from('new: text that is long enough to be cut in half\n'));
    expect(() => atomicWrite(path, content)).toThrow('no space left on device');
    expect(readFileSync(path, 'utf8')).toBe('old: text\n');
    expect(statSync(path).ino).toBe(before);
    expect(readdirSync(dir)).toEqual(['plan.yaml']);
  });
});
