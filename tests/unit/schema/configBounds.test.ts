import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/schema/config.js';
import { DEFAULT_CRITERIA } from '../../../src/schema/defaults.js';

const criteria = (patch: (c: Record<string, unknown>, i: number) => Record<string, unknown>) => DEFAULT_CRITERIA.map((c, i) => patch({ ...c }, i));
const issues = (scoring: object, extra: object = {}) => {
  const r = configSchema.safeParse({ version: 1, scoring, ...extra });
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('config bounds (hostile or careless kam.yaml)', () => {
  it('refuses a criterion named after an Object.prototype property', () => {
    expect(issues({ criteria: criteria((c, i) => (i === 0 ? { ...c, id: 'constructor' } : c)) })).toEqual([
      { path: 'scoring.criteria.0.id', message: '"constructor" is a name kam reserves (every JavaScript object has it); pick another id, e.g. "constructor_score"' },
    ]);
    // Other ids (roles, checklist) go through the same check.
    expect(issues({}, { roles: [{ id: 'constructor', label: 'X' }] }).map((i) => i.path)).toEqual(['roles.0.id']);
  });

  it.each([
    [1e308, 'must be at most 1,000,000: weights are relative, so scale them all down'],
    [1e-320, 'must be at least 0.000001: weights are relative, so scale them all up'],
  ])('refuses weight %d', (weight, message) => {
    expect(issues({ criteria: criteria((c, i) => (i === 1 ? { ...c, weight } : c)) })).toEqual([{ path: 'scoring.criteria.1.weight', message }]);
  });

  it('accepts the bounds themselves', () => {
    expect(issues({ criteria: criteria((c, i) => ({ ...c, weight: i === 0 ? 1_000_000 : 0.000001 })) })).toEqual([]);
    expect(issues({ scale: { min: 0, max: 100 } })).toEqual([]);
  });

  it.each([
    [{ min: 1, max: 9007199254740991 }, 'scoring.scale.max'],
    [{ min: -50, max: 51 }, 'scoring.scale.max'],
  ])('refuses a scale spanning more than 100 steps: %j', (scale, path) => {
    const found = issues({ scale });
    expect(found.map((i) => i.path)).toContain(path);
    expect(found.some((i) => /at most (100 steps|1,000,000)/.test(i.message))).toBe(true);
  });

  it('refuses an untiered label equal to a tier name', () => {
    expect(issues({ tiers: [{ name: 'Tier 1', min: 70 }, { name: 'Other', min: 40 }], untiered: 'Other' })).toEqual([
      { path: 'scoring.untiered', message: '"Other" is also the name of a tier; the label for accounts in no tier must differ from every tier name' },
    ]);
  });
});

describe('health bounds (issue 24): weights and measure ranges that would make health NaN', () => {
  const healthIssues = (health: object) => issues({}, { health });
  const measure = (patch: object) => ({ measures: [{ id: 'nps', label: 'NPS', min: -100, max: 100, ...patch }] });

  it('refuses a component weight of 1e308, as scoring weights', () => {
    expect(healthIssues({ weights: { execution: 1e308 } })).toEqual([{ path: 'health.weights.execution', message: 'must be at most 1,000,000: weights are relative, so scale them all down' }]);
    expect(healthIssues(measure({ weight: 1e308 })).map((i) => i.path)).toEqual(['health.measures.0.weight']);
    expect(healthIssues({ weights: { execution: 1_000_000, team: 0 } })).toEqual([]);
  });

  it('refuses a measure range that overflows, at the end that does', () => {
    expect(healthIssues(measure({ min: -1e308, max: 1e308 })).map((i) => i.path)).toEqual(['health.measures.0.min', 'health.measures.0.max']);
    expect(healthIssues(measure({ max: 1e308 }))).toEqual([{ path: 'health.measures.0.max', message: 'must be at most 1e15 (1,000,000,000,000,000): a range wider than that overflows' }]);
    expect(healthIssues(measure({ min: -1e15, max: 1e15 }))).toEqual([]);
  });
});

describe('health bounds on the command line (issue 24)', () => {
  it('kam health stops with a located config error, never a NaN health', async () => {
    const { kam } = await import('../../helpers/kamInProcess.js');
    const { makeRepo } = await import('../../helpers/tmpRepo.js');
    const root = makeRepo({ 'kam.yaml': 'version: 1\nhealth:\n  measures:\n    - id: nps\n      label: NPS\n      min: -1e308\n      max: 1e308\n' });
    const run = await kam(['health', '--repo', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/kam\.yaml\n\s*6:12\s+error\s+health\.measures item 1, min: must be at least -1e15/);
    expect(run.stdout).not.toMatch(/NaN/);
  });
});
