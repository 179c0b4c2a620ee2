import { describe, expect, it } from 'vitest';
import { buildCoverage } from '../../../src/relationships/coverage.js';
import { powerMapMermaid, powerMapSvg, powerMapText } from '../../../src/relationships/draw.js';
import { buildPowerMap, type PlacedBox } from '../../../src/relationships/powerMap.js';
import type { Plan } from '../../../src/schema/plan.js';
import { thirtyPeople } from '../../helpers/powerMapPlan.js';

type Stakeholders = Plan['stakeholders'];
const TODAY = '2026-12-02';
const people = (list: object[]) => list as Stakeholders;

const overlap = (a: PlacedBox, b: PlacedBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('power map layout', () => {
  const thirty = people(thirtyPeople());
  const map = buildPowerMap(thirty, TODAY);

  it('places all 30 people, no two boxes overlapping, all inside the drawing', () => {
    const { boxes, width, height } = map.layout;
    expect(boxes).toHaveLength(30);
    for (let i = 0; i < boxes.length; i++) {
      const b = boxes[i]!;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(width);
      expect(b.y + b.height).toBeLessThanOrEqual(height);
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(b, boxes[j]!), `${map.people[i]!.key} / ${map.people[j]!.key}`).toBe(false);
    }
  });

  it('puts people without a known manager at the top, side by side in plan order, and managers above their reports', () => {
    expect(map.roots.map((i) => map.people[i]!.key)).toEqual(['ceo', 'board', 'stray']);
    const top = map.roots.map((i) => map.layout.boxes[i]!);
    expect(new Set(top.map((b) => b.y)).size).toBe(1);
    expect(top.map((b) => b.x)).toEqual([...top.map((b) => b.x)].sort((a, b) => a - b));
    for (const p of map.people) if (p.manager !== null) expect(map.layout.boxes[p.manager]!.y).toBeLessThan(map.layout.boxes[p.index]!.y);
    expect(map.layout.links).toHaveLength(27);
  });

  it('stacks a wide team of leaves under its manager instead of one long row', () => {
    const analysts = map.people.filter((p) => p.key.startsWith('fin')).map((p) => map.layout.boxes[p.index]!);
    expect(new Set(analysts.map((b) => b.x)).size).toBe(1);
    expect(map.layout.width).toBeLessThan(30 * 200);
  });

  it('is deterministic: the same plan gives the same SVG, byte for byte', () => {
    expect(powerMapSvg(buildPowerMap(people(thirtyPeople()), TODAY))).toBe(powerMapSvg(map));
    expect(powerMapMermaid(buildPowerMap(people(thirtyPeople()), TODAY))).toBe(powerMapMermaid(map));
  });

  it('draws a reporting cycle with its first-listed member at the top, and survives a long chain', () => {
    const cycle = buildPowerMap(people([{ id: 'a', name: 'A', reports_to: 'c' }, { id: 'b', name: 'B', reports_to: 'a' }, { id: 'c', name: 'C', reports_to: 'b' }]), TODAY);
    expect(cycle.roots).toEqual([0]);
    expect(cycle.people.map((p) => p.depth)).toEqual([0, 1, 2]);
    const chain = people(Array.from({ length: 3000 }, (_, i) => ({ id: `p${i}`, name: `P${i}`, ...(i ? { reports_to: `p${i - 1}` } : {}) })));
    expect(buildPowerMap(chain, TODAY).people.at(-1)!.depth).toBe(2999);
  });

  it('marks high-influence or key-role people without an owner', () => {
    const unowned = map.people.filter((p) => p.unowned).map((p) => p.key);
    expect(unowned).toEqual(['board', 'ops1']);
    expect(powerMapSvg(map).match(/class="pm-person pm-unowned"/g)).toHaveLength(2);
  });
});

describe('power map drawings', () => {
  const evil = people([
    { id: 'x', name: 'Evil <script>alert(1)</script> & "Co" | `x`', title: "O'Brien <b>", owner: 'Me & <you>', stance: 'detractor', influence: 'high' },
    { id: 'y', name: 'Y', reports_to: 'x', contacts: ['Me & <you>', 'Zed'] },
  ]);

  it('escapes every user string in the SVG and drops characters XML cannot hold', () => {
    const svg = powerMapSvg(buildPowerMap(people([...evil, { name: 'Ctl\u0001char' }]), TODAY));
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('\u0001');
    expect(svg).toContain('Evil &lt;script&gt;');
    expect(svg).toContain('Me &amp; &lt;you&gt;');
    // Stance is a text label too, not colour alone; the legend says what colours and borders mean.
    expect(svg).toContain('>Detractor</text>');
    expect(svg).toContain('class="pm-legend"');
  });

  it('writes Mermaid labels with entity codes, edges manager to report, and classes by stance', () => {
    const text = powerMapMermaid(buildPowerMap(evil, TODAY));
    expect(text.startsWith('flowchart TD\n')).toBe(true);
    expect(text).toContain('p0["Evil #lt;script#gt;alert(1)#lt;/script#gt; #amp; #quot;Co#quot; #124; #96;x#96;');
    expect(text).toContain('  p0 --> p1\n');
    expect(text).toContain('  class p0 detractor\n');
    expect(text).toContain('  class p1 unknown\n');
  });

  it('prints an indented tree with stance and owner for the terminal', () => {
    const text = powerMapText(buildPowerMap(people(thirtyPeople().slice(0, 6)), TODAY));
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Alexandra Konstantinopoulou-Whitfield (Chief Executive Officer and Chair of the Executive Board, Decision maker, high influence) · supporter · owner Dana Whitfield',
      '├─ Sabine Krüger (Chief Financial Officer, Economic buyer, high influence) · neutral · owner Omar Haddad',
      '├─ Jeroen van Dijk (Chief Information Officer, Champion, high influence) · supporter · owner Lena Vogel + Dana Whitfield',
    ]);
    expect(text).toContain('└─ Priya Natarajan (Chief Marketing Officer, low influence) · stance unknown · ⚠ no owner');
  });
});

describe('coverage map', () => {
  it('is team members x stakeholders: owner, contact or nothing, with people off the team added', () => {
    const team = [{ name: 'Ann', roles: [] }, { name: 'Bo', roles: [] }] as Plan['team'];
    const cov = buildCoverage({ team, stakeholders: people([{ name: 'X', owner: 'Ann', contacts: ['Bo', 'Ann'] }, { name: 'Y', contacts: ['Cy'] }, { name: 'Z' }]) }, TODAY);
    expect(cov.members).toEqual([
      { name: 'Ann', onTeam: true, owns: 1, contacts: 0 },
      { name: 'Bo', onTeam: true, owns: 0, contacts: 1 },
      { name: 'Cy', onTeam: false, owns: 0, contacts: 1 },
    ]);
    expect(cov.rows.map((r) => r.cells)).toEqual([['owner', 'contact', null], [null, null, 'contact'], [null, null, null]]);
    expect(cov.uncovered).toBe(1);
    expect(cov.singleThreaded).toBeNull();
    expect(buildCoverage({ team, stakeholders: people([{ name: 'X', owner: 'Ann' }, { name: 'Y', contacts: ['Ann'] }]) }, TODAY).singleThreaded).toBe('Ann');
  });

  it('gives one column to a person however their name is cased or spaced, under the team spelling', () => {
    const team = [{ name: 'Ann Lee', roles: [] }] as Plan['team'];
    const cov = buildCoverage({ team, stakeholders: people([{ name: 'X', owner: 'ann  lee' }, { name: 'Y', contacts: ['ANN LEE'] }]) }, TODAY);
    expect(cov.members).toEqual([{ name: 'Ann Lee', onTeam: true, owns: 1, contacts: 1 }]);
    expect(cov.rows.map((r) => r.cells)).toEqual([['owner'], ['contact']]);
    expect(cov.singleThreaded).toBe('ann  lee');
  });
});
