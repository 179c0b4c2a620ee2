// kam render --portfolio --since REV (spec 1.2, section 8) on a real git history: each account's
// place on the matrix at the revision (read with that revision's kam.yaml), an arrow to now, and
// the tier changes.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { git } from '../helpers/gitRepo.js';
import { kam } from '../helpers/kamInProcess.js';
import { tmpDir } from '../helpers/tmpRepo.js';
import { buildStory, write } from './git.fixture.js';

const TODAY = ['--today', '2026-07-01'];
const attr = (tag: string, name: string) => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(tag)![1]);
/** The SVG element of `kind` (`circle class="bubble"`, `circle class="was"`, `line class="move"`) for an account. */
function element(html: string, kind: 'bubble' | 'was' | 'move', id: string): string | undefined {
  const data = kind === 'bubble' ? 'data-account' : kind === 'was' ? 'data-was' : 'data-move';
  return new RegExp(`<(?:circle|line) class="${kind}" ${data}="${id}"[^>]*>`).exec(html)?.[0];
}

/** The portfolio as kam renders it in a checkout of `sha` (a clone, so the story stays as it is). */
async function portfolioAt(dir: string, sha: string): Promise<string> {
  const root = tmpDir('kam-moves-checkout-');
  execFileSync('git', ['clone', '-q', dir, root], { stdio: 'ignore', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  git(root, 'checkout', '-q', sha);
  const run = await kam(['render', '--portfolio', '-f', 'html', ...TODAY], { cwd: root });
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

describe('kam render --portfolio --since', () => {
  const story = buildStory();

  it('marks where each account was at the revision, with an arrow from there to its bubble now', async () => {
    const run = await kam(['render', '--portfolio', '--since', story.c.add, '-f', 'html', ...TODAY], { cwd: story.dir });
    expect(run.code, run.stderr).toBe(0);
    const html = run.stdout;
    // acme went from all 3s to all 5s: its mark sits where its bubble was drawn at that commit.
    const then = await portfolioAt(story.dir, story.c.add);
    const was = element(html, 'was', 'acme')!;
    const bubbleThen = element(then, 'bubble', 'acme')!;
    expect([attr(was, 'cx'), attr(was, 'cy')]).toEqual([attr(bubbleThen, 'cx'), attr(bubbleThen, 'cy')]);
    // The arrow runs from the mark's edge to the bubble's edge, pointing at the bubble.
    const move = element(html, 'move', 'acme')!;
    const bubble = element(html, 'bubble', 'acme')!;
    const [mx, my, bx, by, r] = [attr(was, 'cx'), attr(was, 'cy'), attr(bubble, 'cx'), attr(bubble, 'cy'), attr(bubble, 'r')];
    expect(Math.hypot(attr(move, 'x1') - mx, attr(move, 'y1') - my)).toBeCloseTo(attr(was, 'r'), 0);
    expect(Math.hypot(attr(move, 'x2') - bx, attr(move, 'y2') - by)).toBeCloseTo(r, 0);
    expect(Math.hypot(attr(move, 'x2') - mx, attr(move, 'y2') - my)).toBeLessThan(Math.hypot(bx - mx, by - my));
    expect(move).toContain('marker-end="url(#kam-move-arrow)"');
    expect(html).toContain('<marker id="kam-move-arrow"');
    // initech is globex renamed (a new id): it has no earlier place, so no mark.
    expect(element(html, 'bubble', 'initech')).toBeDefined();
    expect(element(html, 'was', 'initech')).toBeUndefined();
    expect(html).toContain(`A hollow mark and an arrow show where an account was at ${story.c.add} (${story.c.add.slice(0, 12)}, 10 Jan 2026): 1 account moved.`);
    // The tier changes: acme up, initech new, globex gone.
    const table = /<table class="small tier-changes">[\s\S]*?<\/table>/.exec(html)![0];
    const rows = [...table.matchAll(/<tr><td>([^<]+) <span class="muted">\(([^)]+)\)<\/span><\/td><td><span[^>]*>([^<]+)<\/span><\/td><td><span[^>]*>([^<]+)<\/span><\/td><\/tr>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['Acme Corp', 'acme', 'Tier 3', 'Tier 1'],
      ['Globex', 'initech', 'new', 'Not key'],
      ['Globex', 'globex', 'Not key', 'removed'],
    ]);
  });

  it('an unmoved account gets no mark; markdown lists the tier changes; a revision with an invalid kam.yaml is a usage error', async () => {
    const md = await kam(['render', '--portfolio', '--since', story.c.rename, ...TODAY], { cwd: story.dir });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('### Tier changes since');
    expect(md.stdout).toContain('No account moved on the matrix');
    expect(md.stdout).toContain('No account changed tier.');
    const html = await kam(['render', '--portfolio', '--since', story.c.rename, '-f', 'html', ...TODAY], { cwd: story.dir });
    expect(html.stdout).not.toContain('class="was"');
    const plain = await kam(['render', '--portfolio', '-f', 'html', ...TODAY], { cwd: story.dir });
    expect(plain.stdout).not.toContain('kam-move-arrow');
    expect(plain.stdout).not.toContain('Tier changes');
    write(story.dir, { 'kam.yaml': 'version: [oops\n' });
    git(story.dir, 'commit', '-qam', 'break kam.yaml');
    const broken = git(story.dir, 'rev-parse', 'HEAD');
    git(story.dir, 'revert', '--no-edit', 'HEAD');
    const bad = await kam(['render', '--portfolio', '--since', broken, ...TODAY], { cwd: story.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`kam.yaml is invalid at ${broken}: kam.yaml:2:1 `);
    expect(bad.stderr).toContain("pick a revision whose kam.yaml is valid for --since");
    const noSince = await kam(['render', 'acme', '--since', story.c.add, ...TODAY], { cwd: story.dir });
    expect(noSince.code).toBe(2);
    expect(noSince.stderr).toContain('--since goes with --template qbr');
  });
});
