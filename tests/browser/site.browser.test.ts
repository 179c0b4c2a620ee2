// kam site in real headless Chromium: the example repo (with a hostile account name, stakeholder
// and manager, and a second commit so --since has movement and a trend) built into a site, then
// every page opened from file:// and from a sub-path of a local web server. Every link resolves,
// no request leaves the folder, no console error, axe-core finds no serious or critical
// violation, no sideways scroll at 390 px, sorting and filtering work, user text never runs.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAll, gitInit } from '../helpers/gitRepo.js';
import { EXAMPLE, kam } from '../helpers/kamInProcess.js';
import { copyRepo, makeRepo, tmpDir } from '../helpers/tmpRepo.js';
import { sharedBrowser } from './sharedBrowser.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const EVIL = `Evil <script>window.__pwned = 1</script> "Quoted" 'Corp' <img src=x onerror="window.__pwned = 2">`;
const EVIL_PERSON = `Mallory "<b>bold</b>" O'Hara<script>window.__pwned = 3</script>`;
const TODAY = '2026-11-23';
const SUB = '/plans/site/';

let browser: Browser;
let repo: string;
let site: string;
let pages: string[];
let server: Server;
let base: string;

/** Every file of the site, relative, with `/`. */
function siteFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? siteFiles(dir, `${prefix}${d.name}/`) : [`${prefix}${d.name}`])).sort();
}

beforeAll(async () => {
  repo = copyRepo(EXAMPLE);
  gitInit(repo);
  commitAll(repo, 'the example', '2026-10-01');
  // Second commit: a hostile account name and people, and a plan change, so --since HEAD~1 has movement.
  const account = join(repo, 'accounts/kestrel-retail.yaml');
  writeFileSync(account, readFileSync(account, 'utf8').replace(/^name: .*$/m, `name: ${JSON.stringify(EVIL)}`).replace(/^manager: .*$/m, `manager: ${JSON.stringify(EVIL_PERSON)}`));
  const plan = join(repo, 'plans/kestrel-retail.yaml');
  writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^stakeholders:\n/m, `stakeholders:\n  - name: ${JSON.stringify(`Stakeholder ${EVIL_PERSON}`)}\n    title: ${JSON.stringify('CFO </td></tr></table><script>window.__pwned = 4</script>')}\n`));
  commitAll(repo, 'hostile names', '2026-11-01');
  // kam in-process (main(argv, io), caches off): building the site needs no process of its own.
  const run = await kam(['site', '--out', 'site', '--since', 'HEAD~1', '--today', TODAY], { cwd: repo });
  expect(run.code, run.stderr).toBe(0);
  site = join(repo, 'site');
  pages = siteFiles(site).filter((f) => f.endsWith('.html'));
  // Today's plan document (kam render), which the site's account pages are made of.
  const render = await kam(['render', 'banco-austral', '-f', 'html', '--out', 'rendered', '--today', TODAY], { cwd: repo });
  expect(render.code, render.stderr).toBe(0);

  // A web server that serves the site under a sub-path, as GitHub or GitLab Pages of a project do.
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(SUB)) return void res.writeHead(404).end();
    const rel = normalize(decodeURIComponent(url.pathname.slice(SUB.length)) || 'index.html');
    const file = join(site, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (rel.startsWith('..') || !existsSync(file)) return void res.writeHead(404).end();
    const type = { '.html': 'text/html; charset=utf-8', '.ics': 'text/calendar; charset=utf-8' }[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${SUB}`;
  browser = await sharedBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
});

interface Opened {
  page: Page;
  errors: string[];
  /** Requests for anything outside the site's folder (all refused). */
  outside: string[];
}

/** Opens a page with every request outside `root` refused and recorded, console errors collected. */
async function open(url: string, root: string, width = 1280): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith(root)) return route.continue();
    outside.push(target);
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, outside };
}

const fileRoot = () => pathToFileURL(site).href + '/';

/**
 * Opens every page of `rels` (relative to `root`) and runs `check` on it, two pages at a time (in
 * two tabs: Chromium renders each in a process of its own; more tabs cost more CPU than they save
 * on two cores). Each tab goes from page to page: a navigation is a fresh document, with its own
 * DOM, scripts, console and requests, recorded anew, at a fraction of the CPU of a new tab per page
 * (and axe-core's script compiles once per tab). Every page still gets every assertion.
 */
async function eachPage(rels: readonly string[], root: string, width: number, check: (opened: Opened, rel: string) => Promise<void>, limit = 2): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, rels.length) }, async () => {
    const tab = await open('about:blank', root, width);
    while (next < rels.length) {
      const rel = rels[next++]!;
      tab.errors.length = 0;
      tab.outside.length = 0;
      await tab.page.goto(new URL(rel, root).href, { waitUntil: 'load' });
      await check(tab, rel);
    }
    await tab.page.close();
  }));
}

/** axe-core's serious and critical violations on the page (every rule axe has, best-practice included). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** What a page showed when it was opened: its links, anything it loaded, console errors, traces of user text that ran. */
interface Seen {
  hrefs: string[];
  sources: string[];
  errors: string[];
  outside: string[];
}

/** The links of the open page, the elements that would load something, and (a copy of) what open() recorded so far. */
async function linksOf({ page, errors, outside }: Opened): Promise<Seen> {
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  const sources = await page.$$eval('[src], link[href]', (els) => els.map((e) => e.getAttribute('src') ?? e.getAttribute('href') ?? ''));
  return { hrefs, sources, errors: [...errors], outside: [...outside] };
}

// Each page is opened twice, and each opening serves several tests (the assertions stay in the tests
// below; these only record what the browser showed):
// - from file:// at 1280 px: links, loads and console errors; then the traces of user text that
//   could have run (before axe's own script is added); then axe-core;
// - from a sub-path of the web server at 390 px: links, loads and console errors; sideways scroll;
//   axe-core on one page of each kind (below).
// The plan document of kam render is opened from file:// at both widths for axe-core.
//
// axe-core at 390 px runs on one page of each kind: the index, the agenda, the findings, one
// account page (banco-austral: the fullest plan, with the power map, whitespace and numbers) and
// the rendered plan document. The site's pages share one stylesheet and each kind one template, so
// what the narrow layout changes (the media queries) is the same on every page of a kind; every
// page still gets axe at 1280 px and the sideways-scroll check at 390 px. (The site has no HTML
// page per person: people get calendars, people/*.ics.)
const NARROW_AXE = ['index.html', 'agenda.html', 'findings.html', 'accounts/banco-austral.html'];

let wide: Map<string, Seen & { pwned: unknown; scripts: number; imgOrB: number; violations: string[] }>;
let narrow: Map<string, Seen & { scroll: number; width: number; wide: string[]; violations?: string[] }>;
let rendered: { width: number; violations: string[] }[];

describe('kam site in Chromium', () => {
  beforeAll(async () => {
    wide = new Map();
    narrow = new Map();
    await eachPage(pages, fileRoot(), 1280, async (opened, rel) => {
      const seen = await linksOf(opened);
      const { page } = opened;
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
      const scripts = await page.locator('script').count();
      const imgOrB = await page.locator('img, b').count();
      wide.set(rel, { ...seen, pwned, scripts, imgOrB, violations: await axeViolations(page) });
    });
    await eachPage(pages, base, 390, async (opened, rel) => {
      const seen = await linksOf(opened);
      const { page } = opened;
      const layout = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: window.innerWidth,
        // What sticks out, to say why: elements whose right edge passes the viewport.
        wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map((e) => `${e.tagName}.${e.className}`),
      }));
      narrow.set(rel, { ...seen, ...layout, ...(NARROW_AXE.includes(rel) ? { violations: await axeViolations(page) } : {}) });
    });
    rendered = [];
    for (const width of [1280, 390]) {
      const { page } = await open(pathToFileURL(join(repo, 'rendered/banco-austral.html')).href, 'file://', width);
      rendered.push({ width, violations: await axeViolations(page) });
      await page.close();
    }
  }, 600_000);

  it('writes the pages the spec lists', () => {
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'agenda.html', 'findings.html', 'accounts/banco-austral.html', 'accounts/kestrel-retail.html']));
    expect(existsSync(join(site, 'agenda.ics'))).toBe(true);
    expect(siteFiles(site).some((f) => /^people\/[a-z0-9-]+\.ics$/.test(f))).toBe(true);
  });

  for (const where of ['file', 'http'] as const) {
    it(`every link of every page resolves, nothing is loaded from outside, no console error (${where === 'file' ? 'file://' : 'a sub-path of a web server'})`, async () => {
      const root = where === 'file' ? fileRoot() : base;
      const seenBy = where === 'file' ? wide : narrow;
      expect([...seenBy.keys()].sort()).toEqual([...pages].sort());
      // Each address is fetched once (the server is static); every link is checked against it.
      const status = new Map<string, Promise<number>>();
      for (const rel of pages) {
        const { hrefs, sources, errors, outside } = seenBy.get(rel)!;
        expect(sources, rel).toEqual([]);
        expect(errors, rel).toEqual([]);
        expect(outside, rel).toEqual([]);
        for (const href of hrefs) {
          expect(href.startsWith(root), `${rel} links outside the site: ${href}`).toBe(true);
          const target = href.split('#')[0]!;
          if (where === 'file') expect(existsSync(new URL(target)), `${rel} -> ${href}`).toBe(true);
          else {
            if (!status.has(target)) status.set(target, fetch(target).then((r) => r.status));
            expect(await status.get(target), `${rel} -> ${href}`).toBe(200);
          }
        }
        // Links are written relative: the HTML never names the folder, a server or a scheme.
        const html = readFileSync(join(site, rel), 'utf8');
        expect(html, rel).not.toMatch(/(href|src)="(\/|[a-z]+:)/i);
      }
    });
  }

  it('axe-core finds no serious or critical violation on any page, nor in the plan document of kam render', () => {
    for (const rel of pages) expect(wide.get(rel)!.violations, `${rel} at 1280 px`).toEqual([]);
    for (const rel of NARROW_AXE) expect(narrow.get(rel)!.violations, `${rel} at 390 px`).toEqual([]);
    expect(rendered.map((r) => r.width)).toEqual([1280, 390]);
    for (const { width, violations } of rendered) expect(violations, `rendered/banco-austral.html at ${width} px`).toEqual([]);
  });

  it('no page scrolls sideways on a 390 px phone', () => {
    for (const rel of pages) {
      const { scroll, width, wide: sticking } = narrow.get(rel)!;
      expect(width, rel).toBe(390);
      expect(scroll, `${rel}: ${sticking.join(', ')}`).toBeLessThanOrEqual(width);
    }
  });

  it('user text is escaped on every page: shown as text, never run', async () => {
    for (const rel of pages) {
      const { pwned, scripts, imgOrB } = wide.get(rel)!;
      expect(pwned, rel).toBeUndefined();
      // Only the index has a script, kam's own; no page has an <img> or <b> from user text.
      expect(scripts, rel).toBe(rel === 'index.html' ? 1 : 0);
      expect(imgOrB, rel).toBe(0);
    }
    const { page } = await open(new URL('index.html', fileRoot()).href, fileRoot());
    await expect.poll(() => page.getByRole('link', { name: EVIL, exact: true }).count()).toBe(1);
    expect(await page.locator('tbody tr', { hasText: EVIL_PERSON }).count()).toBe(1);
    await page.close();
    const account = await open(new URL('accounts/kestrel-retail.html', fileRoot()).href, fileRoot());
    expect(await account.page.locator('h1').innerText()).toContain(EVIL);
    expect(await account.page.getByText('CFO </td></tr></table><script>window.__pwned = 4</script>').count()).toBeGreaterThan(0);
    await account.page.close();
  });

  it('the index sorts by a column and filters by manager, tier, band and a search over stakeholders', async () => {
    const { page, errors } = await open(new URL('index.html', fileRoot()).href, fileRoot());
    const visibleNames = () => page.$$eval('#portfolio tbody tr:not([hidden]):not(.paged-out) td:nth-child(2)', (tds) => tds.map((td) => td.textContent!.trim()));
    const scores = () => page.$$eval('#portfolio tbody tr:not([hidden]) td:nth-child(5)', (tds) => tds.map((td) => parseFloat(td.textContent!)).filter((n) => !Number.isNaN(n)));
    const all = await visibleNames();
    expect(all.length).toBe(15);

    await page.getByRole('button', { name: 'Score' }).click();
    const up = await scores();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toBe('Score');
    await page.getByRole('button', { name: 'Score' }).click();
    const down = await scores();
    expect(down).toEqual([...up].sort((a, b) => b - a));

    await page.locator('#f-manager').selectOption('Dana Whitfield');
    const managers = await page.$$eval('#portfolio tbody tr:not([hidden]) td:nth-child(3)', (tds) => tds.map((td) => td.textContent!.trim()));
    expect(managers.length).toBeGreaterThan(0);
    expect(new Set(managers)).toEqual(new Set(['Dana Whitfield']));
    await page.locator('#f-manager').selectOption('');

    await page.locator('#f-tier').selectOption('Tier 1');
    const tiers = await page.$$eval('#portfolio tbody tr:not([hidden]) td:nth-child(4)', (tds) => tds.map((td) => td.textContent!.trim()));
    expect(tiers.length).toBeGreaterThan(0);
    expect(new Set(tiers)).toEqual(new Set(['Tier 1']));
    await page.locator('#f-tier').selectOption('');

    const bandOption = await page.locator('#f-band option').nth(1).getAttribute('value');
    await page.locator('#f-band').selectOption(bandOption!);
    const bands = await page.$$eval('#portfolio tbody tr:not([hidden])', (trs) => trs.map((tr) => tr.getAttribute('data-b')));
    expect(bands.length).toBeGreaterThan(0);
    expect(new Set(bands)).toEqual(new Set([bandOption]));
    await page.locator('#f-band').selectOption('');

    // A stakeholder of one plan finds that account only; a person on our team finds theirs.
    const plan = readFileSync(join(repo, 'plans/banco-austral.yaml'), 'utf8');
    const stakeholder = /stakeholders:\n\s+- (?:id: \S+\n\s+)?name: "?([^"\n]+)"?/.exec(plan)![1]!;
    await page.getByRole('searchbox', { name: 'Search' }).fill(stakeholder.toUpperCase());
    expect(await visibleNames()).toEqual(['Banco Austral']);
    await page.getByRole('searchbox', { name: 'Search' }).fill('no such person anywhere');
    expect(await visibleNames()).toEqual([]);
    expect(await page.locator('#shown').innerText()).toContain('0 of 15');
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    expect((await visibleNames()).length).toBe(15);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without JavaScript the whole table is there and the controls are not shown', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('index.html', fileRoot()).href);
    expect(await page.locator('#portfolio tbody tr:visible').count()).toBe(15);
    expect(await page.locator('#controls').isVisible()).toBe(false);
    await context.close();
  });

  it('account pages carry the navigation, the power map, the numbers and, with --since, the trend', async () => {
    const { page } = await open(new URL('accounts/banco-austral.html', fileRoot()).href, fileRoot());
    await expect.poll(() => page.getByRole('navigation', { name: 'Site' }).getByRole('link').count()).toBe(3);
    expect(await page.locator('#relationships h2').innerText()).toBe('Power map');
    expect(await page.locator('#trend h2').innerText()).toBe('Trend since HEAD~1');
    expect(await page.locator('#trend tbody tr').count()).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});

describe('kam site index with many accounts', () => {
  it('pages the table 100 rows at a time; filters and sorting work across every page', async () => {
    const files: Record<string, string> = { 'kam.yaml': readFileSync(join(EXAMPLE, 'kam.yaml'), 'utf8') };
    for (let i = 0; i < 250; i++) {
      const id = `account-${String(i).padStart(3, '0')}`;
      const r = (k: number) => 1 + ((i * 7 + k * 13) % 5);
      files[`accounts/${id}.yaml`] =
        `id: ${id}\nname: Customer ${i}\nmanager: Manager ${i % 3}\nratings:\n  current_revenue: ${r(0)}\n  growth_potential: ${r(1)}\n  renewal_likelihood: ${r(2)}\n  win_now_likelihood: ${r(3)}\n  effort: ${r(4)}\n  relationship_strength: ${r(5)}\n  fit: ${r(6)}\n  logo: ${r(7)}\n`;
    }
    const big = makeRepo(files);
    const run = await kam(['site', '--today', TODAY], { cwd: big });
    expect(run.code, run.stderr).toBe(0);
    const root = pathToFileURL(join(big, 'site')).href + '/';
    const { page, errors } = await open(new URL('index.html', root).href, root);
    const onPage = () => page.$$eval('#portfolio tbody tr:not([hidden]):not(.paged-out) td:first-child', (tds) => tds.map((td) => Number(td.textContent)));
    expect(await onPage()).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await page.locator('#page').textContent()).toBe('Rows 1–100 of 250');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    expect(await onPage()).toEqual(Array.from({ length: 100 }, (_, i) => i + 101));
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    expect((await onPage()).length).toBe(50);
    expect(await page.getByRole('button', { name: 'Next', exact: true }).isDisabled()).toBe(true);
    // A filter searches every account, not the page shown, and starts again at the first page.
    await page.locator('#f-manager').selectOption('Manager 1');
    expect(await page.locator('#page').textContent()).toBe('Rows 1–83 of 83');
    expect(await page.locator('#pager').isVisible()).toBe(false);
    await page.locator('#f-manager').selectOption('');
    await page.locator('#portfolio thead th button').first().click();
    await page.locator('#portfolio thead th button').first().click();
    expect((await onPage())[0]).toBe(250);
    // Printed, every row is there (paging is for the screen), and no control or navigation.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#portfolio tbody tr:visible').count()).toBe(250);
    expect(await page.locator('nav.site').isVisible()).toBe(false);
    expect(await page.locator('#controls').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
