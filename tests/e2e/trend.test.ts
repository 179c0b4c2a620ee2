// kam trend (spec 1.2, section 8) against a real git history: at every commit its figures must
// equal what `kam health` and `kam score` say at that commit's checkout with --today = its date.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeTrend, explainTrend } from '../../src/history/trend.js';
import { commitAll, git, gitInit } from '../helpers/gitRepo.js';
import { kam } from '../helpers/kamInProcess.js';
import { tmpDir } from '../helpers/tmpRepo.js';
import { account, KAM_YAML, plan, write } from './git.fixture.js';

const TODAY = '2026-12-02';
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** A plan with actions (execution), a team (team), no last_reviewed (freshness from git) or one. */
const fullPlan = (id: string, answers: Record<string, string>, extra = '') =>
  `${plan(id, answers).replace('stage: research', 'stage: execution')}team:\n  - { name: Dana Whitfield, roles: [relationship_lead] }\nactions:\n  - { title: Call, owner: Dana Whitfield, due: 2026-10-15 }\n${extra}`;

interface Story {
  dir: string;
  commits: { sha: string; date: string; subject: string }[];
}

/**
 * 2026-09-01 acme (3s, plan without last_reviewed) and beta; 2026-09-20 acme renamed "Acme Group"
 * and more answered; 2026-10-05 an invalid kam.yaml; 2026-10-12 kam.yaml valid again with other
 * health weights; 2026-11-02 gamma added; 2026-11-10 a README (not a point); work tree: acme edited.
 */
/** Revenue for pipeline coverage (spec 1.2, section 2): a gap of 100,000. */
const REVENUE = 'revenue: { current: 100000, target: 200000 }\n';
const opportunities = (...list: string[]) => `opportunities:\n${list.map((o) => `  - ${o}\n`).join('')}`;

function buildStory(): Story {
  const dir = tmpDir('kam-trend-');
  gitInit(dir);
  const commits: Story['commits'] = [];
  const commit = (subject: string, date: string) => commits.push({ sha: commitAll(dir, subject, date), date, subject });
  write(dir, {
    'kam.yaml': KAM_YAML,
    'accounts/acme.yaml': account('Acme Corp', 3) + REVENUE,
    'accounts/beta.yaml': account('Beta', 4),
    'plans/acme.yaml': fullPlan('acme', { 'basics.sponsor': 'Our CFO' }, opportunities('{ name: Renewal, value: 40000, probability: 0.5 }')),
    'plans/beta.yaml': fullPlan('beta', {}, 'last_reviewed: 2026-08-01\n'),
  });
  commit('Add acme and beta', '2026-09-01');
  write(dir, { 'accounts/acme.yaml': account('Acme Group', 4) + REVENUE, 'plans/acme.yaml': fullPlan('acme', { 'basics.sponsor': 'Our CFO', 'basics.goal': 'Cut costs' }, opportunities('{ name: Renewal, value: 40000, stage: won }', '{ name: Upsell, value: 30000, probability: 0.2 }')) });
  commit('Acme renamed and answered', '2026-09-20');
  write(dir, { 'kam.yaml': `${KAM_YAML}health: [oops\n` });
  commit('Broken kam.yaml', '2026-10-05');
  write(dir, { 'kam.yaml': `${KAM_YAML}health:\n  weights: { completeness: 1, freshness: 4 }\n`, 'plans/beta.yaml': fullPlan('beta', { 'basics.goal': 'Grow' }, 'last_reviewed: 2026-10-10\n') });
  commit('Weights and beta reviewed', '2026-10-12');
  write(dir, { 'accounts/gamma.yaml': account('Gamma', 2) });
  commit('Add gamma', '2026-11-02');
  write(dir, { 'README.txt': 'not a plan file\n' });
  commitAll(dir, 'Docs only', '2026-11-10');
  write(dir, { 'plans/acme.yaml': fullPlan('acme', { 'basics.sponsor': 'Our CFO' }, opportunities('{ name: Renewal, value: 40000, stage: won }')) });
  return { dir, commits };
}

let story: Story;
beforeAll(() => {
  story = buildStory();
});

/** `kam health` and `kam score` in a checkout of `sha` (a clone, so the story's work tree stays). */
async function atCheckout(sha: string | null, date: string) {
  let root = story.dir;
  if (sha) {
    root = tmpDir('kam-trend-checkout-');
    execFileSync('git', ['clone', '-q', story.dir, root], { stdio: 'ignore', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    git(root, 'checkout', '-q', sha);
  }
  const health = await kam(['health', '-f', 'json', '--today', date], { cwd: root });
  const score = await kam(['score', '-f', 'json'], { cwd: root });
  const pipeline = await kam(['pipeline', '-f', 'json', '--today', date], { cwd: root });
  return { health, score, pipeline };
}

describe('kam trend against checkouts', () => {
  it('equals kam health and kam score run at each commit with --today its date, and the work tree last', async () => {
    const run = await kam(['trend', '-f', 'json', '--today', TODAY], { cwd: story.dir });
    expect(run.code, run.stderr).toBe(0);
    const trend = JSON.parse(run.stdout);
    // Every commit that changed kam.yaml, accounts/ or plans/ (not the README one), then the work tree.
    expect(trend.points).toEqual([
      ...story.commits.map((c) => ({ date: c.date, commit: c.sha.slice(0, 7), ...(c.subject === 'Broken kam.yaml' ? { error: expect.stringContaining('kam.yaml is invalid here: kam.yaml:') } : {}) })),
      { date: TODAY, commit: null },
    ]);
    expect(trend.accounts.map((a: { id: string }) => a.id)).toEqual(['acme', 'beta', 'gamma']);
    // Followed by id through the rename: one series, the latest name.
    expect(trend.accounts[0].name).toBe('Acme Group');
    const points = [...story.commits.map((c) => ({ sha: c.sha as string | null, date: c.date })), { sha: null, date: TODAY }];
    let compared = 0;
    let withHealth = 0;
    const withCoverage = new Set<number>();
    for (const [i, p] of points.entries()) {
      const { health, score, pipeline } = await atCheckout(p.sha, p.date);
      if (trend.points[i].error) {
        expect(health.code).toBe(2);
        for (const a of trend.accounts) expect(a.series[i]).toBeNull();
        continue;
      }
      const healthById = new Map(JSON.parse(health.stdout).accounts.map((a: { id: string }) => [a.id, a]));
      const scoreById = new Map(JSON.parse(score.stdout).accounts.map((a: { id: string }) => [a.id, a]));
      const coverageById = new Map(JSON.parse(pipeline.stdout).accounts.map((a: { id: string; coverage: number | null }) => [a.id, a.coverage]));
      for (const a of trend.accounts) {
        const e = a.series[i];
        const h = healthById.get(a.id) as { health: number; band: string } | undefined;
        const s = scoreById.get(a.id) as { score: number; tier: string } | undefined;
        if (!s) {
          expect(e, `${a.id} at ${p.date}`).toBeNull();
          continue;
        }
        expect({ score: round1(e.score), tier: e.tier, health: round1(e.health), band: e.band, coverage: e.coverage }, `${a.id} at ${p.date}`).toEqual({
          score: s.score, tier: s.tier, health: h?.health ?? null, band: h?.band ?? null, coverage: coverageById.get(a.id) ?? null,
        });
        compared++;
        if (e.coverage !== null) withCoverage.add(e.coverage);
        if (h) withHealth++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
    expect(withHealth).toBeGreaterThanOrEqual(8);
    // acme's coverage moves: 20,000 weighted of a 100,000 gap, then won 40,000 + 6,000 weighted, then the won 40,000 only.
    expect([...withCoverage].sort()).toEqual([0.2, 0.4, 0.46]);
    expect(trend.accounts[0].series.map((e: { coverage: number | null } | null) => e?.coverage ?? null)).toEqual([0.2, 0.46, null, 0.46, 0.46, 0.4]);
  });

  it('a clean work tree (read from HEAD\'s blobs) gives what kam health, score and pipeline give there', async () => {
    const clean = tmpDir('kam-trend-clean-');
    execFileSync('git', ['clone', '-q', story.dir, clean], { stdio: 'ignore', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    const trend = JSON.parse((await kam(['trend', '-f', 'json', '--today', TODAY], { cwd: clean })).stdout);
    const health = new Map(JSON.parse((await kam(['health', '-f', 'json', '--today', TODAY], { cwd: clean })).stdout).accounts.map((a: { id: string }) => [a.id, a]));
    const score = new Map(JSON.parse((await kam(['score', '-f', 'json'], { cwd: clean })).stdout).accounts.map((a: { id: string }) => [a.id, a]));
    const pipeline = new Map(JSON.parse((await kam(['pipeline', '-f', 'json', '--today', TODAY], { cwd: clean })).stdout).accounts.map((a: { id: string; coverage: number | null }) => [a.id, a.coverage]));
    for (const a of trend.accounts) {
      const e = a.series.at(-1);
      const h = health.get(a.id) as { health: number; band: string } | undefined;
      const s = score.get(a.id) as { score: number; tier: string };
      expect({ score: round1(e.score), tier: e.tier, health: round1(e.health), band: e.band, coverage: e.coverage }, a.id).toEqual({ score: s.score, tier: s.tier, health: h?.health ?? null, band: h?.band ?? null, coverage: pipeline.get(a.id) ?? null });
    }
    // The work tree is HEAD here: the second-to-last point (HEAD's commit) and the last agree.
    expect(trend.accounts[0].series.at(-1)).toEqual(trend.accounts[0].series.at(-2));
  });

  it('--explain: component points add up to health at both ends, the changes to the change of health, and each change to its commits', async () => {
    const data = await computeTrend(story.dir, { every: 'commit', since: undefined, today: TODAY });
    for (const id of ['acme', 'beta']) {
      const e = explainTrend(data, id)!;
      const sum = (f: (c: (typeof e.components)[number]) => number) => e.components.reduce((n, c) => n + f(c), 0);
      expect(sum((c) => c.from)).toBeCloseTo(e.from.health, 9);
      expect(sum((c) => c.to)).toBeCloseTo(e.to.health, 9);
      expect(sum((c) => c.change)).toBeCloseTo(e.to.health - e.from.health, 9);
      for (const c of e.components) expect(c.commits.reduce((n, x) => n + x.change, 0), c.component).toBeCloseTo(c.change, 9);
    }
    // The printed table adds up exactly too (rounded so that the rows sum to the rounded totals).
    const run = await kam(['trend', '--explain', 'acme', '--today', TODAY], { cwd: story.dir });
    expect(run.code, run.stderr).toBe(0);
    const rows = [...run.stdout.matchAll(/│ (\w[\w ]*?) +│ +([\d.]+) │ +([\d.]+) │ +([−+±][\d.]+) │/g)].map((m) => ({ name: m[1], from: Number(m[2]), to: Number(m[3]), change: Number(m[4]!.replace('−', '-').replace('±', '')) }));
    const total = rows.find((r) => r.name === 'Health')!;
    const parts = rows.filter((r) => r.name !== 'Health');
    expect(parts.length).toBeGreaterThan(2);
    const tenths = (f: (r: (typeof rows)[number]) => number) => Math.round(parts.reduce((n, r) => n + f(r), 0) * 10);
    expect(tenths((r) => r.from)).toBe(Math.round(total.from * 10));
    expect(tenths((r) => r.to)).toBe(Math.round(total.to * 10));
    expect(tenths((r) => r.change)).toBe(Math.round(total.change * 10));
    expect(run.stdout).toContain('What changed them:');
    const json = JSON.parse((await kam(['trend', '--explain', 'acme', '--today', TODAY, '-f', 'json'], { cwd: story.dir })).stdout);
    expect(json.accounts).toHaveLength(1);
    expect(json.accounts[0].explain.components[0]).toEqual({ component: 'completeness', from: expect.any(Number), to: expect.any(Number), change: expect.any(Number), commits: expect.any(Array) });
  });

  it('reads each blob once and parses each file once per kam.yaml version, however many points share it', async () => {
    const data = await computeTrend(story.dir, { every: 'commit', since: undefined, today: TODAY });
    const blobs = new Set(git(story.dir, 'rev-list', '--objects', 'HEAD', '--', 'kam.yaml', 'accounts', 'plans').split('\n').map((l) => l.split(' ')));
    const blobCount = [...blobs].filter(([oid, path]) => path && /\.ya?ml$/.test(path) && git(story.dir, 'cat-file', '-t', oid!) === 'blob').length;
    expect(data.stats.blobsRead).toBe(blobCount);
    // 5 commits x 4-5 files would be 21 loads; files whose bytes and kam.yaml did not change are shared.
    expect(data.stats.filesLoaded).toBeLessThan(16);
    expect(data.stats.configsLoaded).toBe(3);
  });

  it('--every week and month: the last commit at or before each Sunday or month end, dated that day', async () => {
    const week = JSON.parse((await kam(['trend', '--every', 'week', '-f', 'json', '--today', '2026-10-20'], { cwd: story.dir })).stdout);
    const short = (i: number) => story.commits[i]!.sha.slice(0, 7);
    expect(week.points.map((p: { date: string; commit: string | null }) => [p.date, p.commit])).toEqual([
      ['2026-09-06', short(0)], ['2026-09-13', short(0)], ['2026-09-20', short(1)], ['2026-09-27', short(1)], ['2026-10-04', short(1)], ['2026-10-11', short(2)], ['2026-10-18', short(3)], ['2026-10-20', null],
    ]);
    const csv = (await kam(['trend', '--every', 'month', '--since', '2026-10-01', '-f', 'csv', '--today', TODAY], { cwd: story.dir })).stdout.split('\r\n');
    expect(csv[0]).toBe('date,commit,account,name,score,tier,health,band,coverage');
    expect(csv.filter((l) => l.startsWith(`2026-10-31,${short(3)},acme,Acme Group,`))).toHaveLength(1);
    expect(csv.filter((l) => l.startsWith(`${TODAY},work tree,gamma,Gamma,`))).toHaveLength(1);
    const monthJson = JSON.parse((await kam(['trend', '--every', 'month', '--since', '2026-10-01', '-f', 'json', '--today', TODAY], { cwd: story.dir })).stdout);
    expect(monthJson.points.map((p: { date: string }) => p.date)).toEqual(['2026-10-31', '2026-11-30', TODAY]);
  });

  it('--since REV starts at that commit; accounts, --tier and --manager select', async () => {
    const since = JSON.parse((await kam(['trend', '--since', story.commits[3]!.sha, 'gamma', 'Acme Group', '-f', 'json', '--today', TODAY], { cwd: story.dir })).stdout);
    expect(since.points.map((p: { date: string }) => p.date)).toEqual(['2026-10-12', '2026-11-02', TODAY]);
    expect(since.accounts.map((a: { id: string }) => a.id)).toEqual(['gamma', 'acme']);
    expect(since.accounts[0].series[0]).toBeNull();
    const managed = await kam(['trend', '--manager', 'dana whitfield', '--today', TODAY, '-f', 'json'], { cwd: story.dir });
    expect(JSON.parse(managed.stdout).accounts).toHaveLength(3);
    const nobody = await kam(['trend', '--manager', 'Nobody', '--today', TODAY], { cwd: story.dir });
    expect(nobody.code).toBe(2);
    const tier = await kam(['trend', '--tier', 'Nope', '--today', TODAY], { cwd: story.dir });
    expect(tier.code).toBe(2);
    expect(tier.stderr).toContain('--tier "Nope" is not a tier');
  });

  it('a sparkline on a terminal only; markdown; bad input', async () => {
    const tty = await kam(['trend', '--today', TODAY], { cwd: story.dir, tty: { columns: 120 } });
    expect(tty.stdout).toMatch(/[▁▂▃▄▅▆▇█]/);
    const pipe = await kam(['trend', '--today', TODAY], { cwd: story.dir });
    expect(pipe.stdout).not.toMatch(/[▁▂▃▄▅▆▇█]/);
    expect(pipe.stdout).toContain('Points that could not be evaluated:');
    expect(pipe.stdout).toMatch(/│ Coverage +│/);
    expect(pipe.stdout).toContain('20.0% → 40.0%');
    const md = await kam(['trend', '-f', 'md', '--today', TODAY], { cwd: story.dir });
    expect(md.stdout).toContain('| Acme Group (`acme`) |');
    const before = await kam(['trend', '--since', '2020-01-01', '--today', TODAY, '-f', 'json'], { cwd: story.dir });
    expect(before.code).toBe(0);
    expect(before.stderr).toContain('is before the first commit (2026-09-01)');
    const unknown = await kam(['trend', '--since', 'no-such-tag', '--today', TODAY], { cwd: story.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown revision "no-such-tag"');
    const noAccount = await kam(['trend', 'zeta', '--today', TODAY], { cwd: story.dir });
    expect(noAccount.code).toBe(2);
  });

  it('in a shallow clone says how far history goes and that fetch-depth: 0 fixes it', async () => {
    const shallow = tmpDir('kam-trend-shallow-');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${story.dir}`, shallow], { stdio: 'ignore', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    writeFileSync(join(shallow, 'unrelated.txt'), 'x');
    const run = await kam(['trend', '--since', '2026-01-01', '--today', TODAY, '-f', 'json'], { cwd: shallow });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('shallow clone: its history goes back to 2026-11-02 only');
    expect(run.stderr).toContain('fetch-depth: 0');
    expect(JSON.parse(run.stdout).points.at(-1)).toEqual({ date: TODAY, commit: null });
  });
});
