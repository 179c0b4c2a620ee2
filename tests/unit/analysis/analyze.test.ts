import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisOf, analyze } from '../../../src/analysis/analyze.js';
import { needsGitDates } from '../../../src/git/lastCommitDates.js';
import { loadRepo, type Repo } from '../../../src/load/loadRepo.js';
import { ACCOUNT, CONFIG, PLAN, TODAY } from '../../helpers/ruleTester.js';
import { commitAll, gitInit } from '../../helpers/gitRepo.js';
import { makeRepo } from '../../helpers/tmpRepo.js';

async function load(files: Record<string, string>): Promise<Repo> {
  const result = await loadRepo(makeRepo({ 'kam.yaml': CONFIG, ...files }), { workers: 0, cache: false });
  if (!result.ok) throw new Error('fixture kam.yaml is invalid');
  return result.repo;
}

const UNREVIEWED = PLAN.replace(/^last_reviewed: .*\n/m, '');

describe('analyze', () => {
  it('computes each part once and hands every consumer the same portfolio', async () => {
    const repo = await load({ 'accounts/acme.yaml': ACCOUNT, 'plans/acme.yaml': PLAN });
    const a = await analyze(repo, { today: TODAY });
    expect(a.portfolio).toBe(a.portfolio);
    expect(a.check.portfolio).toBe(a.portfolio);
    expect(a.health).toBe(a.health);
    expect(a.agenda(14)).toBe(a.agenda(14));
    expect(a.index.accounts).toEqual([{ id: 'acme', file: 'accounts/acme.yaml', name: 'Acme', manager: 'Ann', tier: 'Key', needsRating: false }]);
    expect(a.health.map((h) => [h.id, h.tier])).toEqual([['acme', 'Key']]);
  });

  it('reads no git when every plan has last_reviewed, and when dates are not wanted', async () => {
    const reviewed = await load({ 'accounts/acme.yaml': ACCOUNT, 'plans/acme.yaml': PLAN });
    expect(needsGitDates(reviewed)).toBe(false);
    expect((await analyze(reviewed, { today: TODAY })).usedGit).toBe(false);
    const unreviewed = await load({ 'accounts/acme.yaml': ACCOUNT, 'plans/acme.yaml': UNREVIEWED });
    expect(needsGitDates(unreviewed)).toBe(true);
    const scoresOnly = await analyze(unreviewed, { today: TODAY, dates: false });
    expect(scoresOnly.usedGit).toBe(false);
    expect(scoresOnly.portfolio.accounts).toHaveLength(1);
    // A part that dates reviews, asked of an analysis made without dates, is a programming error.
    expect(() => scoresOnly.health).toThrow(/needs the dates of last change/);
  });

  it('dates a plan without last_reviewed by its last commit, at HEAD or at a given revision', async () => {
    const result = await loadRepo(makeRepo({ 'kam.yaml': CONFIG, 'accounts/acme.yaml': ACCOUNT, 'plans/acme.yaml': UNREVIEWED }), { workers: 0, cache: false });
    if (!result.ok) throw new Error('invalid fixture');
    const { root } = result.repo;
    gitInit(root);
    const first = commitAll(root, 'first', '2026-06-01');
    writeFileSync(join(root, 'plans/acme.yaml'), `${UNREVIEWED}# touched\n`);
    commitAll(root, 'second', '2026-10-01');
    const now = await analyze(result.repo, { today: TODAY });
    expect(now.usedGit).toBe(true);
    expect(now.lastCommitDate?.('plans/acme.yaml')).toBe('2026-10-01');
    const then = await analyze(result.repo, { today: TODAY, revision: first });
    expect(then.lastCommitDate?.('plans/acme.yaml')).toBe('2026-06-01');
    // The rules see that date: 53 days after the last commit is past the 30-day cadence; 14 days is not.
    expect(now.check.findings.some((f) => f.rule === 'stale_plan')).toBe(true);
    expect(analysisOf(result.repo, { today: '2026-10-15', lastCommitDate: () => '2026-10-01' }).check.findings.some((f) => f.rule === 'stale_plan')).toBe(false);
  });
});
