// kam site end to end (kam's main() in-process on copies of the example repo): what it writes, that a
// rebuild with nothing changed rewrites nothing, the calendars (parsed by ical.js), the write
// guard, pages of deleted accounts, --since outside git, and the index's size at scale.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { MATRIX_MAX } from '../../src/site/model.js';
import { EXAMPLE, kam } from '../helpers/kamInProcess.js';
import { copyRepo, makeRepo, tmpDir } from '../helpers/tmpRepo.js';

const TODAY = '2026-11-23';
// In-process (main(argv, io), caches off): nothing here needs a process of its own.
const site = (cwd: string, ...args: string[]) => kam(['site', '--today', TODAY, ...args], { cwd });

function files(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(dir, `${prefix}${d.name}/`) : [`${prefix}${d.name}`])).sort();
}

describe('kam site', () => {
  // The example built once for the two tests that only read what it wrote.
  let built: Promise<{ repo: string; run: Awaited<ReturnType<typeof site>> }> | undefined;
  const example = () => (built ??= (async () => {
    const repo = copyRepo(EXAMPLE);
    return { repo, run: await site(repo) };
  })());

  it('writes the index, a page per account, the agenda with calendars and the findings into site/', async () => {
    const { repo, run } = await example();
    expect(run.code, run.stderr).toBe(0);
    const written = files(join(repo, 'site'));
    const accounts = readdirSync(join(repo, 'accounts')).map((f) => `accounts/${f.replace(/\.yaml$/, '.html')}`);
    expect(written).toEqual(expect.arrayContaining(['index.html', 'agenda.html', 'agenda.ics', 'findings.html', ...accounts]));
    expect(written.filter((f) => f.startsWith('people/')).length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(new RegExp(`kam site: ${written.length} files in site/ \\(${written.length} created, 0 updated, 0 unchanged\\)`));
    // The index links every account's page; account pages link back.
    const index = readFileSync(join(repo, 'site/index.html'), 'utf8');
    for (const page of accounts) expect(index).toContain(`href="${page}"`);
    expect(readFileSync(join(repo, 'site/accounts/banco-austral.html'), 'utf8')).toContain('href="../index.html"');
  });

  it('rebuilding with nothing changed rewrites nothing: same bytes, files not touched', async () => {
    const repo = copyRepo(EXAMPLE);
    expect((await site(repo)).code).toBe(0);
    const before = new Map(files(join(repo, 'site')).map((f) => [f, { bytes: readFileSync(join(repo, 'site', f)), mtime: statSync(join(repo, 'site', f)).mtimeMs }]));
    const again = await site(repo);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/\(0 created, 0 updated, \d+ unchanged\)/);
    for (const [f, { bytes, mtime }] of before) {
      expect(readFileSync(join(repo, 'site', f)).equals(bytes), f).toBe(true);
      expect(statSync(join(repo, 'site', f)).mtimeMs, f).toBe(mtime);
    }
    // One plan edited: that account's page (and the pages that show it) change, nothing else.
    const plan = join(repo, 'plans/banco-austral.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^(\s+title: .*)$/m, '$1 (edited)'));
    const edited = await site(repo);
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stderr).toContain('updated site/accounts/banco-austral.html');
    expect(edited.stderr).not.toContain('calloway-health.html');
    expect(edited.stderr).toMatch(/\(0 created, \d updated, \d+ unchanged\)/);
  });

  it('writes calendars that ical.js reads: everything, and one per person with only their items', async () => {
    const { repo, run } = await example();
    expect(run.code).toBe(0);
    const events = (file: string) => new ICAL.Component(ICAL.parse(readFileSync(join(repo, 'site', file), 'utf8'))).getAllSubcomponents('vevent');
    const all = events('agenda.ics');
    expect(all.length).toBeGreaterThan(0);
    const people = readdirSync(join(repo, 'site/people'));
    let sum = 0;
    for (const file of people) {
      const mine = events(`people/${file}`);
      expect(mine.length, file).toBeGreaterThan(0);
      sum += mine.length;
      const uids = new Set(all.map((e) => e.getFirstPropertyValue('uid')));
      for (const e of mine) expect(uids.has(e.getFirstPropertyValue('uid')), file).toBe(true);
    }
    // Items with an owner are in exactly one person's calendar.
    const owned = all.filter((e) => !String(e.getFirstPropertyValue('description')).includes('Owner: nobody named')).length;
    expect(sum).toBe(owned);
    expect(readFileSync(join(repo, 'site/agenda.html'), 'utf8')).toContain(`href="people/${people[0]}"`);
  });

  it('keeps a file kam did not write (exit 2) unless --force', async () => {
    const repo = copyRepo(EXAMPLE);
    mkdirSync(join(repo, 'site'));
    writeFileSync(join(repo, 'site/index.html'), 'my own page\n');
    const run = await site(repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kam: kept site/index.html: it was not written by kam (use --force to replace it)');
    expect(readFileSync(join(repo, 'site/index.html'), 'utf8')).toBe('my own page\n');
    expect(existsSync(join(repo, 'site/agenda.html'))).toBe(true);
    expect((await site(repo, '--force')).code).toBe(0);
    expect(readFileSync(join(repo, 'site/index.html'), 'utf8')).toContain('generated by kam');
  });

  it('never writes through a committed link that leads out of the repo', async () => {
    const repo = copyRepo(EXAMPLE);
    const outside = tmpDir('kam-outside-');
    symlinkSync(outside, join(repo, 'site'));
    const run = await site(repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('site leads out of the repo (a symbolic link to elsewhere); kam writes only inside the repo');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('removes the pages of accounts that are gone, never a file kam did not write', async () => {
    const repo = copyRepo(EXAMPLE);
    expect((await site(repo)).code).toBe(0);
    writeFileSync(join(repo, 'site/accounts/mine.html'), 'my notes\n');
    rmSync(join(repo, 'accounts/andes-agro.yaml'));
    const run = await site(repo);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('removed site/accounts/andes-agro.html');
    expect(existsSync(join(repo, 'site/accounts/andes-agro.html'))).toBe(false);
    expect(readFileSync(join(repo, 'site/accounts/mine.html'), 'utf8')).toBe('my notes\n');
  });

  it('--since outside git says so and builds the site without movement or trend', async () => {
    const repo = copyRepo(EXAMPLE);
    const run = await site(repo, '--since', 'HEAD~1');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('is not in a git repository: --since is left out (no trend, no movement)');
    expect(readFileSync(join(repo, 'site/accounts/banco-austral.html'), 'utf8')).not.toContain('id="trend"');
  });

  it('--since draws where each account stood on the index matrix, with an arrow to now', async () => {
    const { buildExampleHistory, QUARTER_TAG } = await import('../../scripts/example-history.mjs');
    const repo = buildExampleHistory(tmpDir('kam-site-history-'));
    const run = await site(repo, '--since', QUARTER_TAG);
    expect(run.code, run.stderr).toBe(0);
    const index = readFileSync(join(repo, 'site/index.html'), 'utf8');
    // coralsea-telecom's growth potential was re-rated from 3 to 5 in November: it moved; banco-austral did not.
    expect(index).toContain('data-was="coralsea-telecom"');
    expect(index).toContain('data-move="coralsea-telecom"');
    expect(index).not.toContain('data-was="banco-austral"');
    // Without --since the same repo's index has no marks.
    expect((await site(repo)).code).toBe(0);
    expect(readFileSync(join(repo, 'site/index.html'), 'utf8')).not.toContain('data-was=');
  });

  it("uses the repo's own templates: templates/site/ for the site's pages, plan.html.hbs for account pages", async () => {
    const repo = copyRepo(EXAMPLE);
    mkdirSync(join(repo, 'templates/site'), { recursive: true });
    writeFileSync(join(repo, 'templates/site/findings.html.hbs'), '<!DOCTYPE html><html lang="en"><body><p>Our own list: {{accounts.length}} accounts</p></body></html>\n');
    writeFileSync(join(repo, 'templates/plan.html.hbs'), '<!DOCTYPE html><html lang="en"><body><h1>{{account.name}}</h1></body></html>\n');
    expect((await site(repo)).code).toBe(0);
    expect(readFileSync(join(repo, 'site/findings.html'), 'utf8')).toMatch(/<p>Our own list: \d+ accounts<\/p>/);
    const page = readFileSync(join(repo, 'site/accounts/banco-austral.html'), 'utf8');
    expect(page).toContain('<h1>Banco Austral</h1>');
    expect(page).toContain('<nav class="site" aria-label="Site">');
  });

  it('--out elsewhere and an empty --out', async () => {
    const repo = copyRepo(EXAMPLE);
    expect((await site(repo, '--out', 'public')).code).toBe(0);
    expect(existsSync(join(repo, 'public/index.html'))).toBe(true);
    const empty = await site(repo, '--out', ' ');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--out needs a folder name');
  });

  it('keeps the index bounded at scale: the matrix shows the highest-ranked accounts, the table every one, under 1 KB a row', async () => {
    const n = 1500;
    const accounts: Record<string, string> = {};
    for (let i = 0; i < n; i++) {
      const id = `account-${String(i).padStart(4, '0')}`;
      const r = (k: number) => 1 + ((i * 7 + k * 13) % 5);
      accounts[`accounts/${id}.yaml`] =
        `id: ${id}\nname: Customer ${i} Holdings\nmanager: Manager ${i % 30}\nrevenue: { current: ${50000 + ((i * 9973) % 3000000)} }\n` +
        `ratings:\n  current_revenue: ${r(0)}\n  growth_potential: ${r(1)}\n  renewal_likelihood: ${r(2)}\n  win_now_likelihood: ${r(3)}\n  effort: ${r(4)}\n  relationship_strength: ${r(5)}\n  fit: ${r(6)}\n  logo: ${r(7)}\n`;
    }
    const repo = makeRepo({ 'kam.yaml': readFileSync(join(EXAMPLE, 'kam.yaml'), 'utf8'), ...accounts });
    const run = await site(repo);
    expect(run.code, run.stderr).toBe(0);
    const index = readFileSync(join(repo, 'site/index.html'), 'utf8');
    expect(index.match(/<tr data-m=/g)?.length).toBe(n);
    expect(index.match(/<circle class="bubble"/g)?.length).toBe(MATRIX_MAX);
    expect(index).toContain(`The matrix shows the ${MATRIX_MAX} highest-ranked of the`);
    expect(Buffer.byteLength(index)).toBeLessThan(n * 1024);
  }, 300_000);
});
