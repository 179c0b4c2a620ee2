import { describe, expect, it } from 'vitest';
import { agenda } from '../../../src/agenda/agenda.js';
import { checkRepo } from '../../../src/check/checkRepo.js';
import { stakeholdersComponent } from '../../../src/health/health.js';
import { loadRepo } from '../../../src/load/loadRepo.js';
import { requirementsFor } from '../../../src/profiles/profile.js';
import { buildCoverage } from '../../../src/relationships/coverage.js';
import { isGone } from '../../../src/relationships/gone.js';
import { threadsOf } from '../../../src/relationships/threads.js';
import type { RuleId } from '../../../src/schema/rules.js';
import { makeRepo } from '../../helpers/tmpRepo.js';

// People who leave and threads (spec 1.2, sections 6 and 7). The fixture passes every rule only
// because "ex" is gone: present, ex would be an unowned, never contacted, high-influence economic
// buyer with a contact off the team. Each case changes one thing.
const CONFIG = `version: 1
scoring:
  criteria:
    - { id: revenue, label: Revenue, weight: 1, axis: current }
    - { id: growth, label: Growth, weight: 1, axis: potential }
  tiers:
    - { name: Key, min: 50 }
key_tiers: [Key]
review:
  cadence_days: 30
roles:
  - { id: lead, label: Lead }
checklist:
  categories:
    - id: needs
      title: Needs
      questions:
        - { id: needs.pain, text: What hurts? }
profiles:
  Key:
    stakeholder_roles: [decision_maker, economic_buyer, champion]
    contact_days: 30
    min_threads: 2
`;

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
  - id: eve
    name: Eve
    role: economic_buyer
    owner: Ann
  - id: ex
    name: Ex Buyer
    role: economic_buyer
    influence: high
    contacts: [Zed]
    left: 2026-10-01
    successor: eve
answers:
  needs.pain: Slow forecasts
actions:
  - { title: Call, owner: Ann, due: 2026-12-01, status: open }
`;

const TODAY = '2026-11-23';

async function load(files: Record<string, string> = {}) {
  const root = makeRepo({ 'kam.yaml': CONFIG, 'accounts/acme.yaml': ACCOUNT, 'plans/acme.yaml': PLAN, ...files });
  const loaded = await loadRepo(root);
  if (!loaded.ok) throw new Error(`fixture kam.yaml is invalid: ${JSON.stringify(loaded.findings)}`);
  return loaded.repo;
}

async function findings(edit: (plan: string) => string = (t) => t, config = CONFIG) {
  const repo = await load({ 'plans/acme.yaml': edit(PLAN), 'kam.yaml': config });
  const bad = repo.findings.filter((f) => f.severity === 'error');
  if (bad.length) throw new Error(`fixture edit is invalid: ${JSON.stringify(bad)}`);
  return checkRepo(repo, { today: TODAY }).findings;
}

const rulesOf = (list: { rule: RuleId }[]) => [...new Set(list.map((f) => f.rule))].sort();

describe('isGone', () => {
  it.each([
    [undefined, false],
    ['2026-11-22', true],
    ['2026-11-23', true],
    ['2026-11-24', false],
  ])('left %s on %s', (left, gone) => {
    expect(isGone({ left }, TODAY)).toBe(gone);
  });
});

describe('a gone stakeholder drops out of the relationship rules', () => {
  it('the fixture passes every rule', async () => {
    expect(await findings()).toEqual([]);
  });

  it('the same person, still there (left after today), is reported by each rule that would see them', async () => {
    const found = await findings((t) => t.replace('left: 2026-10-01', 'left: 2026-11-24'));
    expect(rulesOf(found)).toEqual(['owner_not_on_team', 'stakeholder_not_contacted', 'stakeholder_without_owner']);
    expect(found.every((f) => f.path[1] === 3)).toBe(true);
  });

  it.each<[string, (t: string) => string, RuleId[]]>([
    // A champion who left leaves the champion role open, and stakeholder_left says so.
    ['the champion left today', (t) => t.replace('    contacts: [Ann]\n', '    contacts: [Ann]\n    left: 2026-11-23\n'), ['missing_stakeholder_role', 'stakeholder_left', 'too_few_threads']],
    ['the decision maker left', (t) => t.replace('    last_contact: 2026-11-01\n', '    last_contact: 2026-11-01\n    left: 2026-11-02\n'), ['missing_stakeholder_role', 'stakeholder_left']],
    ['the decision maker and the economic buyer left', (t) => t.replace('    last_contact: 2026-11-01\n', '    last_contact: 2026-11-01\n    left: 2026-11-02\n').replace('    owner: Ann\n  - id: ex', '    owner: Ann\n    left: 2026-11-02\n  - id: ex'), ['missing_stakeholder_role', 'no_decision_maker', 'stakeholder_left']],
  ])('%s', async (_, edit, rules) => {
    expect(rulesOf(await findings(edit))).toEqual(rules);
  });

  it('single_threaded counts only present stakeholders (without min_threads)', async () => {
    // Cy's only relationship is with Di; once Di is gone, everything goes through Ann.
    const config = CONFIG.replace('    min_threads: 2\n', '');
    const edit = (t: string) => t.replace('    contacts: [Ann]\n', '    contacts: [Ann]\n    left: 2026-11-01\n    successor: eve\n').replace('stakeholder_roles: [decision_maker, economic_buyer, champion]', '');
    const found = await findings(edit, config.replace('stakeholder_roles: [decision_maker, economic_buyer, champion]', 'stakeholder_roles: [decision_maker]'));
    expect(found.map((f) => [f.rule, f.person ?? null])).toEqual([['single_threaded', 'Ann']]);
    expect(found[0]!.message).toContain('all 2 stakeholder relationships');
  });
});

describe('too_few_threads', () => {
  it.each<[string, string, (t: string) => string, string[]]>([
    ['two threads, two asked for', '2', (t) => t, []],
    ['two threads, three asked for', '3', (t) => t, ['too_few_threads']],
    // All through Ann: too_few_threads says it, single_threaded is not also reported.
    ['one thread, two asked for', '2', (t) => t.replace('owner: Cy', 'owner: Ann'), ['too_few_threads']],
    // A gone person's contacts are no thread: Zed holds only Ex.
    ['a gone stakeholder\'s contact does not count', '3', (t) => t.replace('contacts: [Zed]', 'contacts: [Zed, Cy, Ann]'), ['too_few_threads']],
    // Names differing by case and spacing are one person (spec 1.1, section 9).
    ['one person however spelled', '2', (t) => t.replace('owner: Cy', 'owner: " ann"'), ['too_few_threads']],
  ])('%s', async (_, min, edit, rules) => {
    const found = await findings(edit, CONFIG.replace('min_threads: 2', `min_threads: ${min}`));
    expect(found.map((f) => f.rule).filter((r) => r === 'too_few_threads' || r === 'single_threaded')).toEqual(rules);
  });

  it('is quiet with fewer than two present stakeholders, and without min_threads', async () => {
    const one = (t: string) => t.replace(/  - id: di\n(    .*\n)+  - id: eve\n(    .*\n)+  - id: ex\n(    .*\n)+/, '').replace('stakeholder_roles: [decision_maker, economic_buyer, champion]', '');
    const config = CONFIG.replace('stakeholder_roles: [decision_maker, economic_buyer, champion]', 'stakeholder_roles: [decision_maker]');
    expect((await findings(one, config.replace('min_threads: 2', 'min_threads: 5'))).map((f) => f.rule)).toEqual([]);
    expect((await findings((t) => t, CONFIG.replace('    min_threads: 2\n', ''))).map((f) => f.rule)).toEqual([]);
  });

  it('names who holds the threads and what the profile asks, at the stakeholders key', async () => {
    const [f] = await findings((t) => t, CONFIG.replace('min_threads: 2', 'min_threads: 3'));
    expect(f).toMatchObject({ rule: 'too_few_threads', severity: 'warning', line: 6, column: 1, path: ['stakeholders'] });
    expect(f!.message).toBe('only Ann, Cy hold the relationships with the 3 present stakeholders: 2 threads, Key asks for 3; have more of our team own or contact stakeholders');
  });
});

describe('stakeholder_left', () => {
  it.each<[string, (t: string) => string, string | null]>([
    ['successor present', (t) => t, null],
    ['no successor', (t) => t.replace('    successor: eve\n', ''), 'Ex Buyer, the Economic buyer, left on 2026-10-01 and no successor is named'],
    ['successor unknown', (t) => t.replace('successor: eve', 'successor: evee'), 'successor "evee" is not a stakeholder of this plan'],
    ['successor gone too', (t) => t.replace('    owner: Ann\n  - id: ex', '    owner: Ann\n    left: 2026-11-20\n  - id: ex'), 'their successor Eve left too (2026-11-20)'],
    ['left after today', (t) => t.replace('left: 2026-10-01', 'left: 2026-11-24').replace('    successor: eve\n', ''), null],
    ['a user who left', (t) => t.replace('role: economic_buyer\n    influence: high', 'role: user\n    influence: high').replace('    successor: eve\n', ''), null],
  ])('%s', async (_, edit, message) => {
    const found = (await findings(edit)).filter((f) => f.rule === 'stakeholder_left' && f.stakeholder === 'ex');
    if (message === null) expect(found).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(found[0]!.severity).toBe('warning');
      expect(found[0]!.message).toContain(message);
    }
  });

  it('is located at successor when one is named, else at left', async () => {
    const [at] = (await findings((t) => t.replace('successor: eve', 'successor: evee'))).filter((f) => f.rule === 'stakeholder_left');
    expect(at).toMatchObject({ line: 29, column: 16, path: ['stakeholders', 3, 'successor'] });
    const [none] = (await findings((t) => t.replace('    successor: eve\n', ''))).filter((f) => f.rule === 'stakeholder_left');
    expect(none).toMatchObject({ line: 28, column: 11, path: ['stakeholders', 3, 'left'] });
  });
});

describe('unknown_reference (successor)', () => {
  it('reports a successor naming no stakeholder id, at the value, with a guess', async () => {
    const found = (await findings((t) => t.replace('successor: eve', 'successor: evee'))).filter((f) => f.rule === 'unknown_reference');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 29, column: 16, reference: 'evee', path: ['stakeholders', 3, 'successor'] })]);
    expect(found[0]!.message).toContain('did you mean "eve"?');
  });

  it('a successor must be a slug', async () => {
    const repo = await load({ 'plans/acme.yaml': PLAN.replace('successor: eve', 'successor: Eve Smith') });
    expect(repo.findings.map((f) => [f.rule, f.path.join('.')])).toEqual([['schema', 'stakeholders.3.successor']]);
  });
});

describe('coverage map, threads, agenda and health leave the gone out', () => {
  it('coverage rows and columns, and threads, count only present stakeholders', async () => {
    const plan = (await load()).plans[0]!.value!;
    const cov = buildCoverage(plan, TODAY);
    expect(cov.rows.map((r) => r.key)).toEqual(['bo', 'di', 'eve']);
    expect(cov.members.map((m) => m.name)).toEqual(['Ann', 'Cy']);
    expect(cov.threads).toBe(2);
    expect(threadsOf(plan.stakeholders, TODAY)).toEqual({ count: 2, people: ['Ann', 'Cy'], present: 3 });
    // The day before Ex left, Ex and Zed are there.
    expect(buildCoverage(plan, '2026-09-30').members.map((m) => m.name)).toEqual(['Ann', 'Cy', 'Zed']);
    expect(threadsOf(plan.stakeholders, '2026-09-30').count).toBe(3);
  });

  it('the agenda lists no contact with a gone stakeholder', async () => {
    const repo = await load();
    const contacts = (today: string) => agenda(repo, { today, within: 90 }).filter((i) => i.kind === 'contact').map((i) => i.title);
    expect(contacts(TODAY)).toEqual(['Contact Bo']);
    expect(contacts('2026-09-30')).toEqual(['Contact Ex Buyer', 'Contact Bo']);
  });

  it('the health stakeholders component counts a role held only by a gone stakeholder as not covered', async () => {
    const repo = await load({ 'plans/acme.yaml': PLAN.replace('    owner: Ann\n  - id: ex', '  - id: ex').replace('contacts: [Zed]', 'owner: Zed') });
    const plan = repo.plans[0]!.value!;
    const req = requirementsFor(repo.config, 'Key');
    expect(stakeholdersComponent(plan, req, TODAY).value).toBeCloseTo(2 / 3, 9);
    expect(stakeholdersComponent(plan, req, '2026-09-30').value).toBe(1);
  });
});
