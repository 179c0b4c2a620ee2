// The site's pure parts: one calendar per person (names matched as kam matches people, slugs
// unique), the navigation and trend put into a plan document whatever its template, and the
// trend drawing's lines with gaps.
import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../../src/agenda/agenda.js';
import { personCalendars, trendModel } from '../../../src/site/model.js';
import { intoPlanPage } from '../../../src/site/site.js';
import type { TrendData } from '../../../src/history/trend.js';

const item = (owner: string | null, title: string): AgendaItem => ({
  kind: 'action', account: 'acme', date: '2026-12-01', overdue: false, owner, title, file: 'plans/acme.yaml', line: 1, manager: null, key: title,
});

describe('personCalendars', () => {
  it('groups items by person (case and spacing ignored), leaves out items nobody owns, and keeps slugs unique', () => {
    const calendars = personCalendars([item('Dana Whitfield', 'a'), item('dana  whitfield', 'b'), item(null, 'c'), item('Dana-Whitfield', 'd'), item('Ørsted', 'e'), item('日本', 'f')]);
    expect(calendars.map((c) => [c.name, c.href, c.items.map((i) => i.title)])).toEqual([
      ['Dana Whitfield', 'people/dana-whitfield.ics', ['a', 'b']],
      ['Dana-Whitfield', 'people/dana-whitfield-2.ics', ['d']],
      ['Ørsted', 'people/orsted.ics', ['e']],
      ['日本', 'people/person.ics', ['f']],
    ]);
  });
});

describe('intoPlanPage', () => {
  it('puts the navigation after <body> and the trend at the end of <main>', () => {
    const html = '<!DOCTYPE html><html><body class="x"><main class="page"><h1>A</h1></main></body></html>';
    expect(intoPlanPage(html, '<nav>N</nav>', '<section>T</section>')).toBe('<!DOCTYPE html><html><body class="x">\n<nav>N</nav><main class="page"><h1>A</h1><section>T</section>\n</main></body></html>');
  });
  it('a user template without <main> or <body> gets the navigation first and the trend last', () => {
    expect(intoPlanPage('<div>plan</div>', '<nav>N</nav>', '<section>T</section>')).toBe('<nav>N</nav>\n<div>plan</div>\n<section>T</section>');
    expect(intoPlanPage('<body><div>plan</div></body>', '<nav>N</nav>', null)).toBe('<body>\n<nav>N</nav><div>plan</div></body>');
  });
});

describe('trendModel', () => {
  const since = { rev: 'v1', commit: 'abc', date: '2026-01-01', health: [], newFindings: [], positions: new Map() };
  const entry = (score: number | null, health: number | null) => ({ score, tier: 'Tier 1', health, band: health === null ? null : ('green' as const), coverage: null });
  const data = {
    points: [{ date: '2026-01-01', commit: 'a1' }, { date: '2026-02-01', commit: 'b2' }, { date: '2026-03-01', commit: null }],
    accounts: [{ id: 'acme', name: 'Acme', series: [entry(50, null), null, entry(100, 80)] }],
  } as unknown as TrendData;

  it('is null without --since or history, and for an account history does not know', () => {
    expect(trendModel(null, 'acme', since)).toBeNull();
    expect(trendModel(data, 'acme', null)).toBeNull();
    expect(trendModel(data, 'other', since)).toBeNull();
  });

  it('draws each series with a gap where it has no value, a lone point as a short stroke', () => {
    const t = trendModel(data, 'acme', since)!;
    expect(t.points.map((p) => [p.date, p.commit, p.score, p.health])).toEqual([
      ['2026-01-01', 'a1', 50, null],
      ['2026-02-01', 'b2', null, null],
      ['2026-03-01', 'work tree', 100, 80],
    ]);
    expect(t.score).toHaveLength(2); // 50, gap, 100
    expect(t.health).toHaveLength(1);
    for (const line of [...t.score, ...t.health]) expect(line.split(' ')).toHaveLength(2);
  });
});
