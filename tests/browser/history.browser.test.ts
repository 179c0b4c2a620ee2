// The moving portfolio (kam render --portfolio --since, spec 1.2 section 8) in headless Chromium,
// on the example's git history: every mark and arrow is drawn where the model puts it, the
// labels keep clear of the marks, and it prints to PDF with kam's own printer.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExampleHistory, QUARTER_TAG } from '../../scripts/example-history.mjs';
import { kam } from '../helpers/kamInProcess.js';
import { tmpDir } from '../helpers/tmpRepo.js';
import { CHROMIUM } from './globalSetup.js';
import { sharedBrowser } from './sharedBrowser.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
let browser: Browser;
let repo: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  repo = buildExampleHistory(tmpDir('kam-browser-history-'));
  browser = await sharedBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the moving portfolio in Chromium', () => {
  it('draws a mark and an arrow for each account that moved, labels clear of the marks, and prints to PDF', async () => {
    const out = tmpDir('kam-browser-moves-');
    const html = await kam(['render', '--portfolio', '--since', QUARTER_TAG, '-f', 'html', '--out', out, '--today', '2026-11-23'], { cwd: repo });
    expect(html.code, html.stderr).toBe(0);
    const file = join(out, 'portfolio.html');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    // The example history moves meridian-freight (re-rated) and coralsea-telecom (Tier 3 to Tier 2).
    const was = await page.locator('svg circle.was').evaluateAll((els) => els.map((e) => e.getAttribute('data-was')).sort());
    expect(was).toEqual(['coralsea-telecom', 'meridian-freight']);
    const arrows = await page.locator('svg line.move').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-move'), w: (e as SVGGraphicsElement).getBBox().width, h: (e as SVGGraphicsElement).getBBox().height })));
    expect(arrows.map((a) => a.id).sort()).toEqual(was);
    for (const a of arrows) expect(Math.hypot(a.w, a.h), a.id!).toBeGreaterThan(6);
    // No label drawn over a mark.
    const boxes = (selector: string) =>
      page.locator(selector).evaluateAll((els) => els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      }));
    const labels = await boxes('svg text.label');
    const marks = await boxes('svg circle.was');
    const hits = marks.flatMap((m) => labels.filter((l) => l.x < m.x + m.w && m.x < l.x + l.w && l.y < m.y + m.h && m.y < l.y + l.h));
    expect(hits).toEqual([]);
    expect(await page.locator('table.tier-changes tbody tr').count()).toBe(1);
    await page.locator('figure.matrix').screenshot({ path: join(ARTIFACTS, 'history-portfolio-moves.png') });
    await page.close();

    const pdf = await kam(['render', '--portfolio', '--since', QUARTER_TAG, '-f', 'pdf', '--out', out, '--today', '2026-11-23', '--browser', CHROMIUM], { cwd: repo });
    expect(pdf.code, pdf.stderr).toBe(0);
    const bytes = readFileSync(join(out, 'portfolio.pdf'));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(join(ARTIFACTS, 'history-portfolio-moves.pdf'), bytes);
  });
});
