import { describe, expect, it } from 'vitest';
import { analysisOf } from '../../../src/analysis/analyze.js';
import { sliceCodec } from '../../../src/analysis/slices.js';
import { loadRepo } from '../../../src/load/loadRepo.js';
import { EXAMPLE } from '../../helpers/kamInProcess.js';

/** The example's analysis, as the result cache is given it. */
async function exampleAnalysis() {
  const loaded = await loadRepo(EXAMPLE, { workers: 0, cache: false });
  if (!loaded.ok) throw new Error('example does not load');
  return analysisOf(loaded.repo, { today: '2026-11-20' });
}
/** What reading a stored value back gives: JSON, as the cache file holds it. */
const throughJson = (value: unknown) => JSON.parse(JSON.stringify(value));

// What the result cache stores is read back as the analysis made it: the same values with their
// keys in the same order, so a cached report is byte for byte a fresh one.
describe('analysis slices', () => {
  it('read back exactly what was stored, through JSON, for every slice of the example', async () => {
    const a = await exampleAnalysis();
    const value = { findings: a.check.findings, completeness: a.check.completeness, index: a.index, configRules: {}, config: a.repo.config, portfolio: a.portfolio, health: a.health };
    expect(value.findings.some((f) => Object.keys(f).length > 8)).toBe(true); // some carry rule fields
    const codec = sliceCodec('findings', 'completeness', 'index', 'configRules', 'config', 'portfolio', 'health');
    const stored = throughJson(codec.encode(value));
    const read = codec.schema.safeParse(stored);
    expect(read.success).toBe(true);
    expect(JSON.stringify(read.data)).toBe(JSON.stringify(value));
  });

  it.each([
    ['a finding with a line that is not a whole number', (s: any) => void (s.findings.line[0] = 1.5)],
    ['a YAML path with an object in it', (s: any) => void (s.findings.path[0] = [{ x: 1 }])],
    ['a rule field that is not text', (s: any) => void (s.findings.extra[s.findings.extra.findIndex((e: unknown) => e !== null)] = { question: 7 })],
    ['columns of unequal length', (s: any) => void s.findings.message.pop()],
    ['an account without an id', (s: any) => void (s.index.accounts.id[0] = null)],
    ['a slice missing', (s: any) => void delete s.index],
  ])('reject %s', async (_, damage) => {
    const a = await exampleAnalysis();
    const codec = sliceCodec('findings', 'index');
    const stored = throughJson(codec.encode({ findings: a.check.findings, index: a.index }));
    expect(codec.schema.safeParse(stored).success).toBe(true);
    damage(stored);
    expect(codec.schema.safeParse(stored).success).toBe(false);
  });

  it('store account scores as a table when they share their keys, and as rows when not; both read back as made', async () => {
    const a = await exampleAnalysis();
    const portfolio = a.portfolio;
    const codec = sliceCodec('portfolio');
    const uniform = throughJson(codec.encode({ portfolio }));
    expect(Object.keys(uniform.portfolio.accounts)).toEqual(['keys', 'columns']);
    // A score with a key the others lack (as a ranked score's rank) makes the rows be stored as they are.
    const mixed = { ...portfolio, accounts: portfolio.accounts.map((a, i) => (i === 0 ? { ...a, rank: 1 } : a)) };
    const rows = throughJson(codec.encode({ portfolio: mixed }));
    expect(Array.isArray(rows.portfolio.accounts)).toBe(true);
    for (const [stored, made] of [[uniform, portfolio], [rows, mixed]] as const) {
      const read = codec.schema.safeParse(stored);
      expect(read.success).toBe(true);
      expect(JSON.stringify(read.data)).toBe(JSON.stringify({ portfolio: made }));
    }
    const criteria = (s: any) => s.portfolio.accounts.columns[s.portfolio.accounts.keys.indexOf('criteria')];
    // The criteria are packed: their ids once, numbers per account.
    expect(Object.keys(criteria(uniform))).toEqual(['ids', 'rows']);
    expect(criteria(uniform).ids).toEqual(a.repo.config.scoring.criteria.map((c) => c.id));
    for (const damage of [
      (s: any) => void (s.portfolio.accounts.columns[0][0] = 7),
      (s: any) => void (criteria(s).rows[0][0] = criteria(s).ids.length), // a criterion number past the ids
      (s: any) => void (criteria(s).rows[0][1] = '4'), // a rating that is no number
      (s: any) => void criteria(s).rows[0].pop(), // a criterion cut short
      (s: any) => void criteria(s).rows.pop(), // a row missing
      (s: any) => void criteria(s).ids.push(criteria(s).ids[0]), // an id twice
      (s: any) => void (s.portfolio.accounts.columns[0] = structuredClone(criteria(s))), // the packed form in another column
      (s: any) => void s.portfolio.accounts.keys.push('rank'), // a key without its column
      (s: any) => void (s.portfolio.unscored = 'none'),
      (s: any) => void (s.portfolio.accounts.keys.push('__proto__'), s.portfolio.accounts.columns.push(s.portfolio.accounts.columns[0].map(() => ({ polluted: true })))),
    ]) {
      const stored = structuredClone(uniform);
      damage(stored);
      expect(codec.schema.safeParse(stored).success).toBe(false);
    }
  });

  it('criteria that do not fit the packed form are stored as they are; a stored id __proto__ is an own key, as JSON would make it', async () => {
    const { portfolio } = await exampleAnalysis();
    const codec = sliceCodec('portfolio');
    const odd = { ...portfolio, accounts: portfolio.accounts.map((a, i) => (i === 0 ? { ...a, criteria: { fit: { rating: 3, weight: 1, normalized: 0.5, contribution: 2, note: 'x' } } } : a)) };
    const stored = throughJson(codec.encode({ portfolio: odd }));
    expect(Array.isArray(stored.portfolio.accounts.columns[stored.portfolio.accounts.keys.indexOf('criteria')])).toBe(true);
    const read = codec.schema.safeParse(stored);
    expect(read.success).toBe(true);
    expect(JSON.stringify(read.data)).toBe(JSON.stringify({ portfolio: odd }));

    const packed = throughJson(codec.encode({ portfolio }));
    const criteria = packed.portfolio.accounts.columns[packed.portfolio.accounts.keys.indexOf('criteria')];
    criteria.ids[0] = '__proto__';
    const decoded = codec.schema.safeParse(packed);
    expect(decoded.success).toBe(true);
    const first = (decoded.data as { portfolio: typeof portfolio }).portfolio.accounts[criteria.rows.findIndex((row: number[]) => row[0] === 0)]!;
    expect(Object.getPrototypeOf(first.criteria)).toBe(Object.prototype);
    expect(Object.hasOwn(first.criteria, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).rating).toBeUndefined();
  });
});
