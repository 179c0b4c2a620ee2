// What an adversarial review broke (issue 14), one test per finding: each failed before its fix.
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, runKam } from '../helpers/kam.js';
import { copyRepo, snapshotTree, tmpDir } from '../helpers/tmpRepo.js';
import { expectNoStackTrace, runHostile } from './harness.js';

describe('kam check -o never replaces a repo file, however its path is spelled', () => {
  const spellings: [string, (root: string) => string][] = [
    ['here/../kam.yaml', () => 'accounts/../kam.yaml'],
    ['/proc/self/cwd/kam.yaml', () => '/proc/self/cwd/kam.yaml'],
    ['a link to the repo', (root) => {
      const elsewhere = tmpDir();
      symlinkSync(root, join(elsewhere, 'repo'));
      return join(elsewhere, 'repo', 'plans', readdirSync(join(root, 'plans'))[0]!);
    }],
    ['a link to the file', (root) => {
      const elsewhere = tmpDir();
      symlinkSync(join(root, 'kam.yaml'), join(elsewhere, 'report.txt'));
      return join(elsewhere, 'report.txt');
    }],
  ];
  it.each(spellings)('%s: exit 2, nothing written', (_, spell) => {
    const root = copyRepo(EXAMPLE);
    const target = spell(root);
    const run = runHostile(root, ['check', '-o', target], 2);
    expect(run.stderr).toMatch(/is one of the plan repo's own files; kam check will not write a report over it/);
  });

  it("an empty -o is a usage error that says so", () => {
    const root = copyRepo(EXAMPLE);
    const run = runHostile(root, ['check', '-o', ''], 2);
    expect(run.stderr).toBe('kam: -o/--output needs a file name (it was empty); e.g. -o report.sarif, or leave it out to print to standard output\n');
    for (const args of [['render', '--all', '--out', ''], ['schema', '--out', '']]) {
      const other = runHostile(root, args, 2);
      expect(other.stderr).toContain('--out needs a folder name (it was empty)');
    }
  });
});

describe('kam import writes only inside the repo', () => {
  it('refuses an accounts/ folder that links out of the repo (exit 2), like kam new', () => {
    const root = copyRepo(EXAMPLE);
    const outside = tmpDir();
    for (const f of readdirSync(join(root, 'accounts'))) writeFileSync(join(outside, f), readFileSync(join(root, 'accounts', f)));
    rmSync(join(root, 'accounts'), { recursive: true });
    symlinkSync(outside, join(root, 'accounts'));
    writeFileSync(join(root, 'crm.csv'), 'name,industry\nZephyr Mining,Mining\n');
    const before = snapshotTree(outside);
    const run = runHostile(root, ['import', 'crm.csv'], 2);
    expect(run.stderr).toBe('kam: accounts leads out of the repo (a symbolic link to elsewhere); kam writes only inside the repo: make it a real folder\n');
    expect(snapshotTree(outside)).toEqual(before);
  });
});
