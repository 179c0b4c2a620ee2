import { describe, expect, it } from 'vitest';
import { checkRepo } from '../../../src/check/checkRepo.js';
import type { CheckOptions } from '../../../src/check/checkRepo.js';
import { loadRepo } from '../../../src/load/loadRepo.js';
import type { RuleId } from '../../../src/schema/rules.js';
import { makeRepo } from '../../helpers/tmpRepo.js';

// A small repo that passes every rule; each test changes one thing.
const CONFIG = `version: 1
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

const ACCOUNT = `name: Acme
manager: Ann
ratings:
  revenue: 5
  growth: 5
`;

const PLAN = `account: acme
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

const TODAY = '2026-11-23';

async function check(files: Record<string, string>, opts: Partial<CheckOptions> = {}) {
  const root = makeRepo({ 'kam.yaml': CONFIG, 'accounts/acme.yaml': ACCOUNT, 'plans/acme.yaml': PLAN, ...files });
  const loaded = await loadRepo(root);
  if (!loaded.ok) throw new Error(`fixture kam.yaml is invalid: ${JSON.stringify(loaded.findings)}`);
  return checkRepo(loaded.repo, { today: TODAY, ...opts });
}

async function findingsOf(rule: RuleId, files: Record<string, string>, opts: Partial<CheckOptions> = {}) {
  return (await check(files, opts)).findings.filter((f) => f.rule === rule);
}

describe('the fixture', () => {
  it('passes every rule', async () => {
    const result = await check({});
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({ errors: 0, warnings: 0, accounts: 1, plans: 1 });
  });
});

describe('missing_plan', () => {
  it('reports an account in a key tier without a plan, at its name', async () => {
    const found = await findingsOf('missing_plan', { 'accounts/beta.yaml': '# Beta\nname: Beta\nmanager: Bob\nratings: { revenue: 4, growth: 4 }\n' });
    expect(found).toEqual([
      expect.objectContaining({ severity: 'error', account: 'beta', file: 'accounts/beta.yaml', line: 2, column: 1 }),
    ]);
    expect(found[0]!.message).toContain('Key');
    expect(found[0]!.message).toContain('plans/beta.yaml');
  });

  it('needs no plan for a tier outside key_tiers, nor for an untiered or unrated account', async () => {
    const found = await findingsOf('missing_plan', {
      'accounts/watch.yaml': 'name: Watch\nratings: { revenue: 2, growth: 2 }\n',
      'accounts/small.yaml': 'name: Small\nratings: { revenue: 1, growth: 1 }\n',
      'accounts/new.yaml': 'name: New\n',
    });
    expect(found).toEqual([]);
  });

  it('treats every tier as key when key_tiers is left out', async () => {
    const config = CONFIG.replace('key_tiers: [Key]\n', '');
    const found = await findingsOf('missing_plan', { 'kam.yaml': config, 'accounts/watch.yaml': 'name: Watch\nratings: { revenue: 2, growth: 2 }\n' });
    expect(found.map((f) => [f.account, f.line, f.column])).toEqual([['watch', 1, 1]]);
  });
});

describe('missing_role', () => {
  it('reports each role no team member holds, at the team line', async () => {
    const found = await findingsOf('missing_role', { 'plans/acme.yaml': PLAN.replace('roles: [lead, expert]', 'roles: [lead]') });
    expect(found).toEqual([
      expect.objectContaining({ severity: 'warning', account: 'acme', file: 'plans/acme.yaml', line: 3, column: 1, role: 'expert' }),
    ]);
  });

  it('locates at the plan root when there is no team, one finding per role', async () => {
    const plan = PLAN.replace('team:\n  - { name: Ann, roles: [lead, expert] }\n', '');
    const found = await findingsOf('missing_role', { 'plans/acme.yaml': `# comment\n${plan}` });
    expect(found.map((f) => [f.role, f.line, f.column])).toEqual([['lead', 2, 1], ['expert', 2, 1]]);
  });

  it('is satisfied when the roles are spread over several members', async () => {
    const plan = PLAN.replace('  - { name: Ann, roles: [lead, expert] }', '  - { name: Ann, roles: [lead] }\n  - { name: Cy, roles: [expert] }');
    expect(await findingsOf('missing_role', { 'plans/acme.yaml': plan })).toEqual([]);
  });
});

describe('action rules', () => {
  const withActions = (actions: string) => ({ 'plans/acme.yaml': PLAN.replace(/actions:\n.*\n$/s, `actions:\n${actions}`) });

  it('action_without_owner: at the action, or at an empty owner key, whatever the status', async () => {
    const found = await findingsOf('action_without_owner', withActions(
      '  - { title: A, due: 2026-12-01 }\n  - title: B\n    owner:\n    due: 2026-12-01\n  - { title: C, owner: "  ", status: done }\n  - { title: D, owner: Ann, due: 2026-12-01 }\n',
    ));
    expect(found.map((f) => [f.severity, f.line, f.column])).toEqual([['error', 11, 5], ['error', 13, 5], ['error', 15, 17]]);
    expect(found[0]!.message).toContain('"A"');
  });

  it('action_without_due: open and blocked actions need a due date, done ones do not', async () => {
    const found = await findingsOf('action_without_due', withActions(
      '  - { title: A, owner: Ann }\n  - { title: B, owner: Ann, status: blocked, due: }\n  - { title: C, owner: Ann, status: done }\n',
    ));
    expect(found.map((f) => [f.severity, f.line, f.column])).toEqual([['warning', 11, 5], ['warning', 12, 46]]);
  });

  it('action_overdue: an open action due before today, at its due date', async () => {
    const found = await findingsOf('action_overdue', withActions('  - title: Late\n    owner: Ann\n    due: 2026-11-22\n    status: open\n'));
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', account: 'acme', file: 'plans/acme.yaml', line: 13, column: 10 })]);
    expect(found[0]!.message).toContain('2026-11-22 (1 day ago)');
  });

  it('action_overdue: never for done or blocked actions, nor one due today', async () => {
    const found = await findingsOf('action_overdue', withActions(
      '  - { title: A, owner: Ann, due: 2026-01-01, status: done }\n  - { title: B, owner: Ann, due: 2026-01-01, status: blocked }\n  - { title: C, owner: Ann, due: 2026-11-23 }\n',
    ));
    expect(found).toEqual([]);
  });
});

describe('stale_plan', () => {
  it('reports a last_reviewed older than the cadence, at the date', async () => {
    const found = await findingsOf('stale_plan', { 'plans/acme.yaml': PLAN.replace('2026-11-01', '2026-10-23') });
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', line: 2, column: 16 })]);
    expect(found[0]!.message).toContain('2026-10-23, 31 days ago');
  });

  it('accepts a review exactly cadence_days ago', async () => {
    expect(await findingsOf('stale_plan', { 'plans/acme.yaml': PLAN.replace('2026-11-01', '2026-10-24') })).toEqual([]);
  });

  it('without last_reviewed, says the plan was never reviewed (at the plan root)', async () => {
    const found = await findingsOf('stale_plan', { 'plans/acme.yaml': PLAN.replace('last_reviewed: 2026-11-01\n', '') });
    expect(found.map((f) => [f.line, f.column])).toEqual([[1, 1]]);
    expect(found[0]!.message).toContain('never been reviewed');
  });

  it('without last_reviewed, judges by the last commit date when git history is available', async () => {
    const plan = { 'plans/acme.yaml': PLAN.replace('last_reviewed: 2026-11-01\n', '') };
    const old = await findingsOf('stale_plan', plan, { lastCommitDate: () => '2026-09-01' });
    expect(old).toHaveLength(1);
    expect(old[0]!.message).toContain('last changed in git on 2026-09-01, 83 days ago');
    expect(await findingsOf('stale_plan', plan, { lastCommitDate: () => '2026-11-20' })).toEqual([]);
    const none = await findingsOf('stale_plan', plan, { lastCommitDate: () => undefined });
    expect(none[0]!.message).toContain('no commit in git history');
  });
});

describe('unrated_criterion', () => {
  it('reports each unrated criterion at the ratings line', async () => {
    const found = await findingsOf('unrated_criterion', { 'accounts/acme.yaml': ACCOUNT.replace('  growth: 5\n', '') });
    expect(found).toEqual([
      expect.objectContaining({ severity: 'warning', account: 'acme', file: 'accounts/acme.yaml', line: 3, column: 1, criterion: 'growth' }),
    ]);
  });

  it('reports an account that rates nothing once, at its root, without a criterion field', async () => {
    const found = await findingsOf('unrated_criterion', { 'accounts/acme.yaml': '# new prospect\nname: Acme\n' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 2, column: 1 });
    expect(found[0]!.criterion).toBeUndefined();
    expect(found[0]!.message).toContain('revenue, growth');
  });

  it('is quiet when every criterion is rated', async () => {
    expect(await findingsOf('unrated_criterion', {})).toEqual([]);
  });
});

describe('portfolio limits', () => {
  const key = (manager: string) => `name: X\nmanager: ${manager}\nratings: { revenue: 5, growth: 5 }\n`;
  const plan = (id: string) => PLAN.replace('account: acme', `account: ${id}`);

  it('too_many_key_accounts: more tiered accounts than the limit, at the limit in kam.yaml', async () => {
    const found = await findingsOf('too_many_key_accounts', {
      'accounts/b.yaml': key('Bea'), 'plans/b.yaml': plan('b'),
      'accounts/c.yaml': 'name: C\nmanager: Cy\nratings: { revenue: 2, growth: 2 }\n',
    });
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', account: null, file: 'kam.yaml', line: 11, column: 21 })]);
    expect(found[0]!.message).toContain('3 accounts are tiered');
  });

  it('too_many_key_accounts: exactly at the limit is fine; untiered accounts do not count', async () => {
    const found = await findingsOf('too_many_key_accounts', {
      'accounts/b.yaml': key('Bea'), 'plans/b.yaml': plan('b'),
      'accounts/c.yaml': 'name: C\nratings: { revenue: 1, growth: 1 }\n',
    });
    expect(found).toEqual([]);
  });

  it('manager_over_capacity: one finding per manager, at the manager line of their first account', async () => {
    const found = await findingsOf('manager_over_capacity', {
      'kam.yaml': CONFIG.replace('max_key_accounts: 2', 'max_key_accounts: 20'),
      'accounts/b.yaml': key('Ann'), 'plans/b.yaml': plan('b'),
      'accounts/c.yaml': key('Ann'), 'plans/c.yaml': plan('c'),
    });
    expect(found).toEqual([
      expect.objectContaining({ severity: 'warning', account: 'acme', file: 'accounts/acme.yaml', line: 2, column: 10, manager: 'Ann' }),
    ]);
    expect(found[0]!.message).toContain('3 tiered accounts (acme, b, c)');
  });

  it('manager_over_capacity counts people, not strings: "ann" and "Ann  " are Ann', async () => {
    const found = await findingsOf('manager_over_capacity', {
      'kam.yaml': CONFIG.replace('max_key_accounts: 2', 'max_key_accounts: 20'),
      'accounts/b.yaml': key('ann'), 'plans/b.yaml': plan('b'),
      'accounts/c.yaml': key('"Ann  "'), 'plans/c.yaml': plan('c'),
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('Ann manages 3 tiered accounts (acme, b, c)');
  });

  it('manager_over_capacity finds each of 300 managers over capacity among 3,000 accounts, once', async () => {
    const files: Record<string, string> = { 'kam.yaml': CONFIG.replace('max_key_accounts: 2', 'max_key_accounts: 100000').replace('max_accounts_per_manager: 2', 'max_accounts_per_manager: 5') };
    for (let i = 0; i < 3000; i++) files[`accounts/a${i}.yaml`] = key(`Manager ${i % 300}`);
    const root = makeRepo(files);
    const loaded = await loadRepo(root);
    if (!loaded.ok) throw new Error('did not load');
    // Its time at scale is the bench's business (npm run bench), never a test's.
    const found = checkRepo(loaded.repo, { today: TODAY, rules: { missing_plan: 'off' } }).findings.filter((f) => f.rule === 'manager_over_capacity');
    expect(found).toHaveLength(300);
    expect(new Set(found.map((f) => f.manager)).size).toBe(300);
    expect(found.find((f) => f.manager === 'Manager 7')!.message).toContain('Manager 7 manages 10 tiered accounts');
  });

  it('manager_over_capacity: a manager exactly at the limit is fine', async () => {
    const found = await findingsOf('manager_over_capacity', {
      'accounts/b.yaml': key('Ann'), 'plans/b.yaml': plan('b'),
      'accounts/c.yaml': 'name: C\nmanager: Ann\nratings: { revenue: 1, growth: 1 }\n',
    });
    expect(found).toEqual([]);
  });
});

describe('people: one person, however the name is spelled', () => {
  it.each([
    ['a manager differing by case', { 'accounts/acme.yaml': ACCOUNT.replace('manager: Ann', 'manager: ann') }, 'accounts/acme.yaml', 2, '"ann" and "Ann" are one person written two ways; write "Ann" (as most files write it)'],
    ['an action owner in capitals with a double space', { 'plans/acme.yaml': PLAN.replace('owner: Ann,', 'owner: "ANN  ",') }, 'plans/acme.yaml', 11, '"ANN  " and "Ann" are one person'],
  ])('person_spelling: %s', async (_what, files, file, line, message) => {
    const found = await findingsOf('person_spelling', files);
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', file, line, person: 'Ann', message: expect.stringContaining(message) })]);
  });

  it('person_spelling follows kam.yaml people: when it is declared', async () => {
    const found = await findingsOf('person_spelling', { 'kam.yaml': `${CONFIG}people:\n  ANN: {}\n` });
    expect(found.map((f) => [f.file, f.line])).toEqual([['accounts/acme.yaml', 2], ['plans/acme.yaml', 4]]);
    expect(found[0]!.message).toBe('"Ann" and "ANN" are one person written two ways; write "ANN" (as kam.yaml people: lists it)');
  });

  it('unknown_person: with people: declared, a name not in it is a warning with did-you-mean, once per file', async () => {
    const found = await findingsOf('unknown_person', { 'kam.yaml': `${CONFIG}people:\n  Anne: "@anne"\n  Bo Berg: {}\n` });
    expect(found.map((f) => [f.file, f.line, f.person])).toEqual([['accounts/acme.yaml', 2, 'Ann'], ['plans/acme.yaml', 4, 'Ann']]);
    expect(found[0]!.message).toBe('"Ann" is not in kam.yaml people:; did you mean "Anne"? Or add them under people:');
  });

  // The mutual action plan: the customer's actions are owned by the customer's people.
  const mutual = (actions: string) => PLAN.replace('  - { title: Call, owner: Ann, due: 2026-12-01, status: open }\n', `  - { title: Call, owner: Ann, due: 2026-12-01, status: open }\n${actions}`);
  const PEOPLE = { 'kam.yaml': `${CONFIG}people:\n  Ann: "@ann"\n` };

  it('unknown_person: the owner of a customer action (or of a joint one who is a stakeholder) is the customer\'s person, never reported', async () => {
    const actions =
      '  - { title: Sign the SOW, side: customer, owner: Rachel Moss, due: 2026-12-01 }\n' +
      '  - { title: Joint workshop, side: joint, owner: bo, due: 2026-12-01 }\n' +
      '  - { title: Joint pilot, side: joint, owner: Zed Ames, due: 2026-12-01 }\n' +
      '  - { title: Send the deck, side: us, owner: Carl, due: 2026-12-01 }\n';
    const found = await findingsOf('unknown_person', { ...PEOPLE, 'plans/acme.yaml': mutual(actions) });
    expect(found.map((f) => [f.line, f.person])).toEqual([[14, 'Zed Ames'], [15, 'Carl']]);
    expect(found.map((f) => f.message).join('\n')).not.toMatch(/Rachel|"bo"/);
  });

  it('person_spelling: customer owners are compared among themselves, never rewritten as people: lists our side', async () => {
    const actions =
      '  - { title: Sign the SOW, side: customer, owner: ann, due: 2026-12-01 }\n' +
      '  - { title: Review, side: customer, owner: Rachel Moss, due: 2026-12-01 }\n' +
      '  - { title: Approve, side: customer, owner: Rachel  Moss, due: 2026-12-01 }\n' +
      '  - { title: Budget, side: customer, owner: Rachel Moss, due: 2026-12-01 }\n';
    const found = await findingsOf('person_spelling', { ...PEOPLE, 'plans/acme.yaml': mutual(actions) });
    expect(found.map((f) => [f.line, f.message])).toEqual([[14, '"Rachel  Moss" and "Rachel Moss" are one person written two ways; write "Rachel Moss" (as most files write it)']]);
  });

  it('unknown_person: nothing without people:, and nothing when every name is listed (any case)', async () => {
    expect(await findingsOf('unknown_person', {})).toEqual([]);
    expect(await findingsOf('unknown_person', { 'kam.yaml': `${CONFIG}people:\n  ann: {}\n` })).toEqual([]);
  });
});

describe('no_decision_maker', () => {
  it('reports a plan without a decision maker or economic buyer, at the stakeholders line', async () => {
    const found = await findingsOf('no_decision_maker', { 'plans/acme.yaml': PLAN.replace('role: decision_maker', 'role: champion') });
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', account: 'acme', file: 'plans/acme.yaml', line: 5, column: 1 })]);
  });

  it('accepts an economic buyer', async () => {
    expect(await findingsOf('no_decision_maker', { 'plans/acme.yaml': PLAN.replace('role: decision_maker', 'role: economic_buyer') })).toEqual([]);
  });

  it('locates at the plan root when there are no stakeholders', async () => {
    const found = await findingsOf('no_decision_maker', { 'plans/acme.yaml': PLAN.replace('stakeholders:\n  - { name: Bo, role: decision_maker, owner: Ann }\n', '') });
    expect(found.map((f) => [f.line, f.column])).toEqual([[1, 1]]);
  });
});

describe('unanswered_question', () => {
  it('counts { na: reason } as answered and reports missing and blank answers', async () => {
    const found = await findingsOf('unanswered_question', { 'plans/acme.yaml': PLAN.replace('team.sponsor: Carl', 'team.sponsor: "  "') });
    expect(found.map((f) => [f.question, f.line, f.column])).toEqual([['team.sponsor', 8, 3]]);
  });

  it('an na without a reason is a schema error, not an answer', async () => {
    const result = await check({ 'plans/acme.yaml': PLAN.replace('{ na: Ann leads alone }', '{ na: "" }') });
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'schema', severity: 'error', file: 'plans/acme.yaml', line: 9, column: 20 }),
    ]);
  });
});

describe('duplicate_crm_id', () => {
  // Low ratings keep the extra accounts untiered, so no other rule speaks up.
  const other = (name: string, crmId: string) => `name: ${name}\n# linked to the CRM\ncrm_id: ${crmId}\nratings: { revenue: 1, growth: 1 }\n`;

  it.each([
    ['one CRM record on two accounts, at the crm_id of each', { 'accounts/beta.yaml': other('Beta', '"001A"'), 'accounts/gamma.yaml': other('Gamma', '"001A"') }, [['accounts/beta.yaml', 3], ['accounts/gamma.yaml', 3]]],
    ['a numeric record id equals its text', { 'accounts/beta.yaml': other('Beta', '4711'), 'accounts/gamma.yaml': other('Gamma', '"4711"') }, [['accounts/beta.yaml', 3], ['accounts/gamma.yaml', 3]]],
    ['three files, each naming the two others', { 'accounts/beta.yaml': other('Beta', 'X'), 'accounts/gamma.yaml': other('Gamma', 'X'), 'accounts/delta.yaml': other('Delta', 'X') }, [['accounts/beta.yaml', 3], ['accounts/delta.yaml', 3], ['accounts/gamma.yaml', 3]]],
    ['nothing when the ids differ', { 'accounts/beta.yaml': other('Beta', '001A'), 'accounts/gamma.yaml': other('Gamma', '001B') }, []],
    ['nothing for accounts without crm_id', { 'accounts/beta.yaml': 'name: Beta\nratings: { revenue: 1, growth: 1 }\n' }, []],
  ] as const)('%s', async (_what, files, expected) => {
    const found = await findingsOf('duplicate_crm_id', files);
    expect(found.map((f) => [f.file, f.line])).toEqual(expected);
    for (const f of found) {
      expect(f).toMatchObject({ severity: 'error', column: 9, path: ['crm_id'] });
      for (const [file] of expected) if (file !== f.file) expect(f.message).toContain(file);
    }
  });
});

describe('duplicate_account', () => {
  // Low ratings keep the extra accounts untiered, so no other rule speaks up.
  const other = (name: string) => `# the customer\nname: ${name}\nratings: { revenue: 1, growth: 1 }\n`;

  it.each([
    ['the same name in two files, at the name of each', { 'accounts/beta.yaml': other('Beta Foods'), 'accounts/beta-foods.yaml': other('Beta Foods') }, [['accounts/beta-foods.yaml', 2], ['accounts/beta.yaml', 2]]],
    ['case and runs of spaces aside, as people are matched', { 'accounts/beta.yaml': other('Beta  Foods'), 'accounts/gamma.yaml': other('BETA foods') }, [['accounts/beta.yaml', 2], ['accounts/gamma.yaml', 2]]],
    ['the fixture account, named again in another file', { 'accounts/acme-corp.yaml': other('acme') }, [['accounts/acme-corp.yaml', 2], ['accounts/acme.yaml', 1]]],
    ['three files, each naming the two others', { 'accounts/b1.yaml': other('Beta'), 'accounts/b2.yaml': other('beta'), 'accounts/b3.yaml': other('Beta ') }, [['accounts/b1.yaml', 2], ['accounts/b2.yaml', 2], ['accounts/b3.yaml', 2]]],
    ['many files of one name: each names three and counts the rest', Object.fromEntries(['b1', 'b2', 'b3', 'b4', 'b5'].map((id) => [`accounts/${id}.yaml`, other('Beta')])), ['b1', 'b2', 'b3', 'b4', 'b5'].map((id) => [`accounts/${id}.yaml`, 2])],
    ['nothing for names that differ by more than case and spacing', { 'accounts/beta.yaml': other('Beta Foods'), 'accounts/gamma.yaml': other('Beta Food') }, []],
  ] as const)('%s', async (_what, files, expected) => {
    const found = await findingsOf('duplicate_account', files);
    expect(found.map((f) => [f.file, f.line]).sort()).toEqual(expected);
    for (const f of found) {
      expect(f).toMatchObject({ severity: 'warning', column: 7, path: ['name'] });
      const others = expected.map(([file]) => file).filter((file) => file !== f.file);
      for (const file of others.slice(0, 3)) expect(f.message).toContain(file);
      if (others.length > 3) expect(f.message).toContain(` and ${others.length - 3} more;`);
      expect(f.message).not.toContain(`${f.file} `);
    }
  });
});

describe('severities and completeness', () => {
  it('kam.yaml rules: and --rule overrides change severity or drop a rule', async () => {
    const plan = { 'plans/acme.yaml': PLAN.replace('role: decision_maker', 'role: champion').replace('owner: Ann, ', '') };
    const config = { 'kam.yaml': `${CONFIG}rules:\n  no_decision_maker: error\n  action_without_owner: warning\n` };
    const result = await check({ ...plan, ...config }, { rules: { action_without_owner: 'off' } });
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['no_decision_maker', 'error']]);
  });

  it('computes completeness per plan and category', async () => {
    const result = await check({ 'plans/acme.yaml': PLAN.replace('  team.sponsor: Carl\n', '') });
    expect(result.completeness.acme).toMatchObject({ answered: 0, not_applicable: 1, unanswered: 1, total: 2, percent: 50 });
    expect(result.completeness.acme!.categories[0]).toMatchObject({ id: 'team', open: ['team.sponsor'], percent: 50 });
  });
});

describe('no_actions', () => {
  const atStage = (stage: string, actions: string) => PLAN.replace('last_reviewed:', `stage: ${stage}\nlast_reviewed:`).replace(/actions:\n.*\n$/, actions);
  it.each([
    ['action_plan', 'actions:\n  - { title: Call, owner: Ann, due: 2026-10-01, status: done }\n', 1],
    ['execution', '', 1],
    ['review', 'actions: []\n', 1],
    ['execution', 'actions:\n  - { title: Call, owner: Ann, due: 2026-12-01, status: blocked }\n', 0],
    ['execution', 'actions:\n  - { title: Call, owner: Ann, due: 2026-12-01 }\n', 0],
    ['research', '', 0],
    ['strategy', 'actions:\n  - { title: Call, owner: Ann, due: 2026-10-01, status: done }\n', 0],
  ])('stage %s with %j: %i finding(s)', async (stage, actions, count) => {
    const found = await findingsOf('no_actions', { 'plans/acme.yaml': atStage(stage, actions) });
    expect(found).toHaveLength(count);
    for (const f of found) expect(f).toMatchObject({ severity: 'warning', account: 'acme', file: 'plans/acme.yaml', path: ['actions'] });
  });

  it('points at the actions key when there is one', async () => {
    const found = await findingsOf('no_actions', { 'plans/acme.yaml': atStage('execution', 'actions: []\n') });
    expect(found.map((f) => [f.line, f.column])).toEqual([[11, 10]]);
  });
});

describe('stale_health_input', () => {
  const config = `${CONFIG}health:
  measures:
    - { id: nps, label: NPS, min: -100, max: 100, max_age_days: 180 }
    - { id: csat, label: CSAT, min: 0, max: 5 }
`;
  const account = (nps: string, csat = '2020-01-01') => `${ACCOUNT}health:\n  nps: { value: 35, as_of: ${nps} }\n  csat: { value: 4, as_of: ${csat} }\n`;
  it.each([
    ['2026-05-27', 0],
    ['2026-05-26', 1],
    ['2025-01-01', 1],
    ['2026-12-01', 0],
  ])('nps measured %s (max_age_days 180, today %s): %i finding(s)', async (asOf, count) => {
    const found = await findingsOf('stale_health_input', { 'kam.yaml': config, 'accounts/acme.yaml': account(asOf) });
    expect(found).toHaveLength(count);
    for (const f of found) expect(f).toMatchObject({ severity: 'warning', account: 'acme', file: 'accounts/acme.yaml', measure: 'nps', path: ['health', 'nps', 'as_of'], line: 7 });
  });

  it('never reports a measure without max_age_days, nor one an account leaves out', async () => {
    expect(await findingsOf('stale_health_input', { 'kam.yaml': config })).toEqual([]);
  });

  it('rejects a value for a measure kam.yaml does not declare', async () => {
    const found = await findingsOf('schema', { 'accounts/acme.yaml': `${ACCOUNT}health:\n  nps: { value: 1, as_of: 2026-01-01 }\n` });
    expect(found).toHaveLength(1);
  });
});
