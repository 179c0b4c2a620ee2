import { describe, expect, it } from 'vitest';
import { loadText } from '../../../src/load/loadText.js';
import { loadRepo } from '../../../src/load/loadRepo.js';
import { accountSchema } from '../../../src/schema/account.js';
import { defaultConfig } from '../../../src/schema/config.js';
import { planSchema } from '../../../src/schema/plan.js';
import { makeRepo } from '../../helpers/tmpRepo.js';

const config = defaultConfig();
const account = (text: string) => loadText(accountSchema(config), 'acme', 'accounts/acme.yaml', text, 'acme');
const plan = (text: string) => loadText(planSchema(config), 'acme', 'plans/acme.yaml', text, 'acme');
const brief = (f: { rule: string; line: number; column: number; message: string }) => ({ rule: f.rule, line: f.line, column: f.column, message: f.message });

describe('loading one file', () => {
  it('accepts a valid account and keeps its data', () => {
    const loaded = account('name: Acme\nmanager: Dana\nratings:\n  current_revenue: 4\n  effort: 1\n');
    expect(loaded.findings).toEqual([]);
    expect(loaded.value).toMatchObject({ name: 'Acme', manager: 'Dana', ratings: { current_revenue: 4, effort: 1 } });
  });

  it('reports a YAML syntax error at its line and column', () => {
    const loaded = account('name: Acme\nratings: [1, 2\nmanager: Dana\n');
    expect(loaded.value).toBeUndefined();
    expect(loaded.findings).toHaveLength(1);
    expect(loaded.findings[0]).toMatchObject({ rule: 'yaml_syntax', severity: 'error', file: 'accounts/acme.yaml', account: 'acme', line: 3 });
  });

  it('reports a duplicate key at the second occurrence, naming the key', () => {
    const loaded = account('name: Acme\nindustry: Retail\nname: Acme Corp\n');
    expect(loaded.findings.map(brief)).toEqual([
      { rule: 'duplicate_key', line: 3, column: 1, message: 'duplicate key "name": remove one of the two entries or merge them' },
    ]);
  });

  it('names the closest valid key for an unknown key, at the key', () => {
    const loaded = account('name: Acme\nmanger: Dana\n');
    expect(loaded.findings.map(brief)).toEqual([{ rule: 'schema', line: 2, column: 1, message: 'unknown key "manger"; did you mean "manager"?' }]);
  });

  it('names the closest criterion for a misspelt rating', () => {
    const loaded = account('name: Acme\nratings:\n  growth_potentail: 4\n');
    expect(loaded.findings.map(brief)).toEqual([
      { rule: 'schema', line: 3, column: 3, message: 'unknown key "growth_potentail" in "ratings"; did you mean "growth_potential"?' },
    ]);
  });

  it('reports a rating outside the scale at the value', () => {
    const loaded = account('name: Acme\nratings:\n  current_revenue: 7\n  fit: 0\n  logo: 2.5\n');
    expect(loaded.findings.map(brief)).toEqual([
      { rule: 'schema', line: 3, column: 20, message: '"ratings.current_revenue" must be from 1 to 5, not 7' },
      { rule: 'schema', line: 4, column: 8, message: '"ratings.fit" must be from 1 to 5, not 0' },
      { rule: 'schema', line: 5, column: 9, message: '"ratings.logo" must be a whole number from 1 to 5, not 2.5' },
    ]);
  });

  it('locates a missing required key at the mapping that lacks it', () => {
    const loaded = account('# comment\nindustry: Retail\nmanager: Dana\n');
    expect(loaded.findings.map(brief)).toEqual([{ rule: 'schema', line: 2, column: 1, message: 'missing required key "name": add it' }]);
  });

  it('locates a missing key of a list item at that item', () => {
    const loaded = plan('account: acme\nactions:\n  - title: Kick-off\n    owner: Dana\n  - owner: Omar\n    due: 2026-12-01\n');
    expect(loaded.findings.map(brief)).toEqual([{ rule: 'schema', line: 5, column: 5, message: 'missing required key "title" in actions item 2: add it' }]);
  });

  it('suggests the enum value for a misspelt stage and role', () => {
    const loaded = plan('account: acme\nstage: reserch\nteam:\n  - name: Dana\n    roles: [innovatr]\n');
    expect(loaded.findings.map((f) => [f.line, f.column, f.message])).toEqual([
      [2, 8, '"stage" must be one of strategy, research, action_plan, execution, review; found "reserch"; did you mean "research"?'],
      [5, 13, 'team item 1, roles item 1: must be one of relationship_lead, technical_expert, collaborator, project_manager, innovator, results_driver; found "innovatr"; did you mean "innovator"?'],
    ]);
  });

  it('names the closest key for an unknown key inside a list item, counting items from 1', () => {
    const loaded = plan(
      'account: acme\n' +
        'team:\n  - name: Dana\n    roles: [collaborator]\n    titel: CSM\n' +
        'stakeholders:\n  - name: Bo\n    role: user\n  - name: Cy\n    reprots_to: bo\n    influense: high\n' +
        'actions:\n  - title: Call\n    ownr: Dana\n' +
        'opportunities:\n  - name: Renewal\n    vaule: 10\n',
    );
    expect(loaded.findings.map(brief).sort((a, b) => a.line - b.line)).toEqual([
      { rule: 'schema', line: 5, column: 5, message: 'unknown key "titel" in team item 1; did you mean "title"?' },
      { rule: 'schema', line: 10, column: 5, message: 'unknown key "reprots_to" in stakeholders item 2; did you mean "reports_to"?' },
      { rule: 'schema', line: 11, column: 5, message: 'unknown key "influense" in stakeholders item 2; did you mean "influence"?' },
      { rule: 'schema', line: 14, column: 5, message: 'unknown key "ownr" in actions item 1; did you mean "owner"?' },
      { rule: 'schema', line: 17, column: 5, message: 'unknown key "vaule" in opportunities item 1; did you mean "value"?' },
    ]);
  });

  it('counts items one way in a message that names two of them', () => {
    const loaded = plan('account: acme\nstakeholders:\n  - { id: bo, name: Bo }\n  - { id: cy, name: Cy }\n  - { id: bo, name: Bo Two }\n');
    expect(loaded.findings.map(brief)).toEqual([
      { rule: 'schema', line: 5, column: 11, message: 'stakeholders item 3, id: duplicate stakeholder id "bo" (first at item 1)' },
    ]);
  });

  it('rejects an `na` answer without a reason', () => {
    const loaded = plan('account: acme\nanswers:\n  competitors.incumbents: { na: "" }\n');
    expect(loaded.findings.map(brief)).toEqual([{ rule: 'schema', line: 3, column: 33, message: '"answers.competitors.incumbents.na" must not be empty' }]);
  });

  it('accepts null, text and `{ na: reason }` answers', () => {
    const loaded = plan('account: acme\nanswers:\n  our_team.executive_sponsor:\n  competitors.incumbents: { na: Single-source contract until 2028 }\n  needs.business_problems: Late deliveries\n');
    expect(loaded.findings).toEqual([]);
  });

  it('reports a bad date where it is written', () => {
    const loaded = plan('account: acme\nlast_reviewed: 2026-13-40\n');
    expect(loaded.findings.map(brief)).toEqual([{ rule: 'schema', line: 2, column: 16, message: '"last_reviewed" 2026-13-40 is not a real date (months run 01-12, days to the end of the month)' }]);
    expect(plan('account: acme\nlast_reviewed: 2026-02-30\n').findings[0]!.message).toContain('2026-02-30 is not a real date');
    expect(plan('account: acme\nlast_reviewed: next week\n').findings[0]!.message).toBe('"last_reviewed" must be a date written YYYY-MM-DD, not "next week"');
  });

  it('explains an empty file and a file that is not a mapping', () => {
    expect(account('').findings.map(brief)).toEqual([{ rule: 'schema', line: 1, column: 1, message: 'the file is empty; it must be a YAML mapping (key: value lines)' }]);
    expect(account('- a\n- b\n').findings.map(brief)).toEqual([{ rule: 'schema', line: 1, column: 1, message: 'the file must be a mapping, not a list' }]);
  });
});

describe('loading a repo', () => {
  it('checks ids across files and keeps going past a broken file', async () => {
    const root = makeRepo({
      'accounts/acme.yaml': 'id: acme-corp\nname: Acme\n',
      'accounts/beta.yaml': 'name: [broken\n',
      'accounts/gamma.yaml': 'name: Gamma\nmanger: X\n',
      'accounts/delta.yaml': 'name: Delta\n',
      'accounts/delta.yml': 'name: Delta again\n',
      'accounts/Bad_Name.yaml': 'name: Bad\n',
      'plans/acme.yaml': 'account: acme\n',
      'plans/ghost.yaml': 'account: ghost\n',
      'plans/delta.yaml': '\naccount: gamma\n',
    });
    const result = await loadRepo(root);
    if (!result.ok) throw new Error('repo did not load');
    const { repo } = result;
    expect(repo.accounts.map((a) => a.id)).toEqual(['Bad_Name', 'acme', 'beta', 'delta', 'delta', 'gamma']);
    expect(repo.findings.map((f) => [f.rule, f.file, f.line, f.column])).toEqual([
      ['id_mismatch', 'accounts/Bad_Name.yaml', 1, 1],
      ['id_mismatch', 'accounts/acme.yaml', 1, 5],
      ['yaml_syntax', 'accounts/beta.yaml', 2, 1],
      ['duplicate_id', 'accounts/delta.yml', 1, 1],
      ['schema', 'accounts/gamma.yaml', 2, 1],
      ['id_mismatch', 'plans/delta.yaml', 2, 10],
      ['unknown_account', 'plans/ghost.yaml', 1, 10],
    ]);
    expect(repo.findings.find((f) => f.rule === 'id_mismatch' && f.file === 'accounts/Bad_Name.yaml')?.message).toContain('"bad-name.yaml"');
    expect(repo.findings.find((f) => f.rule === 'schema')?.message).toBe('unknown key "manger"; did you mean "manager"?');
    expect(repo.accounts.find((a) => a.id === 'delta')?.value?.name).toBe('Delta');
  });

  it('reports an invalid kam.yaml as located findings instead of loading', async () => {
    const root = makeRepo({ 'kam.yaml': 'version: 1\nscoring:\n  tiers:\n    - { name: Gold, min: 50 }\n    - { name: Silver, min: 70 }\nlimts: {}\n' });
    const result = await loadRepo(root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.findings.map((f) => [f.file, f.line, f.column, f.message])).toEqual([
      ["kam.yaml", 5, 28, 'scoring.tiers item 2, min: tiers are listed highest first: 70 must be below 50'],
      ['kam.yaml', 6, 1, 'unknown key "limts"; did you mean "limits"?'],
    ]);
  });

  it('validates ratings and answers against the repo’s own criteria and checklist', async () => {
    const root = makeRepo({
      'kam.yaml': [
        'version: 1',
        'scoring:',
        '  scale: { min: 0, max: 10 }',
        '  criteria:',
        '    - { id: spend, label: Spend, weight: 1, axis: current }',
        'checklist:',
        '  categories:',
        '    - id: basics',
        '      title: Basics',
        '      questions:',
        '        - { id: basics.owner, text: Who owns it? }',
        '',
      ].join('\n'),
      'accounts/a.yaml': 'name: A\nratings: { spend: 9, fit: 3 }\n',
      'plans/a.yaml': 'account: a\nanswers:\n  basics.owner: Dana\n  our_team.executive_sponsor: Lee\n',
    });
    const result = await loadRepo(root);
    if (!result.ok) throw new Error('repo did not load');
    expect(result.repo.findings.map((f) => f.message)).toEqual([
      'unknown key "fit" in "ratings"; allowed keys: spend',
      'unknown key "our_team.executive_sponsor" in "answers"; allowed keys: basics.owner',
    ]);
  });
});
