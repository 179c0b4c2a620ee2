import { describe, expect, it } from 'vitest';
import { explainAccount } from '../../../src/score/explain.js';
import { account, config } from './fixture.js';

const explain = (id: string) => explainAccount(id, account(id), config);

describe('explainAccount', () => {
  it('lists every criterion, unrated ones with null values, and spells out the sums', () => {
    const e = explain('delta');
    expect(e.criteria.map((c) => [c.id, c.rating, c.weight, c.inverse])).toEqual([
      ['revenue', 2, 4, false],
      ['loyalty', null, 1, false],
      ['upside', 9, 3, false],
      ['hassle', null, 2, true],
    ]);
    expect(e.criteria[1]).toMatchObject({ normalized: null, contribution: null });
    expect(e.total.weighted).toBeCloseTo(3.5, 12); // 4·.2 + 3·.9
    expect(e.total.weight).toBe(7);
    expect(e.axes.current).toMatchObject({ weight: 4, high: false });
    expect(e.axes.current.weighted).toBeCloseTo(0.8, 12);
    expect(e.axes.potential).toMatchObject({ weight: 3, high: true });
    expect(e.axes.potential.score).toBeCloseTo(90, 10);
  });

  it('names the thresholds around the score and the smallest single change up a tier', () => {
    // delta: 50, Silver (40) below Gold (70). Gold needs Σw·n >= 4.9 of 7: only revenue can do it,
    // from 2 to 6 (4·.6 + 2.7 = 5.1, score 72.9); rating loyalty or hassle adds weight but not enough.
    const e = explain('delta');
    expect(e.floor).toEqual({ name: 'Silver', min: 40 });
    expect(e.next).toEqual({ name: 'Gold', min: 70 });
    expect(e.moves).toHaveLength(1);
    expect(e.moves![0]).toMatchObject({ criterion: 'revenue', label: 'Revenue today', from: 2, to: 6, steps: 4, tier: 'Gold' });
    expect(e.moves![0]!.score).toBeCloseTo(510 / 7, 10);
  });

  it('orders moves: fewest steps first, then ratings of unrated criteria by resulting score', () => {
    // foxtrot: 30 on revenue alone (Watch list). Silver needs 40:
    //   revenue 3 -> 4: 40 exactly (1 step);
    //   rate upside 6: 100 × (1.2 + 1.8) / 7 = 42.9;  rate loyalty 8: 100 × 2 / 5 = 40;
    //   rate hassle 4 (inverse, n = .6, the worst rating that is enough): 100 × 2.4 / 6 = 40.
    const e = explain('foxtrot');
    expect(e.floor).toBeNull();
    expect(e.next).toEqual({ name: 'Silver', min: 40 });
    expect(e.moves!.map((m) => [m.criterion, m.from, m.to, m.steps])).toEqual([
      ['revenue', 3, 4, 1],
      ['upside', null, 6, null],
      ['loyalty', null, 8, null],
      ['hassle', null, 4, null],
    ]);
    expect(e.moves!.every((m) => m.tier === 'Silver')).toBe(true);
  });

  it('says when no single change is enough', () => {
    // charlie: 40, Gold needs 70: the best single change (revenue 4 -> 10) only reaches 64.
    const e = explain('charlie');
    expect(e.floor).toEqual({ name: 'Silver', min: 40 });
    expect(e.next).toEqual({ name: 'Gold', min: 70 });
    expect(e.moves).toEqual([]);
  });

  it('lowers an inverse criterion to improve it', () => {
    const acct = { ...account('charlie'), ratings: { revenue: 4, loyalty: 4, upside: 4, hassle: 10 } };
    // 100 × (1.6 + .4 + 1.2 + 0) / 10 = 32: Watch list. Silver needs Σw·n >= 4, .8 more:
    // revenue 4 -> 6 (+.8, 2 steps), upside 4 -> 7 (+.9, 3 steps), hassle 10 -> 6 (+.8, 4 steps);
    // loyalty (weight 1) cannot add .8.
    const e = explainAccount('charlie', acct, config);
    expect(e.account.tier).toBe('Watch list');
    expect(e.moves!.map((m) => [m.criterion, m.from, m.to, m.steps])).toEqual([
      ['revenue', 4, 6, 2],
      ['upside', 4, 7, 3],
      ['hassle', 10, 6, 4],
    ]);
  });

  it('has no moves in the top tier', () => {
    const e = explain('bravo');
    expect(e.floor).toEqual({ name: 'Gold', min: 70 });
    expect(e.next).toBeNull();
    expect(e.moves).toBeNull();
  });

  it('aims an account without ratings at the lowest tier', () => {
    const e = explain('echo');
    expect(e.account.score).toBeNull();
    expect(e.total).toEqual({ score: null, weighted: 0, weight: 0 });
    expect(e.next).toEqual({ name: 'Silver', min: 40 });
    // Any one criterion alone at n = .4 scores 40, but only revenue (weight 4 of 10) and upside
    // (3) carry the fixture's min_rated_weight of 0.3 alone; loyalty (1) and hassle (2) do not.
    expect(e.moves!.map((m) => [m.criterion, m.to])).toEqual([
      ['revenue', 4],
      ['upside', 4],
    ]);
    expect(e.needsRating).toEqual({ ratedWeight: 0, totalWeight: 10, minShare: 0.3, missingWeight: 3, rate: [{ id: 'revenue', label: 'Revenue today', weight: 4 }] });
  });
});
