import { describe, expect, it } from 'vitest';
import { loadRepo } from '../../../src/load/loadRepo.js';
import { checkRepo } from '../../../src/check/checkRepo.js';
import { buildPortfolioModel } from '../../../src/render/model.js';
import { boxesOverlap, layoutMatrix, type MatrixLayout, type MatrixPoint } from '../../../src/render/matrix.js';
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
    const model = buildPortfolioModel(loaded.repo, checkRepo(loaded.repo, { today: '2026-11-23' }), '2026-11-23');
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
});
