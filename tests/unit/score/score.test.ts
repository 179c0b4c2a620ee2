import { describe, expect, it } from 'vitest';
import { loadRepo } from '../../../src/load/loadRepo.js';
import { scorePortfolio } from '../../../src/score/portfolio.js';
import { compareScores, normalize, quadrantFor, round1, roundTo, scoreAccount, tierFor } from '../../../src/score/score.js';
import { makeRepo } from '../../helpers/tmpRepo.js';
import { accountSchema } from '../../../src/schema/account.js';
import { configSchema } from '../../../src/schema/config.js';
import { account, ACCOUNTS, config, repoFiles } from './fixture.js';

const score = (id: string) => scoreAccount(id, account(id), config);

describe('scoreAccount with a custom model (expected values worked out by hand)', () => {
  it('normalizes on the custom scale and inverts an inverse criterion', () => {
    expect(normalize(8, { inverse: false }, config.scoring.scale)).toBe(0.8);
    expect(normalize(2, { inverse: true }, config.scoring.scale)).toBe(0.8);
    expect(normalize(0, { inverse: true }, config.scoring.scale)).toBe(1);
  });

  it('weights every rated criterion: alpha scores 85, current 90, potential 80, Gold, Invest', () => {
    const a = score('alpha');
    expect(a.score).toBeCloseTo(85, 10);
    expect(a.current).toBeCloseTo(90, 10);
    expect(a.potential).toBeCloseTo(80, 10);
    expect(a.tier).toBe('Gold');
    expect(a.tiered).toBe(true);
    expect(a.quadrant).toBe('Invest');
    expect(a.unrated).toEqual([]);
    // contribution = 100 × w × n / Σw; they add up to the score.
    expect(a.criteria.revenue).toEqual({ rating: 10, weight: 4, normalized: 1, contribution: 40 });
    expect(a.criteria.hassle!.normalized).toBeCloseTo(0.8, 12);
    expect(a.criteria.hassle!.contribution).toBeCloseTo(16, 10);
    expect(Object.values(a.criteria).reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(85, 10);
  });

  it('puts a score exactly on a tier threshold in that tier, float noise or not', () => {
    const bravo = score('bravo');
    expect(round1(bravo.score!)).toBe(70);
    expect(bravo.tier).toBe('Gold');
    expect(bravo.quadrant).toBe('Invest');
    const charlie = score('charlie');
    expect(round1(charlie.score!)).toBe(40);
    expect(charlie.tier).toBe('Silver');
    expect(charlie.quadrant).toBe('Exit');
  });

  it('forgives float noise at a threshold: a true 70 computed as 69.99999999999999 is Gold', () => {
    expect(tierFor(69.99999999999999, config)).toEqual({ tier: 'Gold', tiered: true });
    expect(tierFor(69.9, config)).toEqual({ tier: 'Silver', tiered: true });
    expect(tierFor(39.99, config)).toEqual({ tier: 'Watch list', tiered: false });
    expect(tierFor(null, config)).toEqual({ tier: null, tiered: false });
    expect(quadrantFor(59.99999999999999, 60, config)).toBe('Invest');
    expect(quadrantFor(59.9, 60, config)).toBe('Nurture');
    expect(quadrantFor(60, 59.9, config)).toBe('Harvest');
    expect(quadrantFor(10, 10, config)).toBe('Exit');
  });

  it('counts an axis score exactly on the matrix threshold as high', () => {
    const golf = score('golf'); // current 100 × 4/5 = 80, potential 100 × (1.8 + 1.2)/5 = 60
    expect(golf.potential).toBeCloseTo(60, 10);
    expect(golf.quadrant).toBe('Invest');
  });

  it('leaves unrated criteria out of both sums and reports them in config order', () => {
    const d = score('delta');
    expect(d.score).toBeCloseTo(50, 10); // 100 × (0.8 + 2.7) / 7
    expect(d.current).toBeCloseTo(20, 10); // 100 × 0.8 / 4
    expect(d.potential).toBeCloseTo(90, 10); // 100 × 2.7 / 3
    expect(d.tier).toBe('Silver');
    expect(d.quadrant).toBe('Nurture');
    expect(d.unrated).toEqual(['loyalty', 'hassle']);
    expect(Object.keys(d.criteria)).toEqual(['revenue', 'upside']);
    expect(d.criteria.revenue!.contribution).toBeCloseTo((100 * 4 * 0.2) / 7, 10);
  });

  it('gives an account that rates nothing a null score, no tier and no quadrant', () => {
    const e = score('echo');
    expect(e).toMatchObject({ score: null, current: null, potential: null, tier: null, tiered: false, quadrant: null });
    expect(e.unrated).toEqual(['revenue', 'loyalty', 'upside', 'hassle']);
    expect(e.criteria).toEqual({});
  });

  it('uses the untiered label below the last tier, and no quadrant when one axis is unrated', () => {
    const f = score('foxtrot');
    expect(f.score).toBeCloseTo(30, 10);
    expect(f.current).toBeCloseTo(30, 10);
    expect(f.potential).toBeNull();
    expect(f.tier).toBe('Watch list');
    expect(f.tiered).toBe(false);
    expect(f.quadrant).toBeNull();
  });

  it('ranks by score descending, ties by id, null last', () => {
    const ranked = Object.keys(ACCOUNTS).map(score).sort(compareScores).map((a) => a.id);
    expect(ranked).toEqual(['alpha', 'bravo', 'golf', 'delta', 'charlie', 'foxtrot', 'echo']);
  });

  it('assigns the default quadrants and tiers of the built-in model (meridian-freight of the example)', async () => {
    const { defaultConfig } = await import('../../../src/schema/config.js');
    const cfg = defaultConfig();
    const ratings = { current_revenue: 5, growth_potential: 5, renewal_likelihood: 4, win_now_likelihood: 4, effort: 2, relationship_strength: 4, fit: 5, logo: 4 };
    const s = scoreAccount('meridian-freight', { name: 'Meridian Freight Group', ratings } as never, cfg);
    // Σw·n = 3·1 + 3·1 + 2·.75 + 1·.75 + 1·(1 - .25) + 2·.75 + 2·1 + 1·.75 = 13.25; Σw = 15.
    expect(round1(s.score!)).toBe(88.3);
    expect(round1(s.current!)).toBe(85.7); // 100 × 6 / 7
    expect(round1(s.potential!)).toBe(90.6); // 100 × 7.25 / 8
    expect(s).toMatchObject({ tier: 'Tier 1', quadrant: 'Strategic' });
  });
});

describe('round1 / roundTo', () => {
  it.each([
    [88.33333333333333, 88.3],
    [83.25, 83.3],
    [66.64999999999999, 66.7], // a true 66.65 computed with float noise still rounds half up
    [50, 50],
    [0.04, 0],
    [99.96, 100],
  ])('round1(%s) = %s', (input, expected) => expect(round1(input)).toBe(expected));

  it('rounds to other precisions', () => {
    expect(roundTo(13.333333333, 4)).toBe(13.3333);
    expect(roundTo(0.75, 4)).toBe(0.75);
  });
});

describe('scorePortfolio', () => {
  it('counts tiers, key accounts and manager loads against the limits', async () => {
    const loaded = await loadRepo(makeRepo(repoFiles()));
    if (!loaded.ok) throw new Error('fixture repo did not load');
    const p = scorePortfolio(loaded.repo);
    expect(p.accounts.map((a) => a.id)).toEqual(['alpha', 'bravo', 'golf', 'delta', 'charlie', 'foxtrot', 'echo']);
    expect(p.tiers).toEqual([
      { name: 'Gold', min: 70, count: 3 },
      { name: 'Silver', min: 40, count: 2 },
      { name: 'Watch list', min: null, count: 1 },
    ]);
    expect(p.unscored).toBe(1);
    expect(p.keyAccounts).toEqual({ count: 5, limit: 3, over: true });
    expect(p.managers).toEqual([
      { manager: 'Ann Lee', accountIds: ['alpha', 'bravo'], accounts: 2, limit: 1, over: true },
      { manager: 'Bob Ng', accountIds: ['charlie', 'golf'], accounts: 2, limit: 1, over: true },
    ]);
    expect(p.unmanaged).toBe(1); // delta
    expect(p.invalid).toEqual([]);
  });

  it('leaves out accounts whose files have errors, counting them', async () => {
    const loaded = await loadRepo(
      makeRepo({
        ...repoFiles(),
        'accounts/broken.yaml': 'name: Broken\nratings: { revenue: 11, upside: eleven }\n',
        'accounts/alpha.yml': 'name: Alpha again\n', // a second file for id alpha
      }),
    );
    if (!loaded.ok) throw new Error('fixture repo did not load');
    const p = scorePortfolio(loaded.repo);
    expect(p.invalid).toEqual([
      { id: 'alpha', file: 'accounts/alpha.yml', errors: 1, rankedFrom: 'accounts/alpha.yaml' },
      { id: 'broken', file: 'accounts/broken.yaml', errors: 2 },
    ]);
    expect(p.accounts.map((a) => a.id)).not.toContain('broken');
    expect(p.accounts.filter((a) => a.id === 'alpha')).toHaveLength(1);
  });
});

describe('scoring.min_rated_weight: no tier from a handful of ratings', () => {
  // The default model: weights 3, 3, 2, 1, 1, 2, 2, 1 (Σ 15); logo (weight 1) is the lightest.
  const defaults = configSchema.parse({ version: 1 });
  const rate = (ratings: Record<string, number>, cfg = defaults) =>
    scoreAccount('x', accountSchema(cfg).parse({ name: 'X', ratings }), cfg);

  it('defaults to 0.5', () => {
    expect(defaults.scoring.min_rated_weight).toBe(0.5);
  });

  it('gives an account that rates only its lightest criterion, at 5, no tier and no quadrant', () => {
    const a = rate({ logo: 5 });
    expect(a.score).toBe(100);
    expect(a.ratedWeight).toBeCloseTo(1 / 15, 12);
    expect(a.needsRating).toBe(true);
    expect(a.tier).toBeNull();
    expect(a.tiered).toBe(false);
    expect(a.quadrant).toBeNull();
  });

  it('ranks it after every account with a tier, even one that is not key', () => {
    const light = rate({ logo: 5 });
    const weak = rate({ current_revenue: 1, growth_potential: 1, renewal_likelihood: 1, fit: 1 });
    expect(weak.needsRating).toBe(false);
    expect(weak.tier).toBe('Not key');
    expect([light, { ...weak, id: 'y' }].sort(compareScores).map((a) => a.id)).toEqual(['y', 'x']);
  });

  it('keeps the formula for an account at or above the threshold: exactly half the weight counts', () => {
    // current_revenue 3 + growth_potential 3 + relationship_strength 2 = 8 of 15 (0.53): tiered.
    const above = rate({ current_revenue: 5, growth_potential: 5, relationship_strength: 5 });
    expect(above.needsRating).toBe(false);
    expect(above.tier).toBe('Tier 1');
    expect(above.quadrant).toBe('Strategic');
    // Rated weight 7 of 15 (0.47): below half.
    const below = rate({ current_revenue: 5, growth_potential: 5, win_now_likelihood: 5 });
    expect(below.needsRating).toBe(true);
    expect(below.tier).toBeNull();
    // A share exactly on the threshold is enough: 7.5 of 15 with weights of one half.
    const halves = configSchema.parse({ version: 1, scoring: { criteria: [
      { id: 'a', label: 'A', weight: 1, axis: 'current' }, { id: 'b', label: 'B', weight: 1, axis: 'potential' },
    ] } });
    expect(rate({ a: 5 }, halves).needsRating).toBe(false);
  });

  it('is configurable: 0 tiers any account that rates something', () => {
    const lenient = configSchema.parse({ version: 1, scoring: { min_rated_weight: 0 } });
    const a = rate({ logo: 5 }, lenient);
    expect(a.needsRating).toBe(false);
    expect(a.tier).toBe('Tier 1');
    expect(rate({}, lenient).needsRating).toBe(true);
  });

  it('counts accounts that need rating in the portfolio, outside every tier', async () => {
    const loaded = await loadRepo(makeRepo({ 'accounts/light.yaml': 'name: Light\nratings: { logo: 5 }\n', 'accounts/none.yaml': 'name: None\n' }));
    if (!loaded.ok) throw new Error('did not load');
    const p = scorePortfolio(loaded.repo);
    expect(p.needsRating).toBe(2);
    expect(p.tiers.every((t) => t.count === 0)).toBe(true);
    expect(p.keyAccounts.count).toBe(0);
  });
});

describe('scorePortfolio: one id, one place', () => {
  it('with duplicate_id off, ranks the id once and never calls it left out with errors', async () => {
    const loaded = await loadRepo(
      makeRepo({ 'kam.yaml': 'version: 1\nrules: { duplicate_id: off }\n', 'accounts/acme.yaml': 'name: Acme\n', 'accounts/acme.yml': 'name: Acme again\n' }),
    );
    if (!loaded.ok) throw new Error('did not load');
    const p = scorePortfolio(loaded.repo);
    expect(p.accounts.map((a) => [a.id, a.name])).toEqual([['acme', 'Acme']]);
    expect(p.invalid).toEqual([{ id: 'acme', file: 'accounts/acme.yml', errors: 0, rankedFrom: 'accounts/acme.yaml' }]);
  });
});
