import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf16Kind } from '../../../src/util/utf16.js';
import { kam } from '../../helpers/kamInProcess.js';
import { makeRepo, snapshotTree } from '../../helpers/tmpRepo.js';

describe('utf16Kind', () => {
  it('tells UTF-16 with or without a byte order mark, little- or big-endian', () => {
    expect(utf16Kind(Buffer.from('id: acme\n', 'utf16le'))).toBe('UTF-16LE');
    expect(utf16Kind(Buffer.from('id: acme\n', 'utf16le').swap16())).toBe('UTF-16BE');
    expect(utf16Kind(Buffer.from('\uFEFFé', 'utf16le'))).toBe('UTF-16LE');
    expect(utf16Kind(Buffer.from('\uFEFFé', 'utf16le').swap16())).toBe('UTF-16BE');
  });

  it('does not take binary files, UTF-8 or a stray NUL for UTF-16', () => {
    expect(utf16Kind(Buffer.from('name: Nul\u0000\n'))).toBeUndefined();
    expect(utf16Kind(Buffer.from('name: Crème Brûlée\n'))).toBeUndefined();
    expect(utf16Kind(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)))).toBeUndefined();
    expect(utf16Kind(new Uint8Array(64))).toBeUndefined(); // all zeros: binary
    expect(utf16Kind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBeUndefined();
    expect(utf16Kind(new Uint8Array(0))).toBeUndefined();
    expect(utf16Kind(Buffer.from('a\u0000b'))).toBeUndefined(); // odd length
    expect(utf16Kind(Buffer.from('id: acme\n', 'utf16le').subarray(1))).toBeUndefined();
  });
});

describe('kam import of a UTF-16 CSV (Excel "Unicode Text", PowerShell)', () => {
  it.each([
    ['without a byte order mark', Buffer.from('id,name\nacme,Acme\n', 'utf16le'), 'UTF-16LE text (without a byte order mark),'],
    ['with one', Buffer.from('\uFEFFid,name\nacme,Acme\n', 'utf16le'), 'UTF-16LE text,'],
  ])('%s: exit 2 saying it is UTF-16 and how to save it as UTF-8, nothing written', async (_name, bytes, kind) => {
    const root = makeRepo({});
    // Beside the repo (the import reads a file outside it), named after it, removed after.
    const name = `crm16-${basename(root)}.csv`;
    writeFileSync(join(root, '..', name), bytes);
    try {
      const before = snapshotTree(root);
      const run = await kam(['import', `../${name}`], { cwd: root });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`kam: ../${name}: the file is ${kind} and kam reads UTF-8: save it as UTF-8 (e.g. iconv -f UTF-16LE -t UTF-8); from Excel, save as "CSV UTF-8"\n`);
      expect(snapshotTree(root)).toEqual(before);
    } finally {
      rmSync(join(root, '..', name), { force: true });
    }
  });
});
