import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWithin, resolvesInside } from '../../../src/repoFs/inside.js';
import { readRepoFileSync } from '../../../src/repoFs/readText.js';
import { accountFiles } from '../../../src/repoFs/repoFiles.js';
import { makeRepo, tmpDir } from '../../helpers/tmpRepo.js';

describe('isWithin: the one "is this inside the repo" test', () => {
  it.each([
    ['/repo', '/repo', true],
    ['/repo', '/repo/accounts/a.yaml', true],
    ['/repo', '/repo/..foo/a.yaml', true], // a name that starts with two dots is still inside
    ['/repo', '/repo/../other', false],
    ['/repo', '/repository', false],
    ['/repo', '/', false],
  ])('%s contains %s: %s', (root, path, inside) => {
    expect(isWithin(root, path)).toBe(inside);
  });

  it('resolvesInside sees through links, also for paths that do not exist yet', () => {
    const outside = tmpDir();
    const root = makeRepo({});
    symlinkSync(outside, join(root, 'out'));
    expect(resolvesInside(root, join(root, 'new', 'file.yaml'))).toBe(true);
    expect(resolvesInside(root, join(root, 'out', 'file.yaml'))).toBe(false);
  });
});

describe('readRepoFileSync: the safe read for import --update and user templates', () => {
  const where = (file: string) => ({ file, account: null, line: 1, column: 1 });

  it('reads UTF-8 text inside the repo, BOM dropped from the text but kept in the bytes', () => {
    const root = makeRepo({ 'accounts/a.yaml': '\uFEFFname: A\n' });
    const read = readRepoFileSync(root, join(root, 'accounts/a.yaml'), where('accounts/a.yaml'));
    expect(read).toMatchObject({ text: 'name: A\n' });
    expect('bytes' in read && read.bytes[0]).toBe(0xef);
  });

  it('says where a link out of the repo leads, and refuses folders, binary and missing files', () => {
    const outside = tmpDir();
    writeFileSync(join(outside, 'secret.yaml'), 'x: 1\n');
    const root = makeRepo({ 'accounts/bin.yaml': 'a\u0000b' });
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'accounts/link.yaml'));
    mkdirSync(join(root, 'accounts/dir.yaml'));
    const read = (file: string) => readRepoFileSync(root, join(root, file), where(file));
    expect(read('accounts/link.yaml')).toEqual({ outside: join(outside, 'secret.yaml') });
    expect(read('accounts/dir.yaml')).toMatchObject({ finding: { message: expect.stringContaining('is a folder') } });
    expect(read('accounts/bin.yaml')).toMatchObject({ finding: { message: expect.stringContaining('NUL bytes') } });
    expect(read('accounts/none.yaml')).toMatchObject({ finding: { file: 'accounts/none.yaml' } });
  });
});

describe('accountFiles: the one listing of account ids', () => {
  it('maps ids to file names in order, .yaml before .yml, no dot files or other extensions', () => {
    const root = makeRepo({ 'accounts/b.yml': '', 'accounts/a.yaml': '', 'accounts/a.yml': '', 'accounts/.hidden.yaml': '', 'accounts/notes.txt': '' });
    expect([...accountFiles(root)]).toEqual([
      ['a', 'a.yaml'],
      ['b', 'b.yml'],
    ]);
    expect(accountFiles(makeRepo({})).size).toBe(0);
  });
});
