import { describe, expect, it } from 'vitest';
import { explainHealth } from '../../../src/health/explain.js';
import { bandFor, weakestComponent } from '../../../src/health/health.js';
import { repoHealth, type PlanHealth } from '../../../src/health/portfolio.js';
import { loadFromSource, type Repo } from '../../../src/load/loadRepo.js';

// Every number below is worked out by hand from spec 1.1, section 4.
const CONFIG = `version: 1
scoring:
  criteria:
    - { id: revenue, label: Revenue, weight: 1, axis: current }
    - { id: growth, label: Growth, weight: 1, axis: potential }
  tiers:
    - { name: Key, min: 50 }
review:
  cadence_days: 90
roles:
  - { id: lead, label: Lead }
  - { id: expert, label: Expert }
checklist:
  categories:
    - id: team
      title: Team
      questions:
        - { id: team.sponsor, text: Who sponsors? }
        - { id: team.lead, text: Who leads? }
    - id: needs
      title: Needs
      questions:
        - { id: needs.pain, text: What hurts? }
        - { id: needs.budget, text: What budget? }
profiles:
  Key:
    stakeholder_roles: [decision_maker, champion]
    cadence_days: 30
health:
  measures:
    - { id: nps, label: Net Promoter Score, weight: 2, min: -100, max: 100, max_age_days: 180 }
`;

const KEY_ACCOUNT = `name: Acme
manager: Ann
ratings: { revenue: 5, growth: 5 }
health:
  nps: { value: 35, as_of: 2026-10-15 }
`;

const TODAY = '2026-11-23';

// completeness 3/4 (one n/a), reviewed 40 days ago (cadence 30), lead held but not expert,
// decision maker owned but champion not, actions: 1 on track, 1 overdue, 1 blocked (done ignored).
const FULL_PLAN = `account: acme
stage: execution
last_reviewed: 2026-10-14
team:
  - { name: Ann, roles: [lead] }
stakeholders:
  - { name: Bo, role: decision_maker, owner: Ann }
  - { name: Cy, role: champion }
answers:
  team.sponsor: Carl
  team.lead: { na: Ann leads alone }
  needs.pain: Forecasts
actions:
  - { title: Workshop, owner: Ann, due: 2026-12-01 }
  - { title: Proposal, owner: Ann, due: 2026-11-22 }
  - { title: Legal, owner: Ann, status: blocked }
  - { title: Kickoff, owner: Ann, due: 2026-01-01, status: done }
`;

function load(files: Record<string, string>, config = CONFIG): Repo {
  const result = loadFromSource('/repo', { file: 'kam.yaml', text: config }, Object.entries(files).map(([file, text]) => ({ file, text })));
  if (!result.ok) throw new Error(`fixture kam.yaml is invalid: ${JSON.stringify(result.findings)}`);
  const problems = result.repo.findings.filter((f) => f.severity === 'error');
  if (problems.length) throw new Error(`fixture has errors: ${JSON.stringify(problems)}`);
  return result.repo;
}

function healthOf(plan: string, opts: { account?: string; config?: string; today?: string; lastCommitDate?: (f: string) => string | undefined } = {}): PlanHealth {
  const repo = load({ 'accounts/acme.yaml': opts.account ?? KEY_ACCOUNT, 'plans/acme.yaml': plan }, opts.config);
  const [h] = repoHealth(repo, { today: opts.today ?? TODAY, lastCommitDate: opts.lastCommitDate });
  if (!h) throw new Error('no health computed');
  return h;
}

const withReview = (date: string | null, extra = '', id = 'acme') => `account: ${id}
${date ? `last_reviewed: ${date}\n` : ''}team:
  - { name: Ann, roles: [lead, expert] }
answers:
  team.sponsor: Carl
  team.lead: Ann
  needs.pain: Forecasts
  needs.budget: 1M
${extra}`;

describe('health components (spec 1.1, section 4)', () => {
  it('computes every component of a plan that has them all', () => {
    const h = healthOf(FULL_PLAN);
    expect(h.tier).toBe('Key');
    expect(Object.keys(h.components)).toEqual(['completeness', 'freshness', 'team', 'stakeholders', 'execution', 'nps']);
    expect(h.components.completeness).toEqual({ value: 0.75, weight: 3 });
    expect(h.components.freshness!.value).toBeCloseTo(1 - 10 / 30, 12);
    expect(h.components.team).toEqual({ value: 0.5, weight: 1 });
    expect(h.components.stakeholders).toEqual({ value: 0.5, weight: 2 });
    expect(h.components.execution!.value).toBeCloseTo(1 / 3, 12);
    expect(h.components.nps).toEqual({ value: 0.675, weight: 2 });
    expect(h.left_out).toEqual([]);
    // 100 x (3 x 0.75 + 2 x 2/3 + 1 x 0.5 + 2 x 0.5 + 2 x 1/3 + 2 x 0.675) / 12 = 710 / 12
    expect(h.health).toBeCloseTo(710 / 12, 9);
    expect(h.band).toBe('amber');
    expect(weakestComponent(h)).toBe('execution');
  });

  it('leaves out what there is nothing to measure, never counting it as zero', () => {
    // No profile applies (the account is untiered): no stakeholder role is required; no actions
    // at stage research; no nps value on the account.
    const h = healthOf(withReview('2026-11-01', 'stage: research\n'), { account: 'name: Acme\nratings: { revenue: 1, growth: 1 }\n' });
    expect(h.tier).toBe('Not key');
    expect(h.left_out).toEqual(['stakeholders', 'execution', 'nps']);
    expect(h.components).toEqual({ completeness: { value: 1, weight: 3 }, freshness: { value: 1, weight: 2 }, team: { value: 1, weight: 1 } });
    expect(h.health).toBe(100);
    expect(h.band).toBe('green');
  });

  it('leaves out completeness and team when the profile requires no question and no role', () => {
    const config = CONFIG.replace('    cadence_days: 30\n', '    cadence_days: 30\n    roles: []\n    checklist: []\n');
    const h = healthOf(FULL_PLAN, { config });
    expect(h.left_out).toEqual(['completeness', 'team']);
    // 100 x (2 x 2/3 + 2 x 0.5 + 2 x 1/3 + 2 x 0.675) / 8
    expect(h.health).toBeCloseTo((100 * (4 / 3 + 1 + 2 / 3 + 1.35)) / 8, 9);
  });

  it('leaves out a component weighted 0', () => {
    const config = `${CONFIG}  weights: { completeness: 0 }\n`;
    const h = healthOf(FULL_PLAN, { config });
    expect(h.left_out).toEqual(['completeness']);
    expect(h.health).toBeCloseTo((100 * (710 / 100 - 2.25)) / 9, 9);
  });

  it('counts execution 0 without live actions at the later stages', () => {
    for (const stage of ['action_plan', 'execution', 'review']) {
      const h = healthOf(withReview('2026-11-01', `stage: ${stage}\nactions:\n  - { title: Done, owner: Ann, due: 2026-01-01, status: done }\n`));
      expect(h.components.execution).toEqual({ value: 0, weight: 2 });
    }
    for (const stage of ['strategy', 'research']) expect(healthOf(withReview('2026-11-01', `stage: ${stage}\n`)).left_out).toContain('execution');
    expect(healthOf(withReview('2026-11-01')).left_out).toContain('execution');
  });

  it('counts blocked and overdue actions against execution; due today is not overdue', () => {
    const actions = `stage: execution
actions:
  - { title: A, owner: Ann, due: ${TODAY} }
  - { title: B, owner: Ann }
  - { title: C, owner: Ann, due: 2026-11-22 }
  - { title: D, owner: Ann, due: 2026-12-30, status: blocked }
`;
    expect(healthOf(withReview('2026-11-01', actions)).components.execution).toEqual({ value: 0.5, weight: 2 });
  });

  it('uses a fresh measure and leaves out a stale one', () => {
    const account = (asOf: string) => `name: Acme\nratings: { revenue: 5, growth: 5 }\nhealth:\n  nps: { value: 35, as_of: ${asOf} }\n`;
    // 2026-05-27 is 180 days before today: still fresh; a day earlier is stale.
    expect(healthOf(FULL_PLAN, { account: account('2026-05-27') }).components.nps).toEqual({ value: 0.675, weight: 2 });
    const stale = healthOf(FULL_PLAN, { account: account('2026-05-26') });
    expect(stale.components.nps).toBeUndefined();
    expect(stale.left_out).toEqual(['nps']);
    expect(stale.health).toBeCloseTo((100 * (710 / 100 - 1.35)) / 10, 9);
  });

  it('clamps a measure outside min..max', () => {
    const account = (v: number) => `name: Acme\nratings: { revenue: 5, growth: 5 }\nhealth:\n  nps: { value: ${v}, as_of: 2026-11-01 }\n`;
    expect(healthOf(FULL_PLAN, { account: account(150) }).components.nps!.value).toBe(1);
    expect(healthOf(FULL_PLAN, { account: account(-150) }).components.nps!.value).toBe(0);
  });

  it.each([
    // [last reviewed, age in days at cadence 30, freshness]
    ['2026-10-24', 30, 1],
    ['2026-10-31', 23, 1],
    ['2026-10-09', 45, 0.5],
    ['2026-10-04', 50, 1 - 20 / 30],
    ['2026-09-24', 60, 0],
    ['2026-08-01', 114, 0],
  ])('freshness reviewed %s (%i days ago, cadence 30) is %d', (date, _age, expected) => {
    expect(healthOf(withReview(date)).components.freshness!.value).toBeCloseTo(expected, 12);
  });

  it('freshness is 0 without a review date, and uses the last commit date like stale_plan', () => {
    expect(healthOf(withReview(null)).components.freshness).toEqual({ value: 0, weight: 2 });
    const fromGit = healthOf(withReview(null), { lastCommitDate: (f) => (f === 'plans/acme.yaml' ? '2026-10-09' : undefined) });
    expect(fromGit.components.freshness!.value).toBeCloseTo(0.5, 12);
  });

  it('uses review.cadence_days when no profile applies', () => {
    // untiered: cadence 90; 135 days ago is halfway to 180.
    const h = healthOf(withReview('2026-07-11'), { account: 'name: Acme\nratings: { revenue: 1, growth: 1 }\n' });
    expect(h.components.freshness!.value).toBeCloseTo(0.5, 12);
  });
});

describe('health bands', () => {
  const bands = { green: 70, amber: 40 };
  it.each([
    [100, 'green'],
    [70, 'green'],
    [70 - 1e-10, 'green'],
    [69.99, 'amber'],
    [40, 'amber'],
    [40 - 1e-10, 'amber'],
    [39.99, 'red'],
    [0, 'red'],
  ] as const)('%d is %s', (health, band) => {
    expect(bandFor(health, bands)).toBe(band);
  });
  it('null health has no band', () => expect(bandFor(null, bands)).toBeNull());

  // Weights chosen so that health lands exactly on a boundary: completeness 1, freshness 0.
  const exact = (completeness: number, freshness: number) =>
    `${CONFIG}  weights: { completeness: ${completeness}, freshness: ${freshness}, team: 0, stakeholders: 0, execution: 0 }\n  bands: { green: 70, amber: 40 }\n`;
  const NO_NPS = 'name: Acme\nratings: { revenue: 5, growth: 5 }\n';
  it('an account at exactly 70 is green, at exactly 40 amber', () => {
    const green = healthOf(withReview(null), { config: exact(7, 3), account: NO_NPS });
    expect(green.health).toBe(70);
    expect(green.band).toBe('green');
    const amber = healthOf(withReview(null), { config: exact(4, 6), account: NO_NPS });
    expect(amber.health).toBe(40);
    expect(amber.band).toBe('amber');
    const red = healthOf(withReview(null), { config: exact(39, 61), account: NO_NPS });
    expect(red.health).toBeCloseTo(39, 9);
    expect(red.band).toBe('red');
  });
});

describe('repoHealth', () => {
  it('lists accounts with a plan, worst first, ties by id; accounts without a plan are not listed', () => {
    const repo = load({
      'accounts/acme.yaml': KEY_ACCOUNT,
      'plans/acme.yaml': FULL_PLAN,
      'accounts/zeta.yaml': 'name: Zeta\nratings: { revenue: 1, growth: 1 }\n',
      'plans/zeta.yaml': withReview(null, '', 'zeta'),
      'accounts/beta.yaml': 'name: Beta\nratings: { revenue: 1, growth: 1 }\n',
      'plans/beta.yaml': withReview(null, '', 'beta'),
      'accounts/solo.yaml': 'name: Solo\n',
    });
    const list = repoHealth(repo, { today: TODAY });
    // acme 710/12 = 59.2; beta and zeta (untiered, never reviewed) 100 x (3 + 0 + 1) / 6 = 66.7.
    expect(list.map((h) => h.id)).toEqual(['acme', 'beta', 'zeta']);
    expect(list[1]!.health).toBeCloseTo((100 * 4) / 6, 9);
    expect(list[2]!.health).toBe(list[1]!.health);
  });
});

describe('explainHealth', () => {
  it('says which single component lifts the account a band, and to what value', () => {
    const h = healthOf(FULL_PLAN);
    const e = explainHealth(h, load({ 'accounts/acme.yaml': KEY_ACCOUNT, 'plans/acme.yaml': FULL_PLAN }).config);
    expect(e.weight).toBe(12);
    expect(e.next).toEqual({ band: 'green', min: 70 });
    // 70 - 710/12 = 10.83 points; execution (1/3, weight 2) needs 1/3 + 10.83 x 12 / 200 = 0.9833.
    expect(e.lifts.map((l) => l.component)).toEqual(['execution', 'stakeholders', 'completeness', 'freshness', 'nps', 'team']);
    expect(e.lifts[0]!.needed).toBeCloseTo(1 / 3 + ((70 - 710 / 12) * 12) / 200, 9);
    expect(e.lifts[0]!.most).toBeCloseTo((100 * 2 * (2 / 3)) / 12, 9);
    expect(e.lifts.slice(1).every((l) => l.needed === null)).toBe(true);
    const points = e.components.reduce((s, c) => s + (c.points ?? 0), 0);
    expect(points).toBeCloseTo(h.health!, 9);
  });
});

describe('measure ids', () => {
  it.each(['constructor', 'freshness'])('rejects %s as a measure id in kam.yaml', (id) => {
    const config = CONFIG.replace('    - { id: nps,', `    - { id: ${id}, label: C, min: 0, max: 10 }\n    - { id: nps,`);
    const result = loadFromSource('/repo', { file: 'kam.yaml', text: config }, []);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.findings[0]).toMatchObject({ rule: 'schema', file: 'kam.yaml', path: ['health', 'measures', 0, 'id'] });
  });
});
