// Bad input for the history commands (issue #28): a hand-written digest that is not one, a long
// history read by month, and revisions a shallow clone does not have.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { computeTrend } from '../../src/history/trend.js';
import { git } from '../helpers/gitRepo.js';
import { kam } from '../helpers/kamInProcess.js';
import { makeRepo, tmpDir } from '../helpers/tmpRepo.js';
import { account, buildStory, KAM_YAML } from './git.fixture.js';

const ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };

/**
 * `count` commits, one every 12 hours from 2020-01-01, each re-rating acme (git fast-import: a
 * process per commit would take minutes); beta never changes after the first.
 */
function longHistory(count: number): string {
  const dir = tmpDir('kam-long-history-');
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env: ENV });
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const start = Date.UTC(2020, 0, 1, 12) / 1000;
  let stream = '';
  for (let i = 0; i < count; i++) {
    stream += `commit refs/heads/main\nmark :${i + 1}\ncommitter Test <test@example.com> ${start + i * 43200} +0000\n${data(`Commit ${i + 1}`)}`;
    if (i > 0) stream += `from :${i}\n`;
    if (i === 0) stream += `M 100644 inline kam.yaml\n${data(KAM_YAML)}M 100644 inline accounts/beta.yaml\n${data(account('Beta', 4))}`;
    stream += `M 100644 inline accounts/acme.yaml\n${data(account('Acme', 1 + (i % 5)))}`;
  }
  execFileSync('git', ['-C', dir, 'fast-import', '--quiet'], { input: stream, env: ENV });
  execFileSync('git', ['-C', dir, 'checkout', '-q', 'main'], { env: ENV });
  return dir;
}

describe('history: bad input', () => {
  it('a digest written by hand that is not "sha256:" and 64 hex digits is a located schema error', async () => {
    const root = makeRepo({ 'accounts/acme.yaml': 'name: Acme\n', 'plans/acme.yaml': 'account: acme\nsignoffs:\n  - { by: Bo, date: 2026-11-20, digest: "sha256:9F2C" }\n' });
    const run = await kam(['validate', '-f', 'json'], { cwd: root });
    expect(run.code).toBe(1);
    const finding = JSON.parse(run.stdout).findings.find((f: { file: string }) => f.file === 'plans/acme.yaml');
    expect(finding).toMatchObject({ file: 'plans/acme.yaml', line: 3, severity: 'error' });
    expect(finding.message).toContain('must be "sha256:" followed by 64 lowercase hex digits');
  });

  it('5,000 commits read by month: one point a month, each blob read once, each file version parsed once', async () => {
    const dir = longHistory(5000);
    const data = await computeTrend(dir, { every: 'month', since: undefined, today: '2026-11-30' });
    // The ends of 2020-01 .. 2026-10 (November is still running on 2026-11-30's eve: the work
    // tree's point), then the work tree; not 5,000 points.
    const months = (2026 - 2020) * 12 + 10;
    expect(data.points).toHaveLength(months + 1);
    // acme has 5 versions and beta 1: however many points, at most that many files are parsed.
    expect(data.stats.filesLoaded).toBeLessThanOrEqual(6);
    expect(data.stats.blobsRead).toBeLessThanOrEqual(7);
    expect(data.accounts.map((a) => a.id)).toEqual(['acme', 'beta']);
    expect(data.accounts[1]!.series.every((e) => e !== null && e.score === data.accounts[1]!.series[0]!.score)).toBe(true);
  });

  it('in a shallow clone, a --since revision it lacks says so and that fetch-depth: 0 fixes it (portfolio and QBR alike)', async () => {
    const story = buildStory();
    const shallow = tmpDir('kam-moves-shallow-');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${story.dir}`, shallow], { stdio: 'ignore', env: ENV });
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');
    for (const args of [['--portfolio'], ['acme', '--template', 'qbr']]) {
      const run = await kam(['render', ...args, '--since', story.c.add, '--today', '2026-07-01'], { cwd: shallow });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(`revision "${story.c.add}" is not in this shallow clone`);
      expect(run.stderr).toContain('fetch-depth: 0');
    }
  });
});
