import { describe, expect, it } from 'vitest';
import { resolveMapping } from '../../../src/import/mapping.js';
import { configSchema, defaultConfig } from '../../../src/schema/config.js';
import { bandRating, bandsProblem } from '../../../src/schema/importConfig.js';

const HEADER = ['Account Name', 'industry', 'Owner', 'Revenue', 'Phone', ''];

describe('resolveMapping', () => {
  it('combines kam.yaml, --map and columns named like fields', () => {
    const config = configSchema.parse({ version: 1, import: { map: { Owner: 'manager', Phone: 'ignore', Missing: 'region' } } });
    const mapping = resolveMapping(HEADER, config, { map: ['Account Name=name', 'revenue=revenue.current,ratings.current_revenue'] }, 'crm.csv');
    expect(mapping.columns).toEqual([
      { index: 0, column: 'Account Name', fields: ['name'] },
      { index: 1, column: 'industry', fields: ['industry'] },
      { index: 2, column: 'Owner', fields: ['manager'] },
      { index: 3, column: 'Revenue', fields: ['revenue.current', 'ratings.current_revenue'] },
    ]);
    expect(mapping.unmapped).toEqual([]);
    expect(mapping.absent).toEqual(['Missing']);
  });

  it('lets --map override kam.yaml per column and lists unmapped columns', () => {
    const config = configSchema.parse({ version: 1, import: { map: { Owner: 'manager' } } });
    const mapping = resolveMapping(HEADER, config, { map: ['Owner=ignore', 'Account Name=name'] }, 'crm.csv');
    expect(mapping.columns.map((c) => c.column)).toEqual(['Account Name', 'industry']);
    expect(mapping.unmapped).toEqual(['Revenue', 'Phone']);
  });

  it('keeps both fields when --map names one column twice', () => {
    const mapping = resolveMapping(
      HEADER,
      defaultConfig(),
      { map: ['Account Name=name', 'Revenue=revenue.current', 'Revenue=ratings.current_revenue', 'Revenue=revenue.current'], bands: ['current_revenue=1,2,3,4'] },
      'crm.csv',
    );
    expect(mapping.columns.find((c) => c.column === 'Revenue')).toEqual({ index: 3, column: 'Revenue', fields: ['revenue.current', 'ratings.current_revenue'] });
  });

  it('refuses a field filled by two columns', () => {
    expect(() => resolveMapping(HEADER, defaultConfig(), { map: ['Account Name=name', 'Owner=name'] }, 'crm.csv')).toThrow(
      'columns "Account Name" and "Owner" both map to name',
    );
  });

  it('takes bands from kam.yaml and --bands, checked against the scale', () => {
    const config = configSchema.parse({ version: 1, import: { bands: { fit: [1, 2, 3, 4] } } });
    const mapping = resolveMapping(HEADER, config, { map: ['Account Name=name', 'Revenue=ratings.current_revenue'], bands: ['current_revenue=10,20,30,40'] }, 'x.csv');
    expect(mapping.bands).toEqual({ fit: [1, 2, 3, 4], current_revenue: [10, 20, 30, 40] });
  });
});

describe('bands', () => {
  it('turns numbers into ratings: below the first threshold is the minimum', () => {
    const t = [100, 200, 300, 400];
    expect([0, 99.9, 100, 250, 399, 400, 1e9].map((v) => bandRating(v, t, 1))).toEqual([1, 1, 2, 3, 4, 5, 5]);
    expect(bandRating(5, [10], 0)).toBe(0);
  });

  it('needs scale.max - scale.min ascending thresholds', () => {
    const scoring = defaultConfig().scoring;
    expect(bandsProblem('fit', [1, 2, 3, 4], scoring)).toBeUndefined();
    expect(bandsProblem('fit', [1, 2, 3], scoring)).toMatch(/needs 4 thresholds for the 1..5 scale/);
    expect(bandsProblem('fit', [1, 2, 2, 4], scoring)).toMatch(/ascending order; 2 comes after 2/);
    expect(bandsProblem('fitt', [1, 2, 3, 4], scoring)).toMatch(/did you mean "fit"/);
  });

  it('are validated where kam.yaml declares them', () => {
    const result = configSchema.safeParse({ version: 1, scoring: { scale: { min: 0, max: 2 } }, import: { bands: { fit: [5, 1] }, map: { A: 'ratings.nope' } } });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['import.map.A', expect.stringContaining('"ratings.nope" names no criterion')],
      ['import.bands.fit', expect.stringContaining('ascending order; 1 comes after 5')],
    ]);
  });
});
