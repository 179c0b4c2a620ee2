import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitDatesFor, lastCommitDateLookup, lastCommitDates, needsGitDates } from '../../../src/git/lastCommitDates.js';
import { loadRepo, type Repo } from '../../../src/load/loadRepo.js';
import { commitAll, git, gitInit } from '../../helpers/gitRepo.js';
import { makeRepo, tmpDir } from '../../helpers/tmpRepo.js';
import { write } from '../../e2e/git.fixture.js';

function repoWithPlans(sub = ''): { dir: string; root: string } {
  const dir = tmpDir('kam-dates-');
  const root = sub ? join(dir, sub) : dir;
  gitInit(dir);
  write(root, { 'kam.yaml': 'version: 1\n', 'plans/a.yaml': 'account: a\n', 'plans/b.yaml': 'account: b\n' });
  commitAll(dir, 'Add plans', '2026-01-15');
  write(root, { 'plans/b.yaml': 'account: b\nperiod: FY27\n', 'accounts/a.yaml': 'name: A\n' });
  commitAll(dir, 'Edit b', '2026-04-02');
  write(root, { 'accounts/a.yaml': 'name: A2\n' });
  commitAll(dir, 'Edit account a only', '2026-05-20');
  return { dir, root };
}

describe('lastCommitDates', () => {
  it('maps each plan file to the date of the last commit that changed it', async () => {
    const { root } = repoWithPlans();
    expect(await lastCommitDates(root)).toEqual(new Map([['plans/b.yaml', '2026-04-02'], ['plans/a.yaml', '2026-01-15']]));
    expect(await lastCommitDates(root, 'HEAD~2')).toEqual(new Map([['plans/a.yaml', '2026-01-15'], ['plans/b.yaml', '2026-01-15']]));
  });

  it('keys files relative to the plan repo when it is a subfolder of the git repo', async () => {
    const { root } = repoWithPlans('kam');
    expect((await lastCommitDates(root))?.get('plans/b.yaml')).toBe('2026-04-02');
  });

  it('is undefined outside a git repo and before the first commit', async () => {
    expect(await lastCommitDates(makeRepo({}))).toBeUndefined();
    const empty = makeRepo({});
    git(empty, 'init', '-q');
    expect(await lastCommitDates(empty)).toBeUndefined();
  });

  it('gives no date in a shallow clone for a file last changed beyond the fetched history', async () => {
    const { dir } = repoWithPlans();
    const clone = join(tmpDir(), 'clone');
    git(dir, 'clone', '-q', '--depth', '2', `file://${dir}`, clone);
    // The boundary commit (Edit b) seems to add every file: its dates cannot be trusted.
    expect(await lastCommitDates(clone)).toEqual(new Map());
    const deeper = join(tmpDir(), 'clone');
    git(dir, 'clone', '-q', '--depth', '3', `file://${dir}`, deeper);
    expect(await lastCommitDates(deeper)).toEqual(new Map([['plans/b.yaml', '2026-04-02']]));
  });
});

describe('lastCommitDateLookup', () => {
  it('is the lookup kam check passes to its rules', async () => {
    const { root } = repoWithPlans();
    const lookup = await lastCommitDateLookup(root);
    expect(lookup?.('plans/a.yaml')).toBe('2026-01-15');
    expect(lookup?.('plans/nope.yaml')).toBeUndefined();
    expect(await lastCommitDateLookup(makeRepo({}))).toBeUndefined();
  });
});

async function loaded(root: string): Promise<Repo> {
  const result = await loadRepo(root, { cache: false });
  if (!result.ok) throw new Error('the test repo does not load');
  return result.repo;
}

describe('needsGitDates and gitDatesFor', () => {
  it('asks git only when a valid plan has no last_reviewed, and then as of the revision given', async () => {
    const { root } = repoWithPlans();
    const repo = await loaded(root);
    expect(needsGitDates(repo)).toBe(true);
    expect((await gitDatesFor(repo))?.('plans/b.yaml')).toBe('2026-04-02');
    expect((await gitDatesFor(repo, 'HEAD~2'))?.('plans/b.yaml')).toBe('2026-01-15');
  });

  it('reads no dates when every valid plan has last_reviewed (invalid plans do not count)', async () => {
    const { root } = repoWithPlans();
    write(root, { 'plans/a.yaml': 'account: a\nlast_reviewed: 2026-05-01\n', 'plans/b.yaml': 'account: b\nlast_reviewed: 2026-05-02\n', 'plans/c.yaml': 'account: [not, a, slug]\n' });
    const repo = await loaded(root);
    expect(repo.plans.find((p) => p.id === 'c')?.value).toBeUndefined();
    expect(needsGitDates(repo)).toBe(false);
    expect(await gitDatesFor(repo)).toBeUndefined();
  });

  it('is undefined outside a git repo even when a plan needs dates', async () => {
    const root = makeRepo({ 'plans/a.yaml': 'account: a\n' });
    const repo = await loaded(root);
    expect(needsGitDates(repo)).toBe(true);
    expect(await gitDatesFor(repo)).toBeUndefined();
  });
});
