// Documents for a meeting, measured in real headless Chromium: the power map cuts no word (every
// text inside its box, the legend inside the drawing), and the power map and coverage map stay in
// the page column on a 1280 px laptop and on A4 paper (print media).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kam } from '../helpers/kamInProcess.js';
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

/** A plan whose people have long titles, roles with high influence, several owners, and a team of nine. */
function wordyRepo(): string {
  const team = ['Dana Whitfield', 'Omar Haddad', 'Lena Vogel', 'Marcus Oyelaran', 'Priya Raman', 'Ben Castillo', 'Grace Liu', 'Tomás Ribeiro', 'Hannah Price'];
  const people = [
    "{ id: ceo, name: 'Dr. Alexandra Konstantinopoulou-Whitfield', title: 'Chief Medical Information Officer and Deputy Chair', role: decision_maker, influence: high, stance: supporter, owner: Dana Whitfield, contacts: [Omar Haddad, Lena Vogel, Marcus Oyelaran] }",
    "{ id: cfo, name: Richard Hale, title: Chief Financial Officer, reports_to: ceo, role: economic_buyer, influence: high, stance: neutral, owner: Priya Raman, contacts: [Ben Castillo, Grace Liu] }",
    "{ id: cio, name: Nadia Osei, title: 'Director, Population Health Analytics and Clinical Data', reports_to: ceo, role: champion, influence: medium, stance: supporter, owner: Tomás Ribeiro, contacts: [Hannah Price] }",
    "{ id: ops, name: Tom Becker, title: VP Revenue Cycle, reports_to: ceo, role: blocker, influence: high, stance: detractor }",
  ];
  return makeRepo({
    'accounts/big.yaml': 'name: Big Health System\nmanager: Dana Whitfield\nratings: { current_revenue: 5, growth_potential: 5 }\n',
    'plans/big.yaml': [
      'account: big',
      'last_reviewed: 2026-11-01',
      'team:',
      ...team.map((name) => `  - { name: ${name}, roles: [relationship_lead] }`),
      'stakeholders:',
      ...people.map((p) => `  - ${p}`),
      '',
    ].join('\n'),
  });
}

async function measure(page: Page) {
  return page.evaluate(() => {
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const svg = document.querySelector('svg.power-map')!;
    const scroller = document.querySelector('.power-map-scroll')!;
    return {
      column: rect(document.querySelector('#relationships')!),
      svg: rect(svg),
      scroller: rect(scroller),
      scrolls: scroller.scrollWidth > scroller.clientWidth + 1,
      coverage: rect(document.querySelector('table.coverage')!),
      coverageCells: [...document.querySelectorAll('table.coverage th, table.coverage td')].map((c) => ({ text: c.textContent ?? '', overflow: c.scrollWidth > c.clientWidth + 1 })),
      people: [...svg.querySelectorAll('g.pm-person')].map((g) => ({
        key: g.getAttribute('data-key')!,
        box: rect(g.querySelector('rect.pm-box')!),
        texts: [...g.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', ...rect(t) })),
      })),
      legend: [...svg.querySelectorAll('g.pm-legend text')].map((t) => ({ text: t.textContent ?? '', ...rect(t) })),
      pageWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    };
  });
}

const inside = (inner: Rect, outer: Rect, slack = 0.5) =>
  inner.left >= outer.left - slack && inner.right <= outer.right + slack && inner.top >= outer.top - slack && inner.bottom <= outer.bottom + slack;

describe('power map and coverage map in Chromium', () => {
  const cases = [
    { media: 'screen' as const, width: 1280, name: 'screen-1280' },
    // A4 with kam's 12 mm side margins: 186 mm of column, at 96 px per inch.
    { media: 'print' as const, width: Math.round((186 / 25.4) * 96), name: 'print-a4' },
  ];
  // One render (kam in-process), opened at each width and medium.
  let out: string;
  beforeAll(async () => {
    out = tmpDir('kam-browser-');
    const run = await kam(['render', 'big', '-f', 'html', '--out', out, '--today', '2026-11-23'], { cwd: wordyRepo() });
    expect(run.code, run.stderr).toBe(0);
  });
  for (const c of cases) {
    it(`cuts no word and stays in the column (${c.name})`, async () => {
      const page = await browser.newPage({ viewport: { width: c.width, height: 900 } });
      await page.emulateMedia({ media: c.media });
      await page.goto(pathToFileURL(join(out, 'big.html')).href, { waitUntil: 'load' });
      const m = await measure(page);
      await page.locator("#relationships").screenshot({ path: join(ARTIFACTS, `power-map-${c.name}.png`) });
      expect(m.people).toHaveLength(4);
      const words = m.people.flatMap((p) => p.texts.map((t) => t.text)).join(' ');
      expect(words).not.toContain('…');
      for (const w of ['high influence', 'Deputy Chair', 'Lena Vogel, Marcus Oyelaran', 'Grace Liu', 'Konstantinopoulou']) expect(words.replace(/\s+/g, ' ')).toContain(w.split(' ')[0]);
      for (const p of m.people) for (const t of p.texts) expect(inside(t, p.box), `${p.key}: "${t.text}"`).toBe(true);
      // The legend is whole, inside the drawing.
      expect(m.legend.map((t) => t.text)).toContain('⚠ needs an owner (high influence or key role, no owner)');
      for (const t of m.legend) expect(inside(t, m.svg), `legend "${t.text}"`).toBe(true);
      // This map fits the column: drawn inside it, nothing scrolled out of sight.
      expect(m.scrolls).toBe(false);
      expect(inside(m.svg, m.column)).toBe(true);
      for (const p of m.people) expect(inside(p.box, m.scroller), p.key).toBe(true);
      // The coverage map of nine people fits the column, no cell cut.
      expect(m.coverage.right).toBeLessThanOrEqual(m.column.right + 0.5);
      expect(m.coverageCells.filter((x) => x.overflow)).toEqual([]);
      expect(m.pageWidth).toBeLessThanOrEqual(m.viewport);
      await page.locator('#relationships').screenshot({ path: join(ARTIFACTS, `power-map-${c.name}.png`) });
      await page.close();
    });
  }
});
