// Spec 1.1, sections 3 and 5: the whitespace map's schema, `whitespace_unassessed` and the
// whitespace/opportunity half of `unknown_reference`.
import { describe, expect, it } from 'vitest';
import { checkRepo } from '../../../src/check/checkRepo.js';
import { loadRepo } from '../../../src/load/loadRepo.js';
import type { RuleId } from '../../../src/schema/rules.js';
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
