// history/sinceRevision: what render --since reads of history, once per run, as data.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historySince } from '../../../src/history/sinceRevision.js';
import { loadRepo, type Repo } from '../../../src/load/loadRepo.js';
import { scorePortfolio } from '../../../src/score/portfolio.js';
import { sharedDigest } from '../../../src/signoff/digest.js';
import { commitAll, git, gitInit } from '../../helpers/gitRepo.js';
import { tmpDir } from '../../helpers/tmpRepo.js';
import { account, KAM_YAML, write } from '../../e2e/git.fixture.js';

const PLAN = `account: acme
last_reviewed: 2026-11-01
actions:
  - { title: Pilot, owner: Maja Holm, due: 2027-01-31, shared: true }
`;

async function loaded(root: string): Promise<Repo> {
  const r = await loadRepo(root, { cache: false });
  if (!r.ok) throw new Error('does not load');
  return r.repo;
}

describe('historySince', () => {
  it('gives the revision, the changes from it (with the run portfolio), the trend when asked, and where a voided agreement was made', async () => {
    const root = tmpDir('kam-since-');
    gitInit(root);
    write(root, { 'kam.yaml': KAM_YAML, 'accounts/acme.yaml': account('Acme Corp', 3), 'plans/acme.yaml': PLAN });
    commitAll(root, 'v1', '2026-08-15');
    const digest = sharedDigest((await loaded(root)).plans[0]!.value!);
    writeFileSync(join(root, 'plans/acme.yaml'), `${PLAN}signoffs:\n  - { by: Bo, date: 2026-08-20, digest: "${digest}" }\n`);
    commitAll(root, 'signed', '2026-08-20');
    write(root, { 'accounts/acme.yaml': account('Acme Corp', 5, 1), 'plans/acme.yaml': `${PLAN.replace('2027-01-31', '2027-03-31')}signoffs:\n  - { by: Bo, date: 2026-08-20, digest: "${digest}" }\n` });
    commitAll(root, 'new due date', '2026-10-01');
    const repo = await loaded(root);
    const portfolio = scorePortfolio(repo);

    const since = await historySince(repo, 'HEAD~2', { today: '2026-11-23', portfolio });
    expect(since.base).toMatchObject({ rev: 'HEAD~2', date: '2026-08-15', commit: git(root, 'rev-parse', 'HEAD~2').slice(0, 12) });
    expect(since.trend).toBeUndefined();
    expect(since.changes.portfolios.after).toBe(portfolio);
    expect(since.changes.tiers.map((t) => t.id)).toEqual(['acme']);
    expect(since.changes.states.before.get('acme')?.agreement).toBeUndefined();
    expect(since.changes.states.after.get('acme')?.agreement).toMatchObject({ state: 'changed', by: 'Bo' });
    const agreed = await since.agreedAt('acme');
    expect(agreed).toMatchObject({ commit: git(root, 'rev-parse', '--short', 'HEAD~1'), date: '2026-08-20' });
    expect(agreed?.plan.actions[0]?.due).toBe('2027-01-31');
    expect(await since.agreedAt('nobody')).toBeNull();

    const withTrend = await historySince(repo, 'HEAD~2', { today: '2026-11-23', trend: true });
    // Each commit since the revision, then the working tree as of today.
    expect(withTrend.trend?.points.map((p) => [p.date, p.commit === null])).toEqual([['2026-08-15', false], ['2026-08-20', false], ['2026-10-01', false], ['2026-11-23', true]]);
  });
});
