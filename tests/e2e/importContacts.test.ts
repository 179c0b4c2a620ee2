import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kam, kamJson } from '../helpers/kamInProcess.js';
import { makeRepo, snapshotTree, tmpDir } from '../helpers/tmpRepo.js';

// kam import contacts: fixtures built from each CRM's documented contact columns (Salesforce
// Contact field labels and API names, HubSpot's contact export labels, Dataverse contact logical
// names). One repo: two accounts with crm_ids, one with a plan that has comments, one without.
const CONFIG = `version: 1
scoring:
  criteria:
    - { id: fit, label: Fit, weight: 1, axis: potential }
  tiers:
    - { name: Key, min: 50 }
roles:
  - { id: lead, label: Lead }
checklist:
  categories:
    - id: needs
      title: Needs
      questions:
        - { id: needs.pain, text: What hurts? }
`;

const PLAN = `# The Acme plan: keep this comment
account: acme
team:
  - { name: Ann, roles: [lead] }
stakeholders:
  # the buyer; owner is ours
  - id: bo
    name: Bo Berg
    role: economic_buyer
    influence: high
    stance: supporter
    owner: Ann
  - name: "Di Dahl"   # no id yet
    role: champion
    owner: Ann
answers:
  needs.pain: Slow forecasts
`;

function repo(plan = PLAN) {
  return makeRepo({
    'kam.yaml': CONFIG,
    'accounts/acme.yaml': 'name: Acme\ncrm_id: 001A000001AcmeXAAA\nratings: { fit: 5 }\n',
    'accounts/globex.yaml': 'name: Globex\ncrm_id: 001A000001GlobxAAA\nratings: { fit: 1 }\n',
    'accounts/initech.yaml': 'name: Initech\ncrm_id: "42"\nratings: { fit: 1 }\n',
    'plans/acme.yaml': plan,
    'plans/initech.yaml': 'account: initech\nstakeholders:\n',
  });
}

const csv = (rows: string[][]) => `${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n')}\r\n`;

// Salesforce report export: field labels.
const SALESFORCE_REPORT = csv([
  ['Contact ID', 'Account ID', 'First Name', 'Last Name', 'Title', 'Email', 'Reports To ID'],
  ['003A000001BoBergAA', '001A000001AcmeXAAA', 'Bo', 'Berg', 'CFO', 'bo@acme.test', ''],
  ['003A000001DiDahlAA', '001A000001AcmeXAAA', 'di', 'dahl', 'VP Operations', 'di@acme.test', '003A000001BoBergAA'],
  ['003A000001EvaEkAAA', '001A000001AcmeXAAA', 'Eva', 'Ek', 'Head of Planning', '', '003A000001DiDahlAA'],
  ['003A000001GusAAAAA', '001A000001GlobxAAA', 'Gus', 'Gray', 'CEO', '', ''],
  ['003A000001NoAccAAA', '', 'Nora', 'None', 'Freelancer', '', ''],
  ['003A000001UnkAccAA', '001A000009OtherAAA', 'Una', 'Known', 'CIO', '', ''],
]);

async function importRun(root: string, file: string, text: string, extra: string[] = []) {
  writeFileSync(join(root, file), text);
  return kamJson(['import', 'contacts', file, '-f', 'json', ...extra], { cwd: root });
}

const stakeholders = (root: string, id = 'acme') => (parse(readFileSync(join(root, `plans/${id}.yaml`), 'utf8')) as { stakeholders: Record<string, unknown>[] }).stakeholders;

describe('kam import contacts (Salesforce report export)', () => {
  it('updates by name, appends new people with slug ids, links reports_to, keeps every comment and judgement', async () => {
    const root = repo();
    const { code, json } = await importRun(root, 'contacts.csv', SALESFORCE_REPORT);
    expect(code, JSON.stringify(json.rows)).toBe(0);
    expect(json.preset).toEqual({ id: 'salesforce', detected: true });
    expect(json.rows.map((r: any) => [r.line, r.status, r.stakeholder ?? null])).toEqual([
      [2, 'updated', 'bo'],
      [3, 'updated', 'di-dahl'],
      [4, 'created', 'eva-ek'],
      [5, 'skipped', null],
      [6, 'skipped', null],
      [7, 'skipped', null],
    ]);
    expect(json.rows[3].reason).toContain('account "globex" has no plan');
    expect(json.rows[4].reason).toContain('no account');
    expect(json.rows[5].reason).toContain('no account of the repo has crm_id "001A000009OtherAAA"');
    const text = readFileSync(join(root, 'plans/acme.yaml'), 'utf8');
    expect(text).toContain('# The Acme plan: keep this comment\n');
    expect(text).toContain('  # the buyer; owner is ours\n');
    expect(text).toContain('  - name: "Di Dahl"   # no id yet\n');
    expect(stakeholders(root)).toEqual([
      { id: 'bo', name: 'Bo Berg', role: 'economic_buyer', influence: 'high', stance: 'supporter', owner: 'Ann', title: 'CFO', crm_id: '003A000001BoBergAA' },
      { name: 'Di Dahl', role: 'champion', owner: 'Ann', id: 'di-dahl', title: 'VP Operations', crm_id: '003A000001DiDahlAA', reports_to: 'bo' },
      { id: 'eva-ek', name: 'Eva Ek', title: 'Head of Planning', crm_id: '003A000001EvaEkAAA', reports_to: 'di-dahl' },
    ]);
    // The result is a valid plan kam check reads, with the new reporting tree.
    const map = await kamJson(['map', 'acme', '-f', 'json'], { cwd: root });
    expect(map.json.roots).toEqual(['bo']);
  });

  it('a second import of a changed export updates in place (a rename in the CRM keeps the id), never duplicates', async () => {
    const root = repo();
    await importRun(root, 'contacts.csv', SALESFORCE_REPORT);
    const again = await importRun(root, 'contacts.csv', SALESFORCE_REPORT);
    expect(again.json.rows.slice(0, 3).map((r: any) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    // Eva married and was promoted; Data Loader's 18-character ids match the report's 15 (Salesforce).
    const changed = SALESFORCE_REPORT.replace('Eva,Ek,Head of Planning', 'Eva,Ek-Lund,VP Planning');
    const third = await importRun(root, 'contacts.csv', changed);
    expect(third.json.rows[2]).toMatchObject({ status: 'updated', stakeholder: 'eva-ek', changed: ['name', 'title'], renamed: { from: 'Eva Ek', to: 'Eva Ek-Lund' } });
    expect(stakeholders(root)).toHaveLength(3);
    expect(stakeholders(root)[2]).toMatchObject({ id: 'eva-ek', name: 'Eva Ek-Lund', title: 'VP Planning' });
  });

  it('reads API-name columns, and a 15-character id as the same record as its 18-character form', async () => {
    const root = repo();
    await importRun(root, 'contacts.csv', SALESFORCE_REPORT);
    const loader = csv([
      ['Id', 'AccountId', 'FirstName', 'LastName', 'Title', 'Email', 'ReportsToId'],
      ['003A000001EvaEk', '001A000001AcmeX', 'Eva', 'Ek', 'COO', '', '003A000001BoBer'],
    ]);
    const { code, json } = await importRun(root, 'loader.csv', loader, ['--from', 'salesforce']);
    expect(code).toBe(0);
    expect(json.rows[0]).toMatchObject({ status: 'updated', stakeholder: 'eva-ek', changed: ['title', 'reports_to'] });
    expect(stakeholders(root)).toHaveLength(3);
  });

  it('--dry-run reports the changes and writes nothing', async () => {
    const root = repo();
    writeFileSync(join(root, 'contacts.csv'), SALESFORCE_REPORT);
    const before = snapshotTree(root);
    const run = await kam(['import', 'contacts', 'contacts.csv', '--dry-run', '--no-color'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('contacts.csv:4  created    plans/acme.yaml  Eva Ek (eva-ek)');
    expect(run.stdout).toContain('dry run: nothing was written');
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('kam import contacts (HubSpot and Dynamics exports)', () => {
  it('HubSpot: Record ID, names, Job Title, Associated Company IDs; a custom manager column with --map', async () => {
    const root = repo();
    const hubspot = csv([
      ['Record ID', 'First Name', 'Last Name', 'Job Title', 'Email', 'Associated Company IDs', 'Reports To'],
      ['51', 'Ida', 'Ito', 'CTO', 'ida@initech.test', '42', ''],
      ['52', 'Jon', 'Jay', 'Architect', '', '42', '51'],
    ]);
    const { code, json } = await importRun(root, 'hubspot.csv', hubspot, ['--map', 'Reports To=manager']);
    expect(code).toBe(0);
    expect(json.preset).toEqual({ id: 'hubspot', detected: true });
    expect(stakeholders(root, 'initech')).toEqual([
      { id: 'ida-ito', name: 'Ida Ito', title: 'CTO', crm_id: '51' },
      { id: 'jon-jay', name: 'Jon Jay', title: 'Architect', crm_id: '52', reports_to: 'ida-ito' },
    ]);
  });

  it('Dynamics: contactid, parentcustomerid, firstname, lastname, jobtitle, emailaddress1, parentcontactid', async () => {
    const root = repo();
    const dynamics = csv([
      ['contactid', 'parentcustomerid', 'firstname', 'lastname', 'jobtitle', 'emailaddress1', 'parentcontactid'],
      ['9f1c0000-0000-0000-0000-000000000001', '42', 'Kai', 'Kim', 'CFO', '', ''],
      ['9f1c0000-0000-0000-0000-000000000002', '42', 'Lu', 'Lee', 'Controller', '', '9f1c0000-0000-0000-0000-000000000001'],
    ]);
    const { code, json } = await importRun(root, 'dyn.csv', dynamics);
    expect(code).toBe(0);
    expect(json.preset).toEqual({ id: 'dynamics', detected: true });
    expect(stakeholders(root, 'initech').map((s) => [s.id, s.reports_to ?? null])).toEqual([['kai-kim', null], ['lu-lee', 'kai-kim']]);
  });
});

describe('kam import contacts: bad input is reported with its line, and nothing is written', () => {
  const header = ['Contact ID', 'Account ID', 'First Name', 'Last Name', 'Title', 'Email', 'Reports To ID'];
  it.each<[string, string[][], number, string]>([
    ['a duplicate id', [['003A000001EvaEkAAA', '001A000001AcmeXAAA', 'Eva', 'Ek', '', '', ''], ['003A000001EvaEkAAA', '001A000001AcmeXAAA', 'Eve', 'Ek', '', '', '']], 3, 'duplicate contact id "003A000001EvaEkAAA", also on line 3'],
    ['an empty name', [['003A000001EvaEkAAA', '001A000001AcmeXAAA', ' ', '', '', '', '']], 2, 'empty name'],
    ['a manager who is nobody', [['003A000001EvaEkAAA', '001A000001AcmeXAAA', 'Eva', 'Ek', '', '', '003A000001GhostAAA']], 2, 'who is nobody known'],
    ['a manager in another account', [['003A000001GusAAAAA', '001A000001GlobxAAA', 'Gus', 'Gray', '', '', ''], ['003A000001EvaEkAAA', '001A000001AcmeXAAA', 'Eva', 'Ek', '', '', '003A000001GusAAAAA']], 3, 'a reporting line stays within one account'],
    ['a reporting cycle', [['003A000001EvaEkAAA', '001A000001AcmeXAAA', 'Eva', 'Ek', '', '', '003A000001FinAAAAA'], ['003A000001FinAAAAA', '001A000001AcmeXAAA', 'Fin', 'Fox', '', '', '003A000001EvaEkAAA']], 2, 'reporting cycle in the CRM: eva-ek → fin-fox → eva-ek (lines 3, 4)'],
  ])('%s', async (_, rows, line, reason) => {
    const root = repo();
    writeFileSync(join(root, 'bad.csv'), csv([header, ['003A000001BoBergAA', '001A000001AcmeXAAA', 'Bo', 'Berg', 'CFO', '', ''], ...rows.map((r) => r)]).replace(/\r\n/, '\r\n'));
    const before = snapshotTree(root);
    const { code, json } = await kamJson(['import', 'contacts', 'bad.csv', '-f', 'json'], { cwd: root });
    expect(code).toBe(1);
    expect(json.written).toBe(false);
    const bad = json.rows.find((r: any) => r.line === line + 1);
    expect(bad).toMatchObject({ status: 'rejected' });
    expect(bad.reason).toContain(reason);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('a name that matches two stakeholders', async () => {
    const root = repo(PLAN.replace('answers:', '  - { name: bo  berg, role: user }\nanswers:').replace('    name: Bo Berg\n', '    name: Bo Berg\n').replace('  - id: bo\n', '  - id: bo\n'));
    // Bo Berg and "bo  berg" are one person by spelling: two stakeholders of that name.
    const text = csv([header, ['003A000001BoBergAA', '001A000001AcmeXAAA', 'Bo', 'Berg', 'CFO', '', '']]);
    const before = readFileSync(join(root, 'plans/acme.yaml'), 'utf8');
    const { code, json } = await importRun(root, 'two.csv', text);
    expect(code).toBe(1);
    expect(json.rows[0].reason).toContain('"Bo Berg" matches 2 stakeholders of plans/acme.yaml (bo, bo  berg)');
    expect(readFileSync(join(root, 'plans/acme.yaml'), 'utf8')).toBe(before);
  });

  it('never writes through a link out of the repo', async () => {
    const root = repo();
    const outside = join(tmpDir(), 'acme.yaml');
    writeFileSync(outside, PLAN);
    const { rmSync } = await import('node:fs');
    rmSync(join(root, 'plans/acme.yaml'));
    symlinkSync(outside, join(root, 'plans/acme.yaml'));
    const { code } = await importRun(root, 'contacts.csv', SALESFORCE_REPORT);
    expect(code).not.toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe(PLAN);
  });

  it('exits 2 for a file without a contact id column, naming what to do', async () => {
    const root = repo();
    writeFileSync(join(root, 'x.csv'), 'Name,Company\nA,B\n');
    const run = await kam(['import', 'contacts', 'x.csv'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no column gives the contact\'s CRM id');
  });
});

describe('kam export contacts --to', () => {
  it.each([
    ['salesforce', 'Id,Title\r\n003A000001BoBergAA,CFO\r\n003A000001DiDahlAA,VP Operations\r\n003A000001EvaEkAAA,Head of Planning\r\n'],
    ['hubspot', 'Record ID,Job Title,Buying Role\r\n003A000001BoBergAA,CFO,Budget Holder\r\n003A000001DiDahlAA,VP Operations,Champion\r\n003A000001EvaEkAAA,Head of Planning,\r\n'],
    ['dynamics', 'contactid,jobtitle,accountrolecode\r\n003A000001BoBergAA,CFO,Decision Maker\r\n003A000001DiDahlAA,VP Operations,Influencer\r\n003A000001EvaEkAAA,Head of Planning,\r\n'],
  ])('%s: each stakeholder with a crm_id, the columns its contact import takes', async (to, expected) => {
    const root = repo();
    await importRun(root, 'contacts.csv', SALESFORCE_REPORT);
    const run = await kam(['export', 'contacts', '--to', to], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(expected);
  });

  it('JSON carries account, stakeholder and kam role; without --to it is a usage error', async () => {
    const root = repo();
    await importRun(root, 'contacts.csv', SALESFORCE_REPORT);
    const { json } = await kamJson(['export', 'contacts', '--to', 'hubspot', '-f', 'json'], { cwd: root });
    expect(json.contacts[0]).toEqual({ crm_id: '003A000001BoBergAA', account: 'acme', stakeholder: 'bo', title: 'CFO', role: 'economic_buyer', crm_role: 'Budget Holder' });
    const none = await kam(['export', 'contacts'], { cwd: root });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('needs --to salesforce, hubspot or dynamics');
    // The account export is unchanged by the subcommand.
    expect((await kam(['export'], { cwd: root })).stdout.split('\r\n')[0]).toContain('crm_id');
  });
});

describe('kam import contacts: hostile cells', () => {
  it('writes YAML-special names and titles as plain data, reads back exactly, prints control characters escaped', async () => {
    const root = repo();
    const evil = csv([
      ['Contact ID', 'Account ID', 'First Name', 'Last Name', 'Title', 'Email', 'Reports To ID'],
      ['003A000001Evil1AAA', '001A000001AcmeXAAA', 'Ann: [x]', '#not a comment &anchor', "'=HYPERLINK(\"http://x\")", '', ''],
      ['003A000001Evil2AAA', '001A000001AcmeXAAA', 'Two\nLines', '\u001b[31mRed', '- item', '', '003A000001Evil1AAA'],
    ]);
    writeFileSync(join(root, 'evil.csv'), evil);
    const run = await kam(['import', 'contacts', 'evil.csv', '--no-color'], { cwd: root });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).not.toContain('\u001b[31m');
    expect(stakeholders(root).slice(2)).toEqual([
      { id: 'ann-x-not-a-comment-and-anchor', name: 'Ann: [x] #not a comment &anchor', title: '=HYPERLINK("http://x")', crm_id: '003A000001Evil1AAA' },
      { id: 'two-lines-31mred', name: 'Two\nLines \u001b[31mRed', title: '- item', crm_id: '003A000001Evil2AAA', reports_to: 'ann-x-not-a-comment-and-anchor' },
    ]);
    const check = await kamJson(['check', '-f', 'json', '--today', '2026-12-02'], { cwd: root });
    expect(check.json.findings.filter((f: any) => f.rule === 'schema' || f.rule === 'yaml_syntax')).toEqual([]);
  });
});
