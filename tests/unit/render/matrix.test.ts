import { describe, expect, it } from 'vitest';
import { loadRepo } from '../../../src/load/loadRepo.js';
import { checkRepo } from '../../../src/check/checkRepo.js';
import { analysisOf } from '../../../src/analysis/analyze.js';
import { buildPortfolioModel } from '../../../src/render/model.js';
import { boxesOverlap, layoutMatrix, type Box, type MatrixLayout, type MatrixPoint } from '../../../src/render/matrix.js';
import { EXAMPLE } from '../../helpers/kam.js';

const QUADRANTS = {
  high_current_high_potential: 'Strategic',
  low_current_high_potential: 'Emerging',
  high_current_low_potential: 'Maintain',
  low_current_low_potential: 'Streamline',
};

function overlappingLabels(layout: MatrixLayout): string[] {
  const out: string[] = [];
  layout.bubbles.forEach((a, i) =>
    layout.bubbles.slice(i + 1).forEach((b) => {
      if (boxesOverlap(a.label, b.label)) out.push(`${a.id} / ${b.id}`);
    }),
  );
  return out;
}

function outsideSvg(layout: MatrixLayout): string[] {
  return layout.bubbles
    .filter((b) => b.label.x < 0 || b.label.y < 0 || b.label.x + b.label.width > layout.width || b.label.y + b.label.height > layout.height)
    .map((b) => b.id);
}

/** Pairs of bubbles that overlap (with their gap of 2 px, less rounding). */
function overlappingBubbles(layout: MatrixLayout): string[] {
  const out: string[] = [];
  layout.bubbles.forEach((a, i) =>
    layout.bubbles.slice(i + 1).forEach((b) => {
      if (Math.hypot(a.cx - b.cx, a.cy - b.cy) < a.r + b.r + 1.8) out.push(`${a.id} / ${b.id}`);
    }),
  );
  return out;
}

const circleHitsBox = (c: { cx: number; cy: number; r: number }, b: Box) => {
  const nx = Math.max(b.x, Math.min(c.cx, b.x + b.width));
  const ny = Math.max(b.y, Math.min(c.cy, b.y + b.height));
  return Math.hypot(c.cx - nx, c.cy - ny) < c.r - 0.05;
};

/** Labels that cover a bubble (their own or another). */
function labelsOnBubbles(layout: MatrixLayout): string[] {
  return layout.bubbles.flatMap((l) => layout.bubbles.filter((c) => circleHitsBox(c, l.label)).map((c) => `label ${l.id} on ${c.id}`));
}

/** Bubbles not wholly inside the plot frame. */
function outsidePlot(layout: MatrixLayout): string[] {
  const p = layout.plot;
  return layout.bubbles.filter((b) => b.cx - b.r < p.x - 0.05 || b.cy - b.r < p.y - 0.05 || b.cx + b.r > p.right + 0.05 || b.cy + b.r > p.bottom + 0.05).map((b) => b.id);
}

/** A deterministic pseudo-random sequence (mulberry32), so the dense case is the same every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('layoutMatrix', () => {
  it('places one bubble per point and no overlapping labels for the example portfolio', async () => {
    const loaded = await loadRepo(EXAMPLE);
    if (!loaded.ok) throw new Error('example does not load');
    const model = buildPortfolioModel(analysisOf(loaded.repo, { today: '2026-11-23' }));
    const { matrix } = model;
    // 15 accounts, polaris-grid rates nothing: 14 bubbles.
    expect(matrix.bubbles.map((b) => b.id).sort()).toEqual(model.accounts.filter((a) => a.score !== null).map((a) => a.id).sort());
    expect(matrix.bubbles).toHaveLength(14);
    expect(overlappingLabels(matrix)).toEqual([]);
    expect(outsideSvg(matrix)).toEqual([]);
    // Quadrant lines sit at the threshold (50): half way along each axis.
    expect(matrix.thresholdX).toBeCloseTo(matrix.plot.x + matrix.plot.width / 2, 0);
    expect(matrix.thresholdY).toBeCloseTo(matrix.plot.y + matrix.plot.height / 2, 0);
  });

  it('maps current to x and potential to y (high potential at the top)', () => {
    const layout = layoutMatrix(
      [
        { id: 'a', label: 'A', current: 90, potential: 10, revenue: 1, group: 0 },
        { id: 'b', label: 'B', current: 10, potential: 90, revenue: 1, group: 1 },
      ],
      { threshold: 50, quadrants: QUADRANTS },
    );
    const [a, b] = layout.bubbles;
    expect(a!.cx).toBeGreaterThan(b!.cx);
    expect(a!.cy).toBeGreaterThan(b!.cy);
  });

  it('sizes bubbles by the square root of revenue, with a minimum radius', () => {
    const layout = layoutMatrix(
      [
        { id: 'big', label: 'Big', current: 20, potential: 20, revenue: 400, group: 0 },
        { id: 'quarter', label: 'Quarter', current: 80, potential: 80, revenue: 100, group: 0 },
        { id: 'none', label: 'None', current: 50, potential: 80, revenue: 0, group: -1 },
      ],
      { threshold: 50, quadrants: QUADRANTS },
    );
    const r = Object.fromEntries(layout.bubbles.map((b) => [b.id, b.r]));
    expect(r.none).toBeGreaterThan(0);
    // sqrt scaling above the minimum radius: (r - min) halves when revenue quarters.
    expect((r.quarter! - r.none!) / (r.big! - r.none!)).toBeCloseTo(0.5, 1);
  });

  it('keeps labels apart in a dense synthetic portfolio (60 accounts, long names, clustered)', () => {
    const rnd = random(42);
    const points: MatrixPoint[] = Array.from({ length: 60 }, (_, i) => ({
      id: `acct-${i}`,
      label: `Very Long Account Name Number ${i} Holdings`,
      // Most accounts crowd around the threshold, as real portfolios do.
      current: i < 40 ? 45 + rnd() * 15 : rnd() * 100,
      potential: i < 40 ? 45 + rnd() * 15 : rnd() * 100,
      revenue: Math.round(rnd() * 5_000_000),
      group: (i % 4) - 1,
    }));
    const layout = layoutMatrix(points, { threshold: 50, quadrants: QUADRANTS });
    expect(layout.bubbles).toHaveLength(60);
    expect(overlappingLabels(layout)).toEqual([]);
    expect(outsideSvg(layout)).toEqual([]);
    // Labels pushed away from their bubble get a leader line.
    expect(layout.bubbles.some((b) => b.leader !== null)).toBe(true);
    // Deterministic: the same input gives the same layout.
    expect(layoutMatrix(points, { threshold: 50, quadrants: QUADRANTS })).toEqual(layout);
  });

  it('nudges apart accounts at the very same spot: no bubble overlaps another or a label, all inside the frame', () => {
    const rnd = random(7);
    const points: MatrixPoint[] = [
      // 24 accounts at one point in the middle, 12 in the top right corner, 8 at the origin.
      ...Array.from({ length: 24 }, (_, i) => ({ id: `mid-${i}`, label: `Mid ${i}`, current: 50, potential: 50, revenue: Math.round(rnd() * 3_000_000), group: 0, key: i + 1 })),
      ...Array.from({ length: 12 }, (_, i) => ({ id: `top-${i}`, label: `Top ${i}`, current: 100, potential: 100, revenue: Math.round(rnd() * 3_000_000), group: 1, key: 25 + i })),
      ...Array.from({ length: 8 }, (_, i) => ({ id: `low-${i}`, label: `Low ${i}`, current: 0, potential: 0, revenue: 1_000_000, group: -1, key: 37 + i })),
    ];
    const layout = layoutMatrix(points, { threshold: 50, quadrants: QUADRANTS });
    expect(layout.bubbles).toHaveLength(44);
    expect(overlappingBubbles(layout)).toEqual([]);
    expect(outsidePlot(layout)).toEqual([]);
    expect(overlappingLabels(layout)).toEqual([]);
    expect(labelsOnBubbles(layout)).toEqual([]);
    // Each stack stays around its spot: the middle one near the centre, the corner one in its corner.
    const near = (prefix: string) => layout.bubbles.filter((b) => b.id.startsWith(prefix));
    for (const b of near('mid-')) expect(Math.hypot(b.cx - layout.plot.centerX, b.cy - layout.plot.centerY)).toBeLessThan(200);
    for (const b of near('top-')) expect(b.cx > layout.thresholdX && b.cy < layout.thresholdY, b.id).toBe(true);
    for (const b of near('low-')) expect(b.cx < layout.thresholdX && b.cy > layout.thresholdY, b.id).toBe(true);
    expect(layoutMatrix(points, { threshold: 50, quadrants: QUADRANTS })).toEqual(layout);
  });

  it('moves no bubble that overlaps nothing', () => {
    const layout = layoutMatrix(
      [
        { id: 'a', label: 'A', current: 20, potential: 30, revenue: 1, group: 0 },
        { id: 'b', label: 'B', current: 70, potential: 80, revenue: 4, group: 0 },
      ],
      { threshold: 50, quadrants: QUADRANTS },
    );
    const { plot } = layout;
    const at = (id: string) => layout.bubbles.find((b) => b.id === id)!;
    expect(at('a').cx).toBeCloseTo(plot.x + 0.2 * plot.width, 0);
    expect(at('a').cy).toBeCloseTo(plot.y + 0.7 * plot.height, 0);
    expect(at('b').cx).toBeCloseTo(plot.x + 0.7 * plot.width, 0);
  });

  it('the dense synthetic portfolio and the example have no overlapping bubbles either', async () => {
    const rnd = random(42);
    const points: MatrixPoint[] = Array.from({ length: 60 }, (_, i) => ({
      id: `acct-${i}`,
      label: String(i + 1),
      current: i < 40 ? 45 + rnd() * 15 : rnd() * 100,
      potential: i < 40 ? 45 + rnd() * 15 : rnd() * 100,
      revenue: Math.round(rnd() * 5_000_000),
      group: (i % 4) - 1,
      key: i + 1,
    }));
    const layout = layoutMatrix(points, { threshold: 50, quadrants: QUADRANTS });
    expect([overlappingBubbles(layout), outsidePlot(layout), overlappingLabels(layout), labelsOnBubbles(layout)]).toEqual([[], [], [], []]);
    const loaded = await loadRepo(EXAMPLE);
    if (!loaded.ok) throw new Error('example does not load');
    const { matrix } = buildPortfolioModel(analysisOf(loaded.repo, { today: '2026-11-23' }));
    expect([overlappingBubbles(matrix), outsidePlot(matrix), overlappingLabels(matrix), labelsOnBubbles(matrix)]).toEqual([[], [], [], []]);
  });
});
