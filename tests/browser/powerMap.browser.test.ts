// The power map of a 30-person plan in real headless Chromium: every box drawn, no two boxes
// overlapping and every line of text inside its box, measured in the page (getBoundingClientRect).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kam } from '../helpers/kamInProcess.js';
import { planYaml, thirtyPeople } from '../helpers/powerMapPlan.js';
import { makeRepo, tmpDir } from '../helpers/tmpRepo.js';
import { sharedBrowser } from './sharedBrowser.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await sharedBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface Rect { left: number; right: number; top: number; bottom: number }
const overlap = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the power map in Chromium', () => {
  it('draws 30 people without overlapping boxes, each text inside its box', async () => {
    const repo = makeRepo({
      'accounts/big.yaml': 'name: Big Corp\nmanager: Dana Whitfield\nratings: { current_revenue: 5, growth_potential: 5 }\n',
      'plans/big.yaml': planYaml('big', thirtyPeople()),
    });
    const out = tmpDir('kam-browser-');
    const run = await kam(['render', 'big', '-f', 'html', '--out', out, '--today', '2026-11-23'], { cwd: repo });
    expect(run.code, run.stderr).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(pathToFileURL(join(out, 'big.html')).href, { waitUntil: 'load' });
    const people = await page.$$eval('svg.power-map g.pm-person', (groups) =>
      groups.map((g) => {
        const r = g.querySelector('rect.pm-box')!.getBoundingClientRect();
        const texts = [...g.querySelectorAll('text')].map((t) => {
          const b = t.getBoundingClientRect();
          return { text: t.textContent ?? '', left: b.left, right: b.right, top: b.top, bottom: b.bottom };
        });
        return { key: g.getAttribute('data-key')!, box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom }, texts };
      }),
    );
    expect(people).toHaveLength(30);
    for (let i = 0; i < people.length; i++) {
      const a = people[i]!;
      expect(a.box.right - a.box.left).toBeGreaterThan(100);
      for (let j = i + 1; j < people.length; j++) expect(overlap(a.box, people[j]!.box), `${a.key} overlaps ${people[j]!.key}`).toBe(false);
      for (const t of a.texts) {
        expect(t.left, `${a.key}: "${t.text}"`).toBeGreaterThanOrEqual(a.box.left);
        expect(t.right, `${a.key}: "${t.text}"`).toBeLessThanOrEqual(a.box.right);
        expect(t.bottom, `${a.key}: "${t.text}"`).toBeLessThanOrEqual(a.box.bottom);
      }
    }
    // Stance is written out, not only coloured; people who need an owner and have none stand out.
    const ceo = people.find((p) => p.key === 'ceo')!;
    expect(ceo.texts.map((t) => t.text)).toContain('Supporter');
    expect(await page.$$eval('g.pm-unowned', (g) => g.map((x) => x.getAttribute('data-key')))).toEqual(['board', 'ops1']);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'power-map-30.png'), fullPage: true });
    await page.close();
  });

  it('strikes a gone person through, with the day they left inside the box, and the threads inside the drawing', async () => {
    const people = thirtyPeople().slice(0, 6);
    people[2] = { ...people[2]!, left: '2026-10-01', successor: 'cio' } as (typeof people)[number];
    const repo = makeRepo({
      'accounts/big.yaml': 'name: Big Corp\nmanager: Dana Whitfield\nratings: { current_revenue: 5, growth_potential: 5 }\n',
      'plans/big.yaml': planYaml('big', people),
    });
    const out = tmpDir('kam-browser-');
    const run = await kam(['render', 'big', '-f', 'html', '--out', out, '--today', '2026-11-23'], { cwd: repo });
    expect(run.code, run.stderr).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(join(out, 'big.html')).href, { waitUntil: 'load' });
    const gone = await page.$eval('g.pm-gone', (g) => {
      const box = g.querySelector('rect.pm-box')!.getBoundingClientRect();
      return {
        key: g.getAttribute('data-key'),
        inside: [...g.querySelectorAll('text')].every((t) => { const b = t.getBoundingClientRect(); return b.left >= box.left && b.right <= box.right && b.bottom <= box.bottom; }),
        texts: [...g.querySelectorAll('text')].map((t) => [t.textContent, getComputedStyle(t).textDecorationLine]),
      };
    });
    expect(gone.key).toBe('cfo');
    expect(gone.inside).toBe(true);
    expect(gone.texts.slice(0, 2)).toEqual([['Sabine Krüger', 'line-through'], ['Left 2026-10-01', 'none']]);
    const threads = await page.$eval('svg.power-map', (svg) => {
      const s = svg.getBoundingClientRect();
      const t = svg.querySelector('text.pm-threads')!.getBoundingClientRect();
      return { text: svg.querySelector('text.pm-threads')!.textContent, inside: t.left >= s.left && t.right <= s.right && t.bottom <= s.bottom };
    });
    expect(threads).toEqual({ text: 'Threads: 2 (Dana Whitfield, Lena Vogel)', inside: true });
    await page.screenshot({ path: join(ARTIFACTS, 'power-map-gone.png'), fullPage: true });
    await page.close();
  });
});
