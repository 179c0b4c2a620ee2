// history/agreedAt reads the plan's blob and kam.yaml's at each commit, never the whole repo: it
// must find what loading the whole repo there (git/snapshot's loadAtCommit) would have found.
import { describe, expect, it } from 'vitest';
import { openGitRepo } from '../../../src/git/git.js';
import { loadAtCommit } from '../../../src/git/snapshot.js';
import { agreedRevision } from '../../../src/history/agreedAt.js';
import { sharedDigest } from '../../../src/signoff/digest.js';
import { commitAll, git, gitInit } from '../../helpers/gitRepo.js';
import { tmpDir } from '../../helpers/tmpRepo.js';
import { write } from '../../e2e/git.fixture.js';

const plan = (due: string, extra = '') => `account: acme
actions:
  - { title: Pilot, owner: Maja Holm, due: ${due}, shared: true }
${extra}`;

/** The reference: load the whole repo at each commit of the plan's history, newest first. */
async function byWholeRepo(root: string, digest: string): Promise<string | null> {
  const repo = await openGitRepo(root);
  for (const sha of git(root, 'log', '--format=%H', 'HEAD', '--', 'plans/acme.yaml', 'plans/acme.yml', 'kam.yaml').split('\n').filter(Boolean)) {
    const loaded = await loadAtCommit(repo, sha);
    const p = loaded?.ok ? loaded.repo.plans.find((x) => x.id === 'acme')?.value : undefined;
    if (p && sharedDigest(p) === digest) return git(root, 'rev-parse', '--short', sha);
  }
  return null;
}

describe('agreedRevision', () => {
  it('finds the newest commit whose plan has the digest, as loading the whole repo there would', async () => {
    const root = tmpDir('kam-agreed-');
    gitInit(root);
    write(root, { 'kam.yaml': 'version: 1\n', 'accounts/acme.yaml': 'name: Acme\n', 'plans/acme.yaml': plan('2027-01-31') });
    const agreedSha = commitAll(root, 'agreed version', '2026-09-01');
    const agreed = sharedDigest({ objectives: [], actions: [{ title: 'Pilot', owner: 'Maja Holm', due: '2027-01-31', shared: true, side: 'us' } as never], kpis: [] });
    // Progress only (the digest stays): the newer commit is the one found.
    write(root, { 'plans/acme.yaml': plan('2027-01-31', 'period: FY27\n') });
    const progress = commitAll(root, 'progress', '2026-09-15');
    // kam.yaml invalid at this commit: the plan there counts as absent, whatever it says.
    write(root, { 'kam.yaml': 'version: [1\n' });
    commitAll(root, 'broken config', '2026-10-01');
    write(root, { 'kam.yaml': 'version: 1\n', 'plans/acme.yaml': plan('2027-02-28') });
    commitAll(root, 'new due date', '2026-10-15');
    write(root, { 'accounts/acme.yaml': 'name: Acme Corp\n' });
    commitAll(root, 'account only', '2026-11-01');

    const found = await agreedRevision(root, 'acme', agreed);
    expect(found).toMatchObject({ commit: git(root, 'rev-parse', '--short', progress), date: '2026-09-15' });
    expect(found?.plan.actions[0]?.due).toBe('2027-01-31');
    expect(found?.commit).toBe(await byWholeRepo(root, agreed));
    expect(found?.commit).not.toBe(git(root, 'rev-parse', '--short', agreedSha));
    expect(await agreedRevision(root, 'acme', 'sha256:0000')).toBeNull();
    expect(await byWholeRepo(root, 'sha256:0000')).toBeNull();
  });

  it('reads plans/<id>.yml too, and .yaml first when both exist, as the loader does', async () => {
    const root = tmpDir('kam-agreed-');
    gitInit(root);
    write(root, { 'kam.yaml': 'version: 1\n', 'accounts/acme.yaml': 'name: Acme\n', 'plans/acme.yml': plan('2027-01-31') });
    commitAll(root, 'yml plan', '2026-09-01');
    write(root, { 'plans/acme.yaml': 'account: acme\nactions: not a list\n' });
    commitAll(root, 'an invalid .yaml next to it', '2026-09-15');
    const digest = sharedDigest({ objectives: [], actions: [{ title: 'Pilot', owner: 'Maja Holm', due: '2027-01-31', shared: true, side: 'us' } as never], kpis: [] });
    const found = await agreedRevision(root, 'acme', digest);
    expect(found?.date).toBe('2026-09-01');
    expect(found?.commit).toBe(await byWholeRepo(root, digest));
  });
});
