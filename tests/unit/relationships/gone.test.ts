import { describe, expect, it } from 'vitest';
import { powerMapMermaid, powerMapSvg, powerMapText } from '../../../src/relationships/draw.js';
import { buildPowerMap } from '../../../src/relationships/powerMap.js';
import type { Plan } from '../../../src/schema/plan.js';

// The power map draws a gone stakeholder (spec 1.2, section 6) struck through with the date, in
// every drawing, and says how many threads hold the account.
const stakeholders = [
  { id: 'ceo', name: 'Ana Boss', role: 'decision_maker', influence: 'high', owner: 'Dana' },
  { id: 'old', name: 'Old Champion', title: 'VP Ops', role: 'champion', influence: 'high', reports_to: 'ceo', left: '2026-10-01', successor: 'new', contacts: ['Zed'] },
  { id: 'new', name: 'New Champion', role: 'champion', reports_to: 'ceo', owner: 'Omar', contacts: ['dana'] },
] as Plan['stakeholders'];

describe('a gone stakeholder on the power map', () => {
  const map = buildPowerMap(stakeholders, '2026-12-02');

  it('is marked gone, keeps its place in the tree and never needs an owner', () => {
    expect(map.people.map((p) => [p.key, p.gone, p.left, p.unowned, p.manager])).toEqual([
      ['ceo', false, null, false, null],
      ['old', true, '2026-10-01', false, 0],
      ['new', false, null, false, 0],
    ]);
    expect(map.threads).toEqual({ count: 2, people: ['Dana', 'Omar'], present: 2 });
    // The day before they left, they are there, unowned, and Zed is a thread.
    const before = buildPowerMap(stakeholders, '2026-09-30');
    expect(before.people[1]).toMatchObject({ gone: false, unowned: true });
    expect(before.threads.count).toBe(3);
  });

  it('SVG: the name struck through, the day they left, the threads under the legend', () => {
    const svg = powerMapSvg(map);
    expect(svg).toContain('<g class="pm-person pm-gone" data-key="old">');
    expect(svg).toMatch(/text-decoration="line-through">Old Champion<\/text>/);
    expect(svg).toContain('>Left 2026-10-01</text>');
    expect(svg).toContain('<title>Old Champion, left 2026-10-01, successor new,');
    expect(svg).toContain('class="pm-threads"');
    expect(svg).toContain('>Threads: 2 (Dana, Omar)</text>');
    expect(svg.match(/line-through/g)).toHaveLength(1);
  });

  it('Mermaid: <s> around the name, the day they left, a gone class and a threads note', () => {
    const text = powerMapMermaid(map);
    expect(text).toContain('  p1["<s>Old Champion</s><br/>left 2026-10-01, successor new<br/>VP Ops<br/>');
    expect(text).toContain('  class p1 gone\n');
    expect(text).toContain('  threads["Threads: 2 (Dana, Omar)"]\n');
    expect(text).toContain('  class threads note\n');
  });

  it('text: the name with a [left DATE] mark, struck through where the terminal can', () => {
    const plain = powerMapText(map);
    expect(plain).toContain('├─ Old Champion [left 2026-10-01, successor new] (VP Ops, Champion, high influence) · stance unknown · no owner + Zed\n');
    const struck = powerMapText(map, undefined, (t) => `\u001b[9m${t}\u001b[29m`);
    expect(struck).toContain('\u001b[9mOld Champion\u001b[29m [left');
  });

  it('nobody gone: no strike, no gone class', () => {
    const now = buildPowerMap(stakeholders, '2026-09-30');
    expect(powerMapSvg(now)).not.toContain('line-through');
    expect(powerMapMermaid(now)).not.toContain('gone');
  });
});
