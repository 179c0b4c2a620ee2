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
