// Every number below is worked out by hand from spec 1.2, sections 1-5, on the fixture.
import { describe, expect, it } from 'vitest';
import { contribution } from '../../../src/numbers/economics.js';
import { objectiveProgress } from '../../../src/numbers/objectives.js';
import { minCoverageFor, opportunityProbability, pipelineFigures } from '../../../src/numbers/pipeline.js';
import { compareNumbers, repoNumbers, totalsOf, type AccountNumbers } from '../../../src/numbers/portfolio.js';
import { decisionDay, nextRenewal, renewalFigures } from '../../../src/numbers/renewals.js';
import { offeringShares, walletFigures } from '../../../src/numbers/wallet.js';
import type { Plan } from '../../../src/schema/plan.js';
import { CONFIG, KEY_ACCOUNT, PLAN, TODAY, load, repo } from './fixture.js';

const fixture = () => {
  const r = repo();
  return { r, account: r.accounts[0]!.value!, plan: r.plans[0]!.value!, config: r.config };
};

describe('section 1: objective progress', () => {
  it('comes from the measure, else the actions that name it, else nothing', () => {
    const [markets, partner, text] = objectiveProgress(fixture().plan);
    // (9 - 5) / (14 - 5) = 4/9, although one action names it too: the measure wins.
    expect(markets).toMatchObject({ id: 'markets', progress: 4 / 9, source: 'measure', actions: 1, done: 0, due: '2027-06-30' });
    // 1 done of the 2 actions that name it.
    expect(partner).toMatchObject({ id: 'partner', progress: 0.5, source: 'actions', actions: 2, done: 1 });
    expect(text).toMatchObject({ id: null, title: 'Text only', progress: null, source: null });
  });

  const measured = (measure: string, actions = '[]') =>
    objectiveProgress(load({ 'accounts/acme.yaml': KEY_ACCOUNT, 'plans/acme.yaml': `account: acme\nobjectives:\n  - { id: o, title: O, measure: ${measure} }\nactions: ${actions}\n` }).plans[0]!.value!)[0]!;

  it.each([
    ['beyond the target: clamped to 1', '{ baseline: 5, target: 14, actual: 20 }', 1],
    ['below the baseline: clamped to 0', '{ baseline: 5, target: 14, actual: 2 }', 0],
    ['a target below the baseline (costs down): (7 - 10) / (4 - 10)', '{ baseline: 10, target: 4, actual: 7 }', 0.5],
    ['negative values (NPS): (-5 - -20) / (10 - -20)', '{ baseline: -20, target: 10, actual: -5 }', 0.5],
  ])('measure %s', (_what, measure, progress) => {
    expect(measured(measure)).toMatchObject({ progress, source: 'measure' });
  });

  it('falls back on the actions when the measure has no actual, and is null with neither', () => {
    expect(measured('{ baseline: 5, target: 14 }', '[{ title: A, owner: Ann, objective: o, status: done }, { title: B, owner: Ann, objective: o }, { title: C, owner: Ann, objective: o }]')).toMatchObject({ progress: 1 / 3, source: 'actions', actions: 3, done: 1 });
    expect(measured('{ baseline: 5, target: 14 }')).toMatchObject({ progress: null, source: null, measure: null });
  });
});

describe('section 2: pipeline and the growth target', () => {
  it('sums won and weighted, counts open, divides by the gap', () => {
    const { account, plan, config } = fixture();
    // weighted: 600000 x 0.4 (propose) + 200000 x 0.3 (its own probability over qualify's 0.1) = 300000;
    // the negotiate one has no value, the lost one is not open. won 50000; gap 1600000 - 1100000.
    expect(pipelineFigures(account, plan, config)).toEqual({ current: 1_100_000, target: 1_600_000, gap: 500_000, won: 50_000, weighted: 300_000, coverage: 0.7, open: 3 });
  });

  it('takes the probability from the opportunity, its declared stage, won/lost, or nowhere', () => {
    const { config } = fixture();
    expect(opportunityProbability({ stage: 'qualify', probability: 0.3 }, config)).toEqual({ probability: 0.3, source: 'opportunity' });
    expect(opportunityProbability({ stage: 'negotiate' }, config)).toEqual({ probability: 0.7, source: 'stage' });
    expect(opportunityProbability({ stage: 'won' }, config)).toEqual({ probability: 1, source: 'stage' });
    expect(opportunityProbability({ stage: 'lost' }, config)).toEqual({ probability: 0, source: 'stage' });
    expect(opportunityProbability({}, config)).toEqual({ probability: null, source: null });
    // Without declared stages a stage is free text and gives no probability.
    expect(opportunityProbability({ stage: 'negotiate' }, load({}, 'version: 1\n').config)).toEqual({ probability: null, source: null });
  });

  it('has no coverage when the target is met (gap <= 0) or unknown: never NaN or Infinity', () => {
    const { plan, config } = fixture();
    expect(pipelineFigures({ revenue: { current: 1_600_000, target: 1_600_000 } }, plan, config)).toMatchObject({ gap: 0, coverage: null });
    expect(pipelineFigures({ revenue: { current: 2_000_000, target: 1_600_000 } }, plan, config)).toMatchObject({ gap: -400_000, coverage: null });
    expect(pipelineFigures({ revenue: { current: 2_000_000 } }, plan, config)).toMatchObject({ target: null, gap: null, coverage: null });
    expect(pipelineFigures({}, { opportunities: [] }, config)).toEqual({ current: null, target: null, gap: null, won: 0, weighted: 0, coverage: null, open: 0 });
  });

  it('needs the profile\'s min_coverage, else pipeline\'s, else 1', () => {
    const { config } = fixture();
    expect(minCoverageFor(config, 'Key')).toBe(1);
    const withProfile = load({}, CONFIG.replace('min_coverage: 1', 'min_coverage: 1.5') + 'profiles:\n  Key: { min_coverage: 2 }\n').config;
    expect(minCoverageFor(withProfile, 'Key')).toBe(2);
    expect(minCoverageFor(withProfile, 'Not key')).toBe(1.5);
    expect(minCoverageFor(load({}, 'version: 1\n').config, null)).toBe(1);
  });
});

describe('section 3: wallet share', () => {
  it('sums the wallets given and divides the won value inside them', () => {
    // wallet 1000000 + 2000000; won with a wallet: 400000 (the open 250000 entry has no wallet).
    expect(walletFigures(fixture().plan)).toEqual({ wallet: 3_000_000, wonInWallet: 400_000, share: 400_000 / 3_000_000 });
  });

  it('is null without a wallet, and a wallet of 0 shares nothing', () => {
    expect(walletFigures({ whitespace: [] })).toEqual({ wallet: null, wonInWallet: 0, share: null });
    expect(walletFigures({ whitespace: [{ center: 'a', offering: 'b', status: 'won', value: 5, wallet: 0 }] as Plan['whitespace'] })).toEqual({ wallet: 0, wonInWallet: 5, share: null });
  });

  it('gives the portfolio share per offering over the entries with a wallet', () => {
    const other = { whitespace: [{ center: 'x', offering: 'forecasting', status: 'won', value: 100_000, wallet: 1_000_000 }] as Plan['whitespace'] };
    const shares = offeringShares([fixture().plan, other]);
    // forecasting: (400000 + 100000) / (1000000 + 1000000); pricing: 0 / 2000000.
    expect(shares.get('forecasting')).toEqual({ wallet: 2_000_000, wonInWallet: 500_000, share: 0.25 });
    expect(shares.get('pricing')).toEqual({ wallet: 2_000_000, wonInWallet: 0, share: 0 });
  });
});

describe('section 4: contracts and renewals', () => {
  it('counts unsettled contracts ending within assess_days, and the unknown or at-risk part', () => {
    const { account } = fixture();
    // Window 2026-11-23 .. 2027-05-22: dash-2025 (likely, 400000) and price-2024 (unknown, 150000);
    // old-2023 is renewed (settled), later ends 2028-01-31.
    const r = renewalFigures(account.contracts, 180, TODAY);
    expect(r.renewing).toBe(550_000);
    expect(r.at_risk).toBe(150_000);
    expect(r.window.map((w) => [w.contract.id, w.decision])).toEqual([['dash-2025', '2026-12-31'], ['price-2024', '2027-01-15']]);
  });

  it('includes a contract ending today and one ending on the last day of the window, not the day after', () => {
    const c = (id: string, end: string) => ({ id, end, value: 1, notice_days: 0, renewal: 'at_risk' as const });
    const r = renewalFigures([c('today', TODAY), c('last', '2027-05-22'), c('after', '2027-05-23'), c('ended', '2026-11-22')], 180, TODAY);
    expect(r.window.map((w) => w.contract.id)).toEqual(['today', 'last']);
    expect(r).toMatchObject({ renewing: 2, at_risk: 2 });
  });

  it('is null for an account without contracts; the decision day is end - notice_days', () => {
    expect(renewalFigures(undefined, 180, TODAY)).toEqual({ renewing: null, at_risk: null, window: [] });
    expect(decisionDay({ end: '2027-03-01', notice_days: 1 })).toBe('2027-02-28');
    expect(nextRenewal(fixture().account.contracts)?.id).toBe('price-2024');
  });
});

describe('section 5: economics', () => {
  it('contribution = current x gross_margin - cost_to_serve, null unless all three are given', () => {
    // 1100000 x 0.42 - 200000
    expect(contribution(fixture().account)).toBeCloseTo(262_000, 6);
    expect(contribution({ revenue: { current: 100 }, economics: { gross_margin: 0.5 } })).toBeNull();
    expect(contribution({ economics: { gross_margin: 0.5, cost_to_serve: 1 } })).toBeNull();
    expect(contribution({ revenue: { current: 100 }, economics: { gross_margin: 0.1, cost_to_serve: 50 } })).toBe(-40);
  });
});

describe('the portfolio: kam pipeline', () => {
  const second = `name: Beta
ratings: { revenue: 1, growth: 1 }
revenue: { current: 500000, target: 400000 }
`;
  const secondPlan = 'account: beta\nopportunities:\n  - { name: Up, value: 100000, stage: propose }\n';

  it('lists accounts with a plan, lowest coverage first (nulls last), and totals them by the spec', () => {
    const r = load({ 'accounts/acme.yaml': KEY_ACCOUNT, 'plans/acme.yaml': PLAN, 'accounts/beta.yaml': second, 'plans/beta.yaml': secondPlan, 'accounts/gamma.yaml': 'name: Gamma\n' });
    const n = repoNumbers(r, TODAY);
    expect(n.currency).toBe('EUR');
    expect(n.accounts.map((a) => a.id)).toEqual(['acme', 'beta']);
    expect(n.accounts[0]).toMatchObject({ id: 'acme', name: 'Acme', tier: 'Key', gap: 500_000, coverage: 0.7, open: 3, wallet: 3_000_000, renewing: 550_000, at_risk: 150_000 });
    // beta: gap -100000 (met), weighted 100000 x 0.4; no wallet, contracts or economics.
    expect(n.accounts[1]).toMatchObject({ id: 'beta', tier: 'Not key', gap: -100_000, won: 0, weighted: 40_000, coverage: null, wallet: null, share: null, contribution: null, renewing: null, at_risk: null });
    // gap sums only gaps > 0 (acme's 500000, not beta's -100000); coverage (50000 + 300000) / 500000.
    expect(n.totals).toEqual({ current: 1_600_000, target: 2_000_000, gap: 500_000, won: 50_000, weighted: 340_000, coverage: 0.7, wallet: 3_000_000, renewing: 550_000, at_risk: 150_000 });
  });

  it('totals nothing to zeros and a null coverage', () => {
    expect(totalsOf([])).toEqual({ current: 0, target: 0, gap: 0, won: 0, weighted: 0, coverage: null, wallet: 0, renewing: 0, at_risk: 0 });
  });

  it('orders ties within 1e-9 by id', () => {
    const row = (id: string, coverage: number | null) => ({ id, coverage }) as AccountNumbers;
    const sorted = [row('b', 0.5), row('c', null), row('a', 0.5 + 1e-12), row('d', 0.2)].sort(compareNumbers);
    expect(sorted.map((r) => r.id)).toEqual(['d', 'a', 'b', 'c']);
  });
});
