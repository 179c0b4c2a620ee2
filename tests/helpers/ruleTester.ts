import { describe, expect, it } from 'vitest';
import { checkRepo, type CheckOptions, type CheckResult } from '../../src/check/checkRepo.js';
import type { Rule } from '../../src/check/rule.js';
import type { Finding } from '../../src/findings/finding.js';
import { loadRepo } from '../../src/load/loadRepo.js';
import { makeRepo } from './tmpRepo.js';

// The one fixture of the rule tests: a small repo that passes every rule; each case changes one thing.
export const CONFIG = `version: 1
scoring:
  criteria:
    - { id: revenue, label: Revenue, weight: 1, axis: current }
    - { id: growth, label: Growth, weight: 1, axis: potential }
  tiers:
    - { name: Key, min: 50 }
    - { name: Watch, min: 25 }
key_tiers: [Key]
limits:
  max_key_accounts: 2
  max_accounts_per_manager: 2
review:
  cadence_days: 30
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
`;

export const ACCOUNT = `name: Acme
manager: Ann
ratings:
  revenue: 5
  growth: 5
`;

export const PLAN = `account: acme
last_reviewed: 2026-11-01
team:
  - { name: Ann, roles: [lead, expert] }
stakeholders:
  - { name: Bo, role: decision_maker, owner: Ann }
answers:
  team.sponsor: Carl
  team.lead: { na: Ann leads alone }
actions:
  - { title: Call, owner: Ann, due: 2026-12-01, status: open }
`;

export const TODAY = '2026-11-23';

/** A file of the fixture: new text, or a change to the fixture's text. */
type Text = string | ((fixture: string) => string);

/** What a case changes in the fixture: kam.yaml, accounts/acme.yaml, plans/acme.yaml, other files, check options. */
export interface Fixture {
  config?: Text;
  account?: Text;
  plan?: Text;
  /** More files (path -> text); they win over config, account and plan. */
  files?: Record<string, string>;
  options?: Partial<CheckOptions>;
}

const apply = (text: Text | undefined, base: string) => (text === undefined ? base : typeof text === 'string' ? text : text(base));

/** Writes the fixture with `fixture`'s changes and checks it with every rule (today is TODAY). */
export async function checkFixture(fixture: Fixture = {}): Promise<CheckResult> {
  const root = makeRepo({
    'kam.yaml': apply(fixture.config, CONFIG),
    'accounts/acme.yaml': apply(fixture.account, ACCOUNT),
    'plans/acme.yaml': apply(fixture.plan, PLAN),
    ...fixture.files,
  });
  const loaded = await loadRepo(root);
  if (!loaded.ok) throw new Error(`fixture kam.yaml is invalid: ${JSON.stringify(loaded.findings)}`);
  return checkRepo(loaded.repo, { today: TODAY, ...fixture.options });
}

/** The findings of one rule on the changed fixture, in kam's order, severities applied. */
export async function findingsOf(rule: Pick<Rule, 'id'>, fixture: Fixture = {}): Promise<Finding[]> {
  return (await checkFixture(fixture)).findings.filter((f) => f.rule === rule.id);
}

export interface ValidCase extends Fixture {
  name: string;
}

/** One expected finding: the fields it must have (message, line, column, path, ...); matchers allowed. */
export type ExpectedFinding = { [K in keyof Finding]?: unknown };

export interface InvalidCase extends Fixture {
  name: string;
  /** The findings of the rule, in order: exactly this many, each with these fields. */
  errors: ExpectedFinding[];
  /** More to check of the findings (what a message names or leaves out, ...). */
  assert?: (found: Finding[]) => void;
}

/**
 * The tests of one rule, as typescript-eslint's RuleTester reads: `valid` changes of the fixture give
 * no finding of the rule, `invalid` ones give exactly the `errors` listed.
 */
export function ruleTester(rule: Rule, { valid, invalid }: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    for (const c of valid) {
      it(`valid: ${c.name}`, async () => {
        expect(await findingsOf(rule, c)).toEqual([]);
      });
    }
    for (const c of invalid) {
      it(`invalid: ${c.name}`, async () => {
        const found = await findingsOf(rule, c);
        expect(found, JSON.stringify(found, null, 1)).toHaveLength(c.errors.length);
        c.errors.forEach((e, i) => expect(found[i]).toMatchObject(e));
        c.assert?.(found);
      });
    }
  });
}
