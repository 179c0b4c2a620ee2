import { describe, expect, it } from 'vitest';
import { checkRepo, type CheckOptions } from '../../../src/check/checkRepo.js';
import { reportingCycles } from '../../../src/relationships/reportingTree.js';
import { loadRepo } from '../../../src/load/loadRepo.js';
import type { RuleId } from '../../../src/schema/rules.js';
import { makeRepo } from '../../helpers/tmpRepo.js';

// The relationship rules and tier profiles (spec 1.1, sections 1-3). A small repo that passes every
// rule, with a profile for its tier; each test changes one thing.
const BASE = `version: 1
scoring:
  criteria:
    - { id: revenue, label: Revenue, weight: 1, axis: current }
    - { id: growth, label: Growth, weight: 1, axis: potential }
  tiers:
    - { name: Key, min: 50 }
    - { name: Watch, min: 25 }
key_tiers: [Key]
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
    - id: needs
      title: Needs
      questions:
        - { id: needs.pain, text: What hurts? }
`;

const PROFILES = `profiles:
  Key:
    roles: [lead]
    stakeholder_roles: [decision_maker, champion]
    cadence_days: 20
    contact_days: 30
    checklist: [team.sponsor, needs]
`;

const CONFIG = BASE + PROFILES;

const ACCOUNT = 'name: Acme\nmanager: Ann\nratings: { revenue: 5, growth: 5 }\n';

const PLAN = `account: acme
last_reviewed: 2026-11-10
team:
  - { name: Ann, roles: [lead] }
  - { name: Cy, roles: [] }
stakeholders:
  - id: bo
    name: Bo
    role: decision_maker
    influence: high
    owner: Ann
    last_contact: 2026-11-01
  - id: di
    name: Di
    role: champion
    reports_to: bo
    owner: Cy
    contacts: [Ann]
answers:
  team.sponsor: Carl
  needs.pain: Slow forecasts
actions:
  - { title: Call, owner: Ann, due: 2026-12-01, status: open }
`;

const TODAY = '2026-11-23';

async function check(files: Record<string, string>, opts: Partial<CheckOptions> = {}) {
  const root = makeRepo({ 'kam.yaml': CONFIG, 'accounts/acme.yaml': ACCOUNT, 'plans/acme.yaml': PLAN, ...files });
  const loaded = await loadRepo(root);
  if (!loaded.ok) throw new Error(`fixture kam.yaml is invalid: ${JSON.stringify(loaded.findings)}`);
  return checkRepo(loaded.repo, { today: TODAY, ...opts });
}

async function findingsOf(rule: RuleId, files: Record<string, string>) {
  return (await check(files)).findings.filter((f) => f.rule === rule);
}

const plan = (edit: (text: string) => string) => ({ 'plans/acme.yaml': edit(PLAN) });

describe('the fixture with a profile', () => {
  it('passes every rule', async () => {
    const result = await check({});
    expect(result.findings).toEqual([]);
  });
});

describe('missing_stakeholder_role', () => {
  it('reports each role of the profile no stakeholder has, at the stakeholders key', async () => {
    const found = await findingsOf('missing_stakeholder_role', plan((t) => t.replace('role: champion', 'role: user')));
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', account: 'acme', file: 'plans/acme.yaml', line: 6, column: 1, role: 'champion', path: ['stakeholders'] })]);
    expect(found[0]!.message).toContain('Champion');
  });

  it('asks for nothing without a profile, nor for an account of a tier that has none', async () => {
    expect(await findingsOf('missing_stakeholder_role', { 'kam.yaml': BASE, ...plan((t) => t.replace('role: champion', 'role: user')) })).toEqual([]);
    const watch = 'name: Acme\nratings: { revenue: 3, growth: 2 }\n';
    expect(await findingsOf('missing_stakeholder_role', { 'accounts/acme.yaml': watch, ...plan((t) => t.replace('role: champion', 'role: user')) })).toEqual([]);
  });
});

describe('stakeholder_without_owner', () => {
  it('reports a high-influence or deciding stakeholder without an owner, at an empty owner key or the mapping', async () => {
    const found = await findingsOf('stakeholder_without_owner', plan((t) => t.replace('    owner: Ann\n', '').replace('owner: Cy', 'owner: " "')));
    expect(found.map((f) => [f.stakeholder, f.line, f.column, f.path.join('.')])).toEqual([
      ['bo', 7, 5, 'stakeholders.0.owner'],
      ['di', 16, 5, 'stakeholders.1.owner'],
    ]);
    expect(found[0]!.message).toContain('Bo has high influence');
  });

  it('names a stakeholder without an id by its name; a low-influence user needs no owner', async () => {
    const extra = '  - { name: Eve, role: economic_buyer }\n  - { name: Flo, role: user, influence: low }\nanswers:';
    const found = await findingsOf('stakeholder_without_owner', plan((t) => t.replace('answers:', extra)));
    expect(found.map((f) => [f.stakeholder, f.line])).toEqual([['Eve', 19]]);
  });
});

describe('single_threaded', () => {
  it('reports a plan whose stakeholders all go through one person, at the stakeholders key', async () => {
    const found = await findingsOf('single_threaded', plan((t) => t.replace('owner: Cy', 'owner: Ann').replace('contacts: [Ann]', 'contacts: [" Ann"]')));
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', line: 6, column: 1, person: 'Ann' })]);
    expect(found[0]!.message).toContain('all 2 stakeholder relationships go through Ann');
  });

  it('is quiet with one stakeholder, with a second person as contact, or with no one at all', async () => {
    expect(await findingsOf('single_threaded', plan((t) => t.replace('owner: Cy', 'owner: Ann').replace('contacts: [Ann]', 'contacts: [Cy]')))).toEqual([]);
    const one = PLAN.replace(/  - id: di\n(    .*\n)+/, '');
    expect(await findingsOf('single_threaded', { 'plans/acme.yaml': one })).toEqual([]);
    const nobody = PLAN.replace('    owner: Ann\n', '').replace('    owner: Cy\n    contacts: [Ann]\n', '');
    expect(await findingsOf('single_threaded', { 'plans/acme.yaml': nobody })).toEqual([]);
  });

  it('counts one person however their name is cased or spaced (spec 1.1, section 9)', async () => {
    const found = await findingsOf('single_threaded', plan((t) => t.replace('owner: Cy', 'owner: ann').replace('contacts: [Ann]', 'contacts: ["ANN  "]')));
    expect(found).toEqual([expect.objectContaining({ person: 'Ann' })]);
  });
});

describe('stakeholder_not_contacted', () => {
  it('reports a high-influence stakeholder last contacted more than contact_days ago, at the date', async () => {
    const found = await findingsOf('stakeholder_not_contacted', plan((t) => t.replace('2026-11-01', '2026-10-23')));
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', line: 12, column: 19, stakeholder: 'bo', path: ['stakeholders', 0, 'last_contact'] })]);
    expect(found[0]!.message).toContain('31 days ago');
    expect(await findingsOf('stakeholder_not_contacted', plan((t) => t.replace('2026-11-01', '2026-10-24')))).toEqual([]);
  });

  it('reports a missing last_contact at the stakeholder; ignores others and plans without contact_days', async () => {
    const found = await findingsOf('stakeholder_not_contacted', plan((t) => t.replace('    last_contact: 2026-11-01\n', '').replace('role: champion', 'role: champion\n    influence: medium')));
    expect(found.map((f) => [f.stakeholder, f.line, f.column])).toEqual([['bo', 7, 5]]);
    expect(await findingsOf('stakeholder_not_contacted', { 'kam.yaml': CONFIG.replace('    contact_days: 30\n', ''), ...plan((t) => t.replace('    last_contact: 2026-11-01\n', '')) })).toEqual([]);
  });

  it('reports a last_contact in the future as a warning, whatever the profile asks, never as a negative age', async () => {
    const found = await findingsOf('stakeholder_not_contacted', plan((t) => t.replace('2026-11-01', '2027-01-31')));
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', line: 12, column: 19, stakeholder: 'bo', path: ['stakeholders', 0, 'last_contact'] })]);
    expect(found[0]!.message).toContain('is in the future');
    expect(found[0]!.message).not.toMatch(/-\d+ days/);
    const noCadence = await findingsOf('stakeholder_not_contacted', { 'kam.yaml': CONFIG.replace('    contact_days: 30\n', ''), ...plan((t) => t.replace('2026-11-01', '2027-01-31')) });
    expect(noCadence.map((f) => f.stakeholder)).toEqual(['bo']);
  });
});

describe('owner_not_on_team', () => {
  it('reports an owner or contact who is not a team member, at the name, with a guess', async () => {
    const found = await findingsOf('owner_not_on_team', plan((t) => t.replace('owner: Cy', 'owner: Cyd').replace('contacts: [Ann]', 'contacts: [Ann, Zed]')));
    expect(found.map((f) => [f.person, f.line, f.column, f.path.join('.')])).toEqual([
      ['Cyd', 17, 12, 'stakeholders.1.owner'],
      ['Zed', 18, 21, 'stakeholders.1.contacts.1'],
    ]);
    expect(found[0]!.message).toContain('did you mean "Cy"?');
  });

  it('takes a team member written with other case or spacing as on the team', async () => {
    expect(await findingsOf('owner_not_on_team', plan((t) => t.replace('owner: Cy', 'owner: cy').replace('contacts: [Ann]', 'contacts: ["ann "]')))).toEqual([]);
  });
});

describe('unknown_reference (reports_to)', () => {
  it('reports a reports_to naming no stakeholder id, at the value, as an error', async () => {
    const found = await findingsOf('unknown_reference', plan((t) => t.replace('reports_to: bo', 'reports_to: boo')));
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 16, column: 17, reference: 'boo', path: ['stakeholders', 1, 'reports_to'] })]);
    expect(found[0]!.message).toContain('did you mean "bo"?');
  });
});

describe('reporting_cycle', () => {
  it('reports one finding per cycle, at the reports_to of its first-listed member', async () => {
    const found = await findingsOf('reporting_cycle', plan((t) => t.replace('    owner: Ann\n    last', '    reports_to: di\n    owner: Ann\n    last')));
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 11, column: 17, stakeholder: 'bo' })]);
    expect(found[0]!.message).toContain('bo → di → bo');
  });

  it('finds self-reports and several cycles; chains into a cycle are not cycles', () => {
    const s = (id: string, reports_to?: string) => ({ id, reports_to });
    expect(reportingCycles([s('a', 'b'), s('b', 'c'), s('c', 'b'), s('d', 'd'), s('e', 'a'), s('f', 'nobody'), { id: undefined, reports_to: 'a' }])).toEqual([[1, 2], [3]]);
    expect(reportingCycles([s('a', 'c'), s('b', 'a'), s('c', 'b')])).toEqual([[0, 2, 1]]);
  });
});

describe('profiles', () => {
  it('missing_role asks only for the roles of the tier profile; without one, for every role', async () => {
    expect(await findingsOf('missing_role', {})).toEqual([]);
    expect((await findingsOf('missing_role', { 'kam.yaml': BASE })).map((f) => f.role)).toEqual(['expert']);
  });

  it('stale_plan uses the profile cadence', async () => {
    const found = await findingsOf('stale_plan', plan((t) => t.replace('2026-11-10', '2026-11-02')));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('the review cadence of Key is 20 days');
    expect(await findingsOf('stale_plan', { 'kam.yaml': BASE, ...plan((t) => t.replace('2026-11-10', '2026-11-02')) })).toEqual([]);
  });

  it('unanswered_question and completeness count only the questions the profile requires', async () => {
    const result = await check({});
    expect(result.completeness.acme).toMatchObject({ answered: 2, unanswered: 0, total: 2, percent: 100 });
    expect(result.completeness.acme!.categories.map((c) => [c.id, c.total])).toEqual([['team', 1], ['needs', 1]]);
    const noProfile = await check({ 'kam.yaml': BASE });
    expect(noProfile.findings.filter((f) => f.rule === 'unanswered_question').map((f) => f.question)).toEqual(['team.lead']);
    expect(noProfile.completeness.acme).toMatchObject({ answered: 2, unanswered: 1, total: 3, percent: 66.7 });
    const open = await check(plan((t) => t.replace('  needs.pain: Slow forecasts\n', '')));
    expect(open.findings.filter((f) => f.rule === 'unanswered_question').map((f) => f.question)).toEqual(['needs.pain']);
    expect(open.completeness.acme).toMatchObject({ answered: 1, unanswered: 1, total: 2, percent: 50 });
  });

  it('checklist: all and a profile without checklist ask for the whole checklist', async () => {
    for (const config of [CONFIG.replace('checklist: [team.sponsor, needs]', 'checklist: all'), CONFIG.replace('    checklist: [team.sponsor, needs]\n', '')]) {
      const result = await check({ 'kam.yaml': config });
      expect(result.completeness.acme!.total).toBe(3);
    }
  });

  it('an account of a tier without a profile, or unscored, gets the repo-wide behaviour', async () => {
    const result = await check({ 'accounts/acme.yaml': 'name: Acme\n' });
    expect(result.findings.filter((f) => f.rule === 'missing_role').map((f) => f.role)).toEqual(['expert']);
    expect(result.completeness.acme!.total).toBe(3);
  });
});
