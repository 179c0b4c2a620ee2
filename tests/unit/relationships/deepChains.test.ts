// Reporting trees far deeper than the stack (issue 24): a 6,000-deep reports_to chain (100 KB of
// YAML) or a 45,000-person cycle crashed map and render with "Maximum call stack size exceeded".
// Every walk over the tree is iterative.
import { describe, expect, it } from 'vitest';
import { reportingCycles } from '../../../src/relationships/reportingTree.js';
import { MAX_TEXT_INDENT, powerMapMermaid, powerMapSvg, powerMapText } from '../../../src/relationships/draw.js';
import { buildPowerMap } from '../../../src/relationships/powerMap.js';
import type { Plan } from '../../../src/schema/plan.js';
import { kam } from '../../helpers/kamInProcess.js';
import { makeRepo } from '../../helpers/tmpRepo.js';

const chain = (n: number, cycle = false) =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `Person ${i}`, ...(i > 0 ? { reports_to: `p${i - 1}` } : cycle ? { reports_to: `p${n - 1}` } : {}) })) as Plan['stakeholders'];

describe('deep reporting trees', () => {
  it('draws a 6,000-deep chain in every format', () => {
    const map = buildPowerMap(chain(6000), '2026-11-23');
    expect(map.roots).toEqual([0]);
    expect(map.people[5999]!.depth).toBe(5999);
    expect(map.layout.boxes).toHaveLength(6000);
    expect(map.layout.links).toHaveLength(5999);
    const text = powerMapText(map).split('\n');
    expect(text).toHaveLength(6001);
    // The indentation stops growing past MAX_TEXT_INDENT levels; deeper lines say their level.
    expect(Math.max(...text.map((l) => l.length))).toBeLessThan(3 * MAX_TEXT_INDENT + 100);
    expect(text[5999]).toMatch(/└─ \[level 5999\] Person 5999 /);
    expect(powerMapMermaid(map)).toContain('p5998 --> p5999');
    expect(powerMapSvg(map)).toContain('Person 5999');
  });

  it('finds a 45,000-person cycle once and draws it from its first member', () => {
    const list = chain(45000, true);
    const cycles = reportingCycles(list);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]![0]).toBe(0);
    expect(cycles[0]).toHaveLength(45000);
    const map = buildPowerMap(list, '2026-11-23');
    expect(map.roots).toEqual([0]);
    expect(powerMapText(map).split('\n')).toHaveLength(45001);
  });

  it('kam map and kam render handle a 6,000-deep chain of a real plan file', async () => {
    const people = Array.from({ length: 6000 }, (_, i) => `  - id: p${i}\n    name: Person ${i}\n${i ? `    reports_to: p${i - 1}\n` : ''}`).join('');
    const dir = makeRepo({ 'accounts/acme.yaml': 'name: Acme\nmanager: Dana\n', 'plans/acme.yaml': `account: acme\nstage: research\nstakeholders:\n${people}` });
    const map = await kam(['map', 'acme', '--repo', dir]);
    expect(map.stderr).toBe('');
    expect(map.code).toBe(0);
    expect(map.stdout).toContain('Person 5999');
    for (const format of ['md', 'html']) {
      const render = await kam(['render', 'acme', '--repo', dir, '-f', format]);
      expect(render.stderr).not.toMatch(/call stack|internal error/i);
      expect(render.code).toBe(0);
      expect(render.stdout).toContain('Person 5999');
    }
  }, 60_000);
});
