import { describe, expect, it } from 'vitest';
import { checkFixture, CONFIG, PLAN } from '../../helpers/ruleTester.js';

// Each rule's cases are in tests/unit/check/rules/<rule>.test.ts (ruleTester, one fixture); here what
// is about every rule at once.
describe('the fixture', () => {
  it('passes every rule', async () => {
    const result = await checkFixture();
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({ errors: 0, warnings: 0, accounts: 1, plans: 1 });
  });
});

describe('severities and completeness', () => {
  it('kam.yaml rules: and --rule overrides change severity or drop a rule', async () => {
    const result = await checkFixture({
      plan: PLAN.replace('role: decision_maker', 'role: champion').replace('owner: Ann, ', ''),
      config: `${CONFIG}rules:\n  no_decision_maker: error\n  action_without_owner: warning\n`,
      options: { rules: { action_without_owner: 'off' } },
    });
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['no_decision_maker', 'error']]);
  });

  it('computes completeness per plan and category', async () => {
    const result = await checkFixture({ plan: PLAN.replace('  team.sponsor: Carl\n', '') });
    expect(result.completeness.acme).toMatchObject({ answered: 0, not_applicable: 1, unanswered: 1, total: 2, percent: 50 });
    expect(result.completeness.acme!.categories[0]).toMatchObject({ id: 'team', open: ['team.sponsor'], percent: 50 });
  });
});
