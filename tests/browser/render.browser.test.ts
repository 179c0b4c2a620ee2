// Loads kam's HTML documents in real headless Chromium (Debian's /usr/bin/chromium, installed
// by globalSetup.ts): no console errors, user text never executes, one bubble per scored
// account. Saves screenshots and A4 PDFs into test-artifacts/ for a human to look at.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRepo } from '../../src/load/loadRepo.js';
import { scorePortfolio } from '../../src/score/portfolio.js';
import { EXAMPLE, kam } from '../helpers/kamInProcess.js';
import { copyRepo, tmpDir } from '../helpers/tmpRepo.js';
import { sharedBrowser } from './sharedBrowser.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const EVIL_NAME = 'Evil <script>window.__pwned = 1</script> Corp <img src=x onerror="window.__pwned = 2">';

let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await sharedBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Renders with kam (in-process, caches off: no process needed) into a folder and returns the path of `<name>.html`. */
async function renderHtml(repo: string, args: string[], name: string): Promise<string> {
  const out = tmpDir('kam-browser-');
  const run = await kam(['render', ...args, '-f', 'html', '--out', out, '--today', '2026-11-23'], { cwd: repo });
  expect(run.code, run.stderr).toBe(0);
  return join(out, `${name}.html`);
}

let tab: Page | undefined;
let current: { url: string; errors: string[]; requests: string[] } = { url: '', errors: [], requests: [] };

/**
 * Opens a file, collecting console errors, page errors and any network request. The tests share
 * one tab: each file is a navigation (a fresh document, recorded anew), at a fraction of
 * Chromium's CPU for a new tab each time.
 */
async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  if (!tab) {
    const page = (tab = await browser.newPage({ viewport: { width: 1280, height: 900 } }));
    page.on('console', (m) => {
      if (m.type() === 'error') current.errors.push(m.text());
    });
    page.on('pageerror', (e) => current.errors.push(e.message));
    page.on('request', (r) => {
      if (r.url() !== current.url) current.requests.push(r.url());
    });
  }
  current = { url: pathToFileURL(file).href, errors: [], requests: [] };
  await tab.goto(current.url, { waitUntil: 'load' });
  return { page: tab, errors: current.errors, requests: current.requests };
}

async function saveArtifacts(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(ARTIFACTS, `${name}.pdf`), pdf);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

describe('rendered HTML in headless Chromium', () => {
  // The example's portfolio, rendered once for the two tests that open it.
  let portfolio: string;
  beforeAll(async () => {
    portfolio = await renderHtml(EXAMPLE, ['--portfolio'], 'portfolio');
  });

  it('shows the example plan without console errors or requests, and prints it to an A4 PDF', async () => {
    const { page, errors, requests } = await open(await renderHtml(EXAMPLE, ['kestrel-retail'], 'kestrel-retail'));
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('h1').textContent()).toBe('Kestrel Retail Group');
    expect(await page.locator('section').count()).toBeGreaterThanOrEqual(11);
    expect(await page.locator('#actions tr.flagged').count()).toBe(2);
    // Laid out for a laptop: nothing wider than the viewport.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await saveArtifacts(page, 'plan-kestrel-retail');
  });

  it('colours the portfolio bubbles by health band when the toggle is on, and by tier when off', async () => {
    const { page, errors } = await open(portfolio);
    expect(errors).toEqual([]);
    const fill = (id: string) => page.locator(`svg circle.bubble[data-account="${id}"]`).evaluate((e) => getComputedStyle(e).fill);
    // calloway-health is Tier 1 (blue) and amber; andes-agro has no plan.
    const tierColour = await fill('calloway-health');
    expect(tierColour).toBe('rgb(29, 78, 216)');
    await page.locator('label[for="by-health"]').click();
    expect(await fill('calloway-health')).toBe('rgb(217, 119, 6)');
    expect(await fill('meridian-freight')).toBe('rgb(22, 163, 74)');
    expect(await fill('andes-agro')).toBe('rgb(209, 213, 219)');
    expect(await page.locator('.legend.bands').isVisible()).toBe(true);
    expect(await page.locator('.legend.tiers').isVisible()).toBe(false);
    await page.locator('label[for="by-health"]').click();
    expect(await fill('calloway-health')).toBe(tierColour);
  });

  it('draws the example portfolio matrix with exactly one bubble per scored account', async () => {
    const loaded = await loadRepo(EXAMPLE);
    if (!loaded.ok) throw new Error('the example does not load');
    const scored = scorePortfolio(loaded.repo).accounts.filter((a) => a.current !== null && a.potential !== null).map((a) => a.id);
    const { page, errors, requests } = await open(portfolio);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const bubbles = await page.locator('svg circle.bubble').evaluateAll((els) => els.map((e) => e.getAttribute('data-account')));
    expect(bubbles.sort()).toEqual(scored.sort());
    // Each bubble is drawn with a real size inside the SVG.
    const boxes = await page.locator('svg circle.bubble').evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBBox().width));
    for (const w of boxes) expect(w).toBeGreaterThan(5);
    // The labels the browser actually drew do not overlap.
    const labels = await page.locator('svg text.label').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    const overlaps = labels.flatMap((a, i) => labels.slice(i + 1).filter((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h));
    expect(overlaps).toEqual([]);
    await saveArtifacts(page, 'portfolio');
  });

  it('never runs an account name containing <script>: it shows as literal text', async () => {
    const repo = copyRepo(EXAMPLE);
    const file = join(repo, 'accounts/banco-austral.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: Banco Austral', `name: '${EVIL_NAME.replace(/'/g, "''")}'`));
    for (const [args, name] of [[['banco-austral'], 'banco-austral'], [['--portfolio'], 'portfolio']] as const) {
      const { page, errors } = await open(await renderHtml(repo, [...args], name));
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('body').innerText()).toContain('Evil <script>window.__pwned = 1</script> Corp');
      if (name === 'banco-austral') {
        expect(await page.locator('h1').textContent()).toBe(EVIL_NAME);
        await saveArtifacts(page, 'plan-hostile-name');
      }
    }
  });
});
