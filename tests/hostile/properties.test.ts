// Property-based tests: for any input, loading and checking terminate with findings (never throw),
// and the score stays in 0..100 and moves the right way. Bounded runs keep `npm test` fast.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkRepo } from '../../src/check/checkRepo.js';
import { loadText, type LoadedFile } from '../../src/load/loadText.js';
import { assembleRepo, type LoadedConfig } from '../../src/load/loadRepo.js';
import { decodeText } from '../../src/repoFs/readText.js';
import { scoreAccount } from '../../src/score/score.js';
import { accountSchema, type Account } from '../../src/schema/account.js';
import { configSchema, defaultConfig, type Config } from '../../src/schema/config.js';
import { planSchema, type Plan } from '../../src/schema/plan.js';

const RUNS = { numRuns: 200 };
const config = defaultConfig();
const schemas = { account: accountSchema(config), plan: planSchema(config), config: configSchema };
const configFile = loadText(configSchema, 'kam', 'kam.yaml', 'version: 1\n', null) as LoadedConfig;

/** Keys a plan or account really has, so generated documents reach deep into the schemas. */
const knownKey = fc.constantFrom('name', 'manager', 'ratings', 'revenue', 'account', 'answers', 'team', 'actions', 'stakeholders', 'fit', 'effort', 'current', 'title', 'owner', 'due', 'status', 'na', 'our_team.sponsor', '__proto__', 'constructor', 'version', 'scoring', 'rules');
const yamlish = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), tie('map'), fc.array(tie('value'), { maxLength: 4 })),
  map: fc.dictionary(fc.oneof(knownKey, fc.string()), tie('value'), { maxKeys: 6 }),
})).value;

/** YAML texts: documents stringified from arbitrary values, and arbitrary (often broken) text. */
const yamlText = fc.oneof(
  yamlish.map((v) => safeStringify(v)),
  fc.jsonValue().map((v) => safeStringify(v)),
  fc.anything({ withMap: true, withSet: true, withNullPrototype: true, withObjectString: true }).map((v) => safeStringify(v)),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom(...'ab:-[]{}&*!|>\'"#%@`?,\n \t'), maxLength: 120 }),
);

function safeStringify(v: unknown): string {
  try {
    return stringify(v) ?? '';
  } catch {
    return String(v);
  }
}

function expectFindingsOrValue(loaded: LoadedFile<unknown>): void {
  expect(Array.isArray(loaded.findings)).toBe(true);
  if (loaded.value === undefined) expect(loaded.findings.length).toBeGreaterThan(0);
  for (const f of loaded.findings) {
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(f.message.length).toBeGreaterThan(0);
  }
}

describe('loading never throws', () => {
  it.each(Object.keys(schemas) as (keyof typeof schemas)[])('any YAML text with the %s schema gives a value or findings', (kind) => {
    fc.assert(
      fc.property(yamlText, (text) => {
        expectFindingsOrValue(loadText(schemas[kind], 'x', `${kind}/x.yaml`, text, 'x') as LoadedFile<unknown>);
      }),
      RUNS,
    );
  });

  it('any bytes: decoded text or a finding, then a value or findings', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const decoded = decodeText(bytes, { file: 'accounts/x.yaml', account: 'x', line: 1, column: 1 });
        if ('finding' in decoded) return;
        expectFindingsOrValue(loadText(schemas.account, 'x', 'accounts/x.yaml', decoded.text, 'x') as LoadedFile<unknown>);
      }),
      RUNS,
    );
  });

  it('checkRepo on a repo built from arbitrary files ends with findings and a summary', () => {
    fc.assert(
      fc.property(fc.array(yamlText, { maxLength: 6 }), fc.array(yamlText, { maxLength: 6 }), (accountTexts, planTexts) => {
        const accounts = accountTexts.map((t, i) => loadText(schemas.account, `a${i}`, `accounts/a${i}.yaml`, t, `a${i}`));
        const plans = planTexts.map((t, i) => loadText(schemas.plan, `a${i}`, `plans/a${i}.yaml`, t, `a${i}`));
        const repo = assembleRepo('/repo', config, configFile, accounts as LoadedFile<Account>[], plans as LoadedFile<Plan>[]);
        const result = checkRepo(repo, { today: '2026-11-23' });
        expect(result.summary.accounts).toBe(accounts.length);
        expect(result.summary.errors + result.summary.warnings).toBe(result.findings.length);
      }),
      RUNS,
    );
  });
});

describe('the score', () => {
  const { min, max } = config.scoring.scale;
  const criteria = config.scoring.criteria;
  const ratings = fc.record(Object.fromEntries(criteria.map((c) => [c.id, fc.integer({ min, max })])) as Record<string, fc.Arbitrary<number>>, { requiredKeys: [] });
  const account = ratings.map((r): Account => ({ name: 'Acme', ratings: r }) as Account);

  it('is in 0..100 for any valid account (null only when nothing is rated)', () => {
    fc.assert(
      fc.property(account, (a) => {
        const s = scoreAccount('acme', a, config);
        if (Object.keys(a.ratings).length === 0) expect(s.score).toBeNull();
        else {
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(100);
        }
      }),
      RUNS,
    );
  });

  it('never falls when a rating rises, and never rises when an inverse rating rises', () => {
    fc.assert(
      fc.property(account, fc.constantFrom(...criteria), (a, c) => {
        const r = (a.ratings as Record<string, number | undefined>)[c.id];
        if (r === undefined || r === max) return;
        const before = scoreAccount('acme', a, config).score!;
        const after = scoreAccount('acme', { ...a, ratings: { ...a.ratings, [c.id]: r + 1 } }, config).score!;
        if (c.inverse) expect(after).toBeLessThanOrEqual(before + 1e-9);
        else expect(after).toBeGreaterThanOrEqual(before - 1e-9);
      }),
      RUNS,
    );
  });

  it('holds for any valid scoring model too (random weights, scale and inverse flags)', () => {
    const model = fc
      .record({
        lo: fc.integer({ min: -5, max: 5 }),
        span: fc.integer({ min: 1, max: 10 }),
        criteria: fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), weight: fc.integer({ min: 1, max: 10 }), inverse: fc.boolean(), axis: fc.constantFrom('current', 'potential') }), { minLength: 1, maxLength: 6, selector: (c) => c.id }),
      })
      .map(({ lo, span, criteria: cs }) => configSchema.parse({ version: 1, scoring: { scale: { min: lo, max: lo + span }, criteria: cs.map((c) => ({ ...c, label: c.id })) } }) as Config);
    fc.assert(
      fc.property(model, fc.infiniteStream(fc.integer({ min: 0, max: 1000 })), fc.nat(), (cfg, picks, which) => {
        const { min: lo, max: hi } = cfg.scoring.scale;
        const it = picks[Symbol.iterator]();
        const rated = Object.fromEntries(cfg.scoring.criteria.map((c) => [c.id, lo + (it.next().value as number) % (hi - lo + 1)]));
        const a = { name: 'Acme', ratings: rated } as Account;
        const s = scoreAccount('acme', a, cfg).score!;
        expect(s).toBeGreaterThanOrEqual(-1e-9);
        expect(s).toBeLessThanOrEqual(100 + 1e-9);
        const c = cfg.scoring.criteria[which % cfg.scoring.criteria.length]!;
        if (rated[c.id] === hi) return;
        const raised = scoreAccount('acme', { ...a, ratings: { ...rated, [c.id]: rated[c.id]! + 1 } }, cfg).score!;
        if (c.inverse) expect(raised).toBeLessThanOrEqual(s + 1e-9);
        else expect(raised).toBeGreaterThanOrEqual(s - 1e-9);
      }),
      { numRuns: 100 },
    );
  });
});
