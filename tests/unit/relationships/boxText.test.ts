import { describe, expect, it } from 'vitest';
import { boxBaselines, boxLines, emWidth, wrapText } from '../../../src/relationships/boxText.js';
import { powerMapSvg } from '../../../src/relationships/draw.js';
import { buildPowerMap } from '../../../src/relationships/powerMap.js';

const words = (lines: string[]) => lines.join(' ').split(/\s+/);

describe('power map box text', () => {
  it('wraps between words, never past the width, keeping every word', () => {
    const text = 'Chief Medical Information Officer and Deputy Chair of the Clinical Safety Board';
    const lines = wrapText(text, 11.5, false, 180);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(emWidth(l, false) * 11.5).toBeLessThanOrEqual(180);
    expect(words(lines)).toEqual(text.split(' '));
  });

  it('breaks a word longer than a line between characters, losing none', () => {
    const word = 'Konstantinopoulou-Whitfield-Papadimitriou-Vandersteen';
    const lines = wrapText(word, 13, true, 180);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(word);
    for (const l of lines) expect(emWidth(l, true) * 13).toBeLessThanOrEqual(180);
  });

  it('never writes an ellipsis: role, influence and owners are whole, and the box grows to hold them', () => {
    const person = { name: 'Dr. Elaine Foster', title: 'Chief Medical Information Officer', roleLabel: 'Decision maker', influence: 'high', stanceLabel: 'Supporter', holders: 'Priya Raman + Marcus Oyelaran, Grace Liu', unowned: false };
    const lines = boxLines(person);
    const all = lines.map((l) => l.text).join(' ');
    expect(all).not.toContain('…');
    expect(all).toContain('high');
    expect(all).toContain('influence');
    expect(all).toContain('Grace Liu');
    const { baselines, height } = boxBaselines(lines);
    expect(baselines.at(-1)!).toBeLessThan(height);
    expect(height).toBeGreaterThan(92);
  });

  it('lays every box of a map as tall as its wordiest one needs, and the SVG cuts nothing', () => {
    const map = buildPowerMap([
      { name: 'Ann', role: 'decision_maker', influence: 'high', owner: 'Dana Whitfield', contacts: ['Omar Haddad', 'Lena Vogel'] },
      { name: 'Bob', title: 'Head of a very long named department of things' },
    ] as never, '2026-11-23');
    const heights = new Set(map.layout.boxes.map((b) => b.height));
    expect(heights.size).toBe(1);
    expect([...heights][0]).toBeGreaterThan(92);
    const svg = powerMapSvg(map);
    expect(svg).not.toContain('…');
    expect(svg).toContain('needs an owner (high influence or key role, no owner)');
  });
});
