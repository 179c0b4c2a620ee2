// spec 1.2, section 7: the rules of sections 1-5, each as a table of valid and invalid cases on
// the numbers fixture (tests/unit/numbers/fixture.ts), today 2026-11-23.
import { describe, expect, it } from 'vitest';
import { checkRepo } from '../../../src/check/checkRepo.js';
import type { RuleId } from '../../../src/schema/rules.js';
import { CONFIG, KEY_ACCOUNT, PLAN, TODAY, load } from '../numbers/fixture.js';

const RULES: RuleId[] = ['objective_without_action', 'objective_overdue', 'pipeline_short', 'opportunity_past_close', 'wallet_exceeded', 'renewal_unassessed', 'renewal_at_risk', 'contract_ended', 'unprofitable_key_account', 'unknown_reference'];

interface Case {
  account?: (a: string) => string;
  plan?: ((p: string) => string) | null;
  config?: (c: string) => string;
  today?: string;
}

function findings(rule: RuleId, c: Case) {
  const files: Record<string, string> = { 'accounts/acme.yaml': (c.account ?? ((a) => a))(KEY_ACCOUNT) };
  if (c.plan !== null) files['plans/acme.yaml'] = (c.plan ?? ((p) => p))(PLAN);
  const repo = load(files, (c.config ?? ((x) => x))(CONFIG));
  expect(repo.findings.filter((f) => f.rule === 'schema')).toEqual([]);
  return checkRepo(repo, { today: c.today ?? TODAY }).findings.filter((f) => f.rule === rule);
}

// The fixture as it is finds exactly these two: coverage 0.7 < 1, and price-2024 unassessed.
it('the fixture finds only pipeline_short and renewal_unassessed among these rules', () => {
  const repo = load({ 'accounts/acme.yaml': KEY_ACCOUNT, 'plans/acme.yaml': PLAN });
  const found = checkRepo(repo, { today: TODAY }).findings.filter((f) => RULES.includes(f.rule));
  expect(found.map((f) => [f.rule, f.file, f.path.join('.')])).toEqual([
    ['pipeline_short', 'accounts/acme.yaml', 'revenue.target'],
    ['renewal_unassessed', 'accounts/acme.yaml', 'contracts.1.end'],
  ]);
});

type Row = [string, Case, [string, Record<string, string>?][]];

const table: Record<string, Row[]> = {
  objective_without_action: [
    ['every objective with an id is named by an action', {}, []],
    ['an objective no action names, at execution', { plan: (p) => p.replace(', objective: partner, status: done', ', status: done').replace(', objective: partner }', ' }') }, [['plans/acme.yaml objectives.1.id', { objective: 'partner' }]]],
    ['the same at stage strategy: not yet expected', { plan: (p) => p.replace('stage: execution', 'stage: strategy').replace(/, objective: partner/g, '') }, []],
    ['a text objective or one without an id is never reported', { plan: (p) => p.replace('{ id: partner, title: Partner of choice }', '{ title: Partner of choice }').replace(/, objective: partner/g, '') }, []],
  ],
  objective_overdue: [
    ['due after today', {}, []],
    ['due before today at 4/9', { today: '2027-07-01', config: (c) => c.replace('assess_days: 180', 'assess_days: 0') }, [['plans/acme.yaml objectives.0.due', { objective: 'markets' }]]],
    ['due before today and reached (actual = target)', { today: '2027-07-01', plan: (p) => p.replace('actual: 9', 'actual: 14') }, []],
    ['due today is not overdue', { today: '2027-06-30' }, []],
    ['due before today with no progress at all', { plan: (p) => p.replace('{ id: partner, title: Partner of choice }', '{ id: partner, title: Partner of choice, due: 2026-01-01 }').replace(/, objective: partner/g, '') }, [['plans/acme.yaml objectives.1.due', { objective: 'partner' }]]],
  ],
  pipeline_short: [
    ['coverage 0.7 against min_coverage 0.7', { config: (c) => c.replace('min_coverage: 1', 'min_coverage: 0.7') }, []],
    ['coverage 0.7 against min_coverage 1', {}, [['accounts/acme.yaml revenue.target']]],
    ['the profile asks less than pipeline', { config: (c) => `${c}profiles:\n  Key: { min_coverage: 0.5 }\n` }, []],
    ['target met: no coverage, no finding', { account: (a) => a.replace('target: 1600000', 'target: 1000000') }, []],
    ['not a key account', { account: (a) => a.replace('ratings: { revenue: 5, growth: 5 }', 'ratings: { revenue: 1, growth: 1 }') }, []],
    ['no plan: no pipeline to measure', { plan: null }, []],
  ],
  opportunity_past_close: [
    ['closing after today', { plan: (p) => p.replace('stage: propose,', 'stage: propose, close: 2026-12-31,') }, []],
    ['an open one past close', { plan: (p) => p.replace('stage: propose,', 'stage: propose, close: 2026-10-31,') }, [['plans/acme.yaml opportunities.0.close', { opportunity: 'Nine more markets' }]]],
    ['a won or lost one past close', { plan: (p) => p.replace('stage: won', 'stage: won, close: 2026-01-01').replace('stage: lost', 'stage: lost, close: 2026-01-01') }, []],
  ],
  wallet_exceeded: [
    ['won value within the wallet', {}, []],
    ['won value above the wallet', { plan: (p) => p.replace('value: 400000, wallet: 1000000', 'value: 400000, wallet: 300000') }, [['plans/acme.yaml whitespace.0.value', { center: 'emea' }]]],
    ['won value equal to the wallet', { plan: (p) => p.replace('value: 400000, wallet: 1000000', 'value: 400000, wallet: 400000') }, []],
    ['an open entry above its wallet is not won', { plan: (p) => p.replace('status: open, value: 250000', 'status: open, value: 250000, wallet: 1') }, []],
  ],
  renewal_unassessed: [
    ['assessed', { account: (a) => a.replace('renewal: unknown', 'renewal: likely') }, []],
    ['unknown within assess_days', {}, [['accounts/acme.yaml contracts.1.end', { contract: 'price-2024' }]]],
    ['unknown, but outside a shorter window', { config: (c) => c.replace('assess_days: 180', 'assess_days: 30') }, []],
    ['exactly assess_days before the end', { config: (c) => c.replace('assess_days: 180', 'assess_days: 53') }, [['accounts/acme.yaml contracts.1.end', { contract: 'price-2024' }]]],
    ['an account without a plan still has its contracts checked', { plan: null }, [['accounts/acme.yaml contracts.1.end', { contract: 'price-2024' }]]],
  ],
  renewal_at_risk: [
    ['none at risk', {}, []],
    ['at risk, ending later', { account: (a) => a.replace('renewal: likely', 'renewal: at_risk') }, [['accounts/acme.yaml contracts.0.renewal', { contract: 'dash-2025' }]]],
    ['at risk, ending today', { account: (a) => a.replace('renewal: likely', 'renewal: at_risk'), today: '2027-03-31', config: (c) => c.replace('assess_days: 180', 'assess_days: 0') }, [['accounts/acme.yaml contracts.0.renewal', { contract: 'dash-2025' }]]],
    ['at risk, ended yesterday (contract_ended takes over)', { account: (a) => a.replace('renewal: likely', 'renewal: at_risk'), today: '2027-04-01' }, []],
  ],
  contract_ended: [
    ['none ended unsettled (old-2023 is renewed)', {}, []],
    ['ended and still unknown', { today: '2027-01-16' }, [['accounts/acme.yaml contracts.1.renewal', { contract: 'price-2024' }]]],
    ['ending today is not ended', { today: '2027-01-15' }, []],
    ['ended and lost is settled', { today: '2027-01-16', account: (a) => a.replace('renewal: unknown', 'renewal: lost') }, []],
  ],
  unprofitable_key_account: [
    ['contribution 262000', {}, []],
    ['contribution below 0, with or without a plan', { plan: null, account: (a) => a.replace('cost_to_serve: 200000', 'cost_to_serve: 500000') }, [['accounts/acme.yaml economics']]],
    ['contribution exactly 0', { account: (a) => a.replace('cost_to_serve: 200000', 'cost_to_serve: 462000') }, []],
    ['not a key account', { account: (a) => a.replace('cost_to_serve: 200000', 'cost_to_serve: 500000').replace('revenue: 5, growth: 5', 'revenue: 1, growth: 1') }, []],
    ['no margin: no contribution', { account: (a) => a.replace('gross_margin: 0.42, ', '').replace('cost_to_serve: 200000', 'cost_to_serve: 5000000') }, []],
  ],
  unknown_reference: [
    ['every objective and offering declared', {}, []],
    ['an action naming no objective id', { plan: (p) => p.replace('objective: markets }\n  - { title: Partner', 'objective: marktes }\n  - { title: Partner') }, [['plans/acme.yaml actions.0.objective', { reference: 'marktes' }]]],
    ['an opportunity naming no objective id', { plan: (p) => p.replace('stage: propose, objective: markets', 'stage: propose, objective: growth') }, [['plans/acme.yaml opportunities.0.objective', { reference: 'growth' }]]],
    ['a contract naming no offering', { account: (a) => a.replace('offering: pricing', 'offering: prcing') }, [['accounts/acme.yaml contracts.1.offering', { reference: 'prcing' }]]],
  ],
};

describe.each(Object.entries(table))('%s', (rule, rows) => {
  it.each(rows)('%s', (_name, c, expected) => {
    const found = findings(rule as RuleId, c);
    expect(found.map((f) => `${f.file} ${f.path.join('.')}`)).toEqual(expected.map((e) => e[0]));
    found.forEach((f, i) => {
      expect(f).toMatchObject(expected[i]![1] ?? {});
      expect(f.severity).toBe(rule === 'unknown_reference' ? 'error' : 'warning');
      expect(f.line).toBeGreaterThan(1);
      expect(f.message).not.toMatch(/NaN|Infinity|undefined/);
    });
  });
});

it('words the numbers in messages: money in whole units, ratios as percentages', () => {
  const [short] = findings('pipeline_short', {});
  expect(short!.message).toBe('pipeline covers 70.0% of the gap to the target, below the 100.0% a Key account needs: won 50,000 EUR + weighted 300,000 EUR against a gap of 500,000 EUR; add or advance opportunities in plans/acme.yaml');
  const [loss] = findings('unprofitable_key_account', { account: (a) => a.replace('cost_to_serve: 200000', 'cost_to_serve: 500000') });
  expect(loss!.message).toContain('loses 38,000 EUR a year');
});
