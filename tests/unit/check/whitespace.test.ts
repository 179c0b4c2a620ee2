// Spec 1.1, sections 3 and 5: the whitespace map's schema, `whitespace_unassessed` and the
// whitespace/opportunity half of `unknown_reference`.
import { describe, expect, it } from 'vitest';
import { checkRepo } from '../../../src/check/checkRepo.js';
import { loadRepo } from '../../../src/load/loadRepo.js';
import type { RuleId } from '../../../src/schema/rules.js';
import { kam } from '../../helpers/kamInProcess.js';
import { makeRepo } from '../../helpers/tmpRepo.js';

const CONFIG = `version: 1
scoring:
  criteria:
    - { id: revenue, label: Revenue, weight: 1, axis: current }
    - { id: growth, label: Growth, weight: 1, axis: potential }
roles:
  - { id: lead, label: Lead }
checklist:
  categories:
    - id: team
      title: Team
      questions:
        - { id: team.sponsor, text: Who sponsors? }
offerings:
  - { id: forecasting, label: Demand forecasting }
  - { id: pricing, label: Pricing analytics }
`;

const ACCOUNT = 'name: Acme\nmanager: Ann\nratings: { revenue: 5, growth: 5 }\n';

// Every center x offering assessed, every reference declared.
const PLAN = `account: acme
last_reviewed: 2026-11-01
team:
  - { name: Ann, roles: [lead] }
stakeholders:
  - { name: Bo, role: decision_maker, owner: Ann }
answers:
  team.sponsor: Carl
buying_centers:
  - { id: emea-supply, name: EMEA supply chain }
  - { id: us-retail, name: US retail }
whitespace:
  - { center: emea-supply, offering: forecasting, status: won, value: 400000 }
  - { center: emea-supply, offering: pricing, status: competitor, competitor: Acme }
  - { center: us-retail, offering: forecasting, status: open, value: 250000 }
  - { center: us-retail, offering: pricing, status: not_a_fit }
opportunities:
  - { name: Pricing pilot, value: 150000, close: 2027-05-31, center: emea-supply, offering: pricing }
`;

async function check(files: Record<string, string>) {
  const root = makeRepo({ 'kam.yaml': CONFIG, 'accounts/acme.yaml': ACCOUNT, 'plans/acme.yaml': PLAN, ...files });
  const loaded = await loadRepo(root);
  if (!loaded.ok) throw new Error(`fixture kam.yaml is invalid: ${JSON.stringify(loaded.findings)}`);
  return checkRepo(loaded.repo, { today: '2026-11-23' });
}
const findingsOf = async (rule: RuleId, files: Record<string, string>) => (await check(files)).findings.filter((f) => f.rule === rule);

describe('the whitespace fixture', () => {
  it('passes every rule', async () => {
    expect((await check({})).findings).toEqual([]);
  });
});

describe('whitespace schema', () => {
  it.each([
    ['a center x offering pair given twice', PLAN.replace('status: not_a_fit }', 'status: not_a_fit }\n  - { center: us-retail, offering: pricing, status: open }'), 17, 'given twice'],
    ['an unknown status', PLAN.replace('status: not_a_fit', 'status: lost'), 16, 'won'],
    ['a negative value', PLAN.replace('value: 250000', 'value: -1'), 15, '0'],
    ['a buying center id given twice', PLAN.replace('id: us-retail, name: US retail', 'id: emea-supply, name: US retail'), 11, 'duplicate buying center id'],
    ['an action side that does not exist', `${PLAN}actions:\n  - { title: Call, owner: Ann, due: 2026-12-01, side: them }\n`, 20, 'customer'],
    ['shared that is not true/false', `${PLAN}kpis:\n  - { name: Growth, shared: yes please }\n`, 20, 'true or false'],
  ])('%s is a schema error, located', async (_what, plan, line, text) => {
    const found = await findingsOf('schema', { 'plans/acme.yaml': plan });
    expect(found.map((f) => f.line)).toEqual([line]);
    expect(found[0]!.message).toContain(text);
  });

  it('takes objectives as text or { title, shared }', async () => {
    const plan = `${PLAN}objectives:\n  - Grow EMEA\n  - { title: Joint roadmap, shared: true }\n`;
    expect(await findingsOf('schema', { 'plans/acme.yaml': plan })).toEqual([]);
  });

  it('rejects an offering id given twice in kam.yaml', async () => {
    const root = makeRepo({ 'kam.yaml': CONFIG.replace('id: pricing', 'id: forecasting') });
    const loaded = await loadRepo(root);
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.findings[0]!.message).toContain('duplicate offering id');
  });
});

describe('whitespace map bounds (offerings, buying centers, cells)', () => {
  const offerings = (n: number) => `offerings:\n${Array.from({ length: n }, (_, i) => `  - { id: o${i}, label: O${i} }\n`).join('')}`;
  const centers = (n: number) => `buying_centers:\n${Array.from({ length: n }, (_, i) => `  - { id: c${i}, name: C${i} }\n`).join('')}`;
  const withOfferings = (n: number) => CONFIG.replace(/offerings:[\s\S]*$/, offerings(n));
  const planWith = (n: number) => PLAN.replace(/buying_centers:[\s\S]*$/, centers(n));

  it('more than 1,000 offerings in kam.yaml is a located configuration error (12,000 x 12,000 never gets built)', async () => {
    const root = makeRepo({ 'kam.yaml': withOfferings(12_000), 'accounts/acme.yaml': ACCOUNT, 'plans/acme.yaml': planWith(12_000) });
    const loaded = await loadRepo(root);
    expect(loaded.ok).toBe(false);
    const found = !loaded.ok ? loaded.findings : [];
    expect(found).toEqual([expect.objectContaining({ file: 'kam.yaml', line: 15, path: ['offerings'] })]);
    expect(found[0]!.message).toContain('"offerings" must list at most 1,000 offerings');
  });

  it('more than 1,000 buying centers is a schema error at the list', async () => {
    const found = await findingsOf('schema', { 'kam.yaml': CONFIG.replace(/offerings:[\s\S]*$/, ''), 'plans/acme.yaml': planWith(1001).replace(/whitespace:[\s\S]*$/, '') });
    expect(found.map((f) => [f.line, f.path])).toEqual([[10, ['buying_centers']]]);
    expect(found[0]!.message).toContain('must list at most 1,000 buying centers');
  });

  it('more than 20,000 cells is a schema error at the first center past the bound, naming how many fit', async () => {
    const found = await findingsOf('schema', { 'kam.yaml': withOfferings(200), 'plans/acme.yaml': planWith(120) });
    expect(found.map((f) => [f.line, f.path])).toEqual([[110, ['buying_centers', 100]]]);
    expect(found[0]!.message).toContain('120 buying centers x 200 offerings of kam.yaml make a whitespace map of 24,000 cells, more than 20,000; keep at most 100 buying centers (this is center 101)');
    // At the bound it is no error.
    expect(await findingsOf('schema', { 'kam.yaml': withOfferings(200), 'plans/acme.yaml': planWith(100) })).toEqual([]);
  });

  it('kam check -f json reports the grid past the bound and kam render refuses the plan, neither building it', async () => {
    const root = makeRepo({ 'kam.yaml': withOfferings(1000), 'accounts/acme.yaml': ACCOUNT, 'plans/acme.yaml': planWith(1000) });
    const check = await kam(['check', '-f', 'json', '-C', root]);
    expect(check.code, check.stderr).toBe(1);
    expect(JSON.parse(check.stdout).findings.filter((f: { rule: string }) => f.rule === 'schema').map((f: { path: unknown[] }) => f.path)).toEqual([['buying_centers', 20]]);
    const render = await kam(['render', 'acme', '-C', root]);
    expect(render.code).toBe(2);
    expect(render.stderr).toContain('plans/acme.yaml has errors');
  });

  it('more than 20,000 whitespace entries is a schema error', async () => {
    const entries = `whitespace:\n${Array.from({ length: 20_001 }, (_, i) => `  - { center: c${i}, offering: forecasting, status: open }\n`).join('')}`;
    const found = await findingsOf('schema', { 'plans/acme.yaml': PLAN.replace(/whitespace:[\s\S]*$/, entries) });
    expect(found.map((f) => f.path)).toEqual([['whitespace']]);
    expect(found[0]!.message).toContain('must list at most 20,000 entries');
  });
});

describe('whitespace_unassessed', () => {
  it('reports each center with unassessed offerings once, at the center, naming them', async () => {
    const plan = PLAN.replace('  - { center: us-retail, offering: forecasting, status: open, value: 250000 }\n  - { center: us-retail, offering: pricing, status: not_a_fit }\n', '');
    const found = await findingsOf('whitespace_unassessed', { 'plans/acme.yaml': plan });
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', account: 'acme', file: 'plans/acme.yaml', line: 11, column: 5, center: 'us-retail', path: ['buying_centers', 1] })]);
    expect(found[0]!.message).toContain('2 offerings Demand forecasting (forecasting), Pricing analytics (pricing)');
  });

  it.each([
    ['kam.yaml lists no offerings', { 'kam.yaml': CONFIG.replace(/offerings:[\s\S]*$/, '') , 'plans/acme.yaml': PLAN.replace(/whitespace:[\s\S]*$/, '') }],
    ['the plan has no buying centers', { 'plans/acme.yaml': PLAN.replace(/buying_centers:[\s\S]*$/, '') }],
  ])('finds nothing when %s', async (_what, files) => {
    expect(await findingsOf('whitespace_unassessed', files)).toEqual([]);
  });
});

describe('unknown_reference (whitespace and opportunities)', () => {
  it.each([
    ['a whitespace center', PLAN.replace('{ center: us-retail, offering: pricing', '{ center: us-retial, offering: pricing'), 16, 'center', 'us-retial', 'did you mean "us-retail"'],
    ['a whitespace offering', PLAN.replace('offering: pricing, status: not_a_fit', 'offering: pricng, status: not_a_fit'), 16, 'offering', 'pricng', 'did you mean "pricing"'],
    ['an opportunity center', PLAN.replace('center: emea-supply, offering: pricing }', 'center: apac, offering: pricing }'), 18, 'center', 'apac', 'buying_centers'],
    ['an opportunity offering', PLAN.replace('center: emea-supply, offering: pricing }', 'center: emea-supply, offering: hardware }'), 18, 'offering', 'hardware', 'offerings: in kam.yaml'],
  ])('reports %s naming nothing declared, at the value', async (_what, plan, line, key, reference, hint) => {
    const found = await findingsOf('unknown_reference', { 'plans/acme.yaml': plan });
    expect(found).toEqual([expect.objectContaining({ severity: 'error', account: 'acme', line, reference })]);
    expect(found[0]!.path.at(-1)).toBe(key);
    expect(found[0]!.message).toContain(hint);
  });
});
