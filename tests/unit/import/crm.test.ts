import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCells, exportHeader, exportRows } from '../../../src/export/exportAccounts.js';
import { parseCsv } from '../../../src/import/csv.js';
import { importAccounts, sourceName, type ImportOptions } from '../../../src/import/importAccounts.js';
import { resolveMapping, type MappingOptions } from '../../../src/import/mapping.js';
import { detectPreset, PRESET_IDS, type PresetId } from '../../../src/crm/index.js';
import { loadRepo } from '../../../src/load/loadRepo.js';
import { scorePortfolio } from '../../../src/score/portfolio.js';
import { configSchema, defaultConfig, type Config } from '../../../src/schema/config.js';
import { writeCsv } from '../../../src/util/csvWrite.js';
import { makeRepo, snapshotTree, tmpDir } from '../../helpers/tmpRepo.js';

// Exports as the CRMs write them, with the columns their own documentation names (docs/crm.md):
// accents, quoted commas, empty cells, thousands separators, columns kam does not import.
const SALESFORCE = [
  '"Account ID","Account Name","Account Owner","Annual Revenue","Industry","Billing Country","Type","Phone"',
  '"0015g00000Mx1AbAAJ","Müller & Söhne GmbH","Dana Whitfield","12,500,000.00","Manufacturing","Germany","Customer - Direct","+49 89 1234"',
  '"0015g00000Mx1AcAAJ","Crème Brûlée, Inc.","Léa Dubois","","Food & Beverage","France","Prospect",""',
  '"0015g00000Mx1AdAAJ","Oakmont Council","","USD 950,000","","United States","Customer - Channel","=1+1"',
  '',
].join('\r\n');

const HUBSPOT = [
  '\uFEFFRecord ID,Company name,Company owner,Annual Revenue,Industry,Country/Region,Create Date,Lifecycle Stage',
  '9876543210,Müller & Söhne GmbH,Dana Whitfield,12500000,MACHINERY,Germany,2024-03-01 10:00,Customer',
  '9876543211,"Crème Brûlée, Inc.",Léa Dubois,1.25E+7,FOOD_BEVERAGES,France,2024-05-17 09:30,Lead',
  '9876543212,Oakmont Council,,,GOVERNMENT_ADMINISTRATION,United States,2025-01-02 12:00,',
  '',
].join('\n');

const DYNAMICS = [
  '(Do Not Modify) Account,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,Account Name,Main Phone,Address 1: City,Primary Contact,Owner,Annual Revenue,Industry,Address 1: Country/Region',
  '6f1c9a52-5d1e-ef11-840a-000d3a5a1b2c,kQ3xZw==,2026-10-01T08:00:00Z,Müller & Söhne GmbH,+49 89 1234,München,Anna Weber,Dana Whitfield,"€12,500,000.00",Manufacturing,Germany',
  '7a2d0b63-5d1e-ef11-840a-000d3a5a1b2c,mR4yAx==,2026-10-02T08:00:00Z,"Crème Brûlée, Inc.",,Paris,,Léa Dubois,,Consulting,France',
  '8b3e1c74-5d1e-ef11-840a-000d3a5a1b2c,nS5zBy==,2026-10-03T08:00:00Z,Oakmont Council,,,,,"$950,000.00",,United States',
  '',
].join('\r\n');

const EXPORTS: Record<PresetId, string> = { salesforce: SALESFORCE, hubspot: HUBSPOT, dynamics: DYNAMICS };
const TODAY = '2026-11-23';

async function runImport(root: string, csv: string, mapping: MappingOptions = {}, opts: Partial<ImportOptions> = {}, config: Config = defaultConfig()) {
  const table = parseCsv(csv);
  const resolved = resolveMapping(table.header.cells, config, mapping, 'crm.csv');
  return importAccounts(root, config, table, resolved, { source: 'crm.csv', today: TODAY, update: false, dryRun: false, ...opts });
}

const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');

describe('CRM presets', () => {
  it.each(PRESET_IDS)('%s: maps the standard export without --map, detected from the header', async (crm) => {
    expect(detectPreset(parseCsv(EXPORTS[crm]).header.cells)).toBe(crm);
    const root = makeRepo({});
    const report = await runImport(root, EXPORTS[crm]);
    expect(report.preset).toEqual({ id: crm, detected: true });
    expect(report.rows.map((r) => [r.status, r.file])).toEqual([
      ['created', 'accounts/muller-and-sohne-gmbh.yaml'],
      ['created', 'accounts/creme-brulee-inc.yaml'],
      ['created', 'accounts/oakmont-council.yaml'],
    ]);
    const muller = read(root, 'accounts/muller-and-sohne-gmbh.yaml');
    const crmId = { salesforce: '0015g00000Mx1AbAAJ', hubspot: '9876543210', dynamics: '6f1c9a52-5d1e-ef11-840a-000d3a5a1b2c' }[crm];
    const industry = { salesforce: 'Manufacturing', hubspot: 'MACHINERY', dynamics: 'Manufacturing' }[crm];
    expect(muller).toContain(`id: muller-and-sohne-gmbh
name: Müller & Söhne GmbH
crm_id: ${crm === 'hubspot' ? `"${crmId}"` : crmId}
industry: ${industry}
region: Germany
manager: Dana Whitfield
revenue:
  current: 12500000
`);
    // Empty cells fill nothing; the accounts validate.
    expect(read(root, 'accounts/oakmont-council.yaml')).not.toContain('manager');
    const loaded = await loadRepo(root);
    expect(loaded.ok && loaded.repo.findings).toEqual([]);
  });

  it('names the columns it did not import', async () => {
    const report = await runImport(makeRepo({}), SALESFORCE);
    expect(report.unmappedColumns).toEqual(['Type', 'Phone']);
  });

  it('--from works when the header alone would not say (Data Loader API names)', async () => {
    const csv = 'Id,Name,Owner.Name,AnnualRevenue,Industry,BillingCountry\n001A,Acme,Ann,"1,000",Retail,Chile\n';
    expect(detectPreset(parseCsv(csv).header.cells)).toBeUndefined();
    const root = makeRepo({});
    const report = await runImport(root, csv, { from: 'salesforce' });
    expect(report.preset).toEqual({ id: 'salesforce', detected: false });
    expect(read(root, 'accounts/acme.yaml')).toContain('name: Acme\ncrm_id: 001A\nindustry: Retail\nregion: Chile\nmanager: Ann\nrevenue:\n  current: 1000\n');
  });

  it('import.from in kam.yaml names the preset too', async () => {
    const config = configSchema.parse({ version: 1, import: { from: 'hubspot' } });
    const report = await runImport(makeRepo({}), HUBSPOT, {}, {}, config);
    expect(report.preset).toEqual({ id: 'hubspot', detected: false });
  });

  it('--map overrides a preset column, and takes a field from it', async () => {
    const root = makeRepo({});
    // "Type" becomes the region instead of "Billing Country", which is then not imported.
    const report = await runImport(root, SALESFORCE, { map: ['Type=region', 'Account Owner=ignore'] });
    expect(report.unmappedColumns).toEqual(['Billing Country', 'Phone']);
    const text = read(root, 'accounts/muller-and-sohne-gmbh.yaml');
    expect(text).toContain('region: Customer - Direct');
    expect(text).not.toContain('manager');
  });

  it('recognises no preset in a plain file, nor in one that fits two', () => {
    expect(detectPreset(['name', 'industry', 'id'])).toBeUndefined();
    expect(detectPreset(['Account ID', 'Account Name', 'Record ID', 'Company name'])).toBeUndefined();
  });
});

describe('crm_id: a stable link to the CRM record', () => {
  const ACCOUNT = `# yaml-language-server: $schema=../schema/account.schema.json
# Key account since 2019. Ask Dana before changing ratings!
id: muller-and-sohne-gmbh
name: "Müller & Söhne GmbH"   # legal name
crm_id: "0015g00000Mx1AbAAJ"
industry: Manufacturing       # from the CRM
region: Germany
manager: Dana Whitfield
revenue: { current: 12500000, potential: 20000000 }
ratings:
  current_revenue: 5
  # fit: after the workshop
notes: |
  Two plants in Bavaria.
`;
  const RENAMED = SALESFORCE.replace('Müller & Söhne GmbH', 'Müller & Söhne AG');

  it('a rename in the CRM updates the existing file: name changed, file and id kept, every other byte kept', async () => {
    const root = makeRepo({ 'accounts/muller-and-sohne-gmbh.yaml': ACCOUNT });
    const report = await runImport(root, RENAMED, {}, { update: true });
    expect(report.rows[0]).toMatchObject({
      status: 'updated',
      id: 'muller-and-sohne-gmbh',
      file: 'accounts/muller-and-sohne-gmbh.yaml',
      changed: ['name'],
      renamed: { from: 'Müller & Söhne GmbH', to: 'Müller & Söhne AG' },
    });
    expect(read(root, 'accounts/muller-and-sohne-gmbh.yaml')).toBe(ACCOUNT.replace('"Müller & Söhne GmbH"', '"Müller & Söhne AG"'));
    expect(readdirSync(join(root, 'accounts')).sort()).toEqual(['creme-brulee-inc.yaml', 'muller-and-sohne-gmbh.yaml', 'oakmont-council.yaml']);
  });

  it('--dry-run shows the rename and the creations, and writes nothing', async () => {
    const root = makeRepo({ 'accounts/muller-and-sohne-gmbh.yaml': ACCOUNT });
    const before = snapshotTree(root);
    const report = await runImport(root, RENAMED, {}, { update: true, dryRun: true });
    expect(report.rows.map((r) => [r.status, r.id, r.renamed?.to])).toEqual([
      ['updated', 'muller-and-sohne-gmbh', 'Müller & Söhne AG'],
      ['created', 'creme-brulee-inc', undefined],
      ['created', 'oakmont-council', undefined],
    ]);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('without --update a linked account is skipped, never duplicated', async () => {
    const root = makeRepo({ 'accounts/muller-and-sohne-gmbh.yaml': ACCOUNT });
    const report = await runImport(root, RENAMED);
    expect(report.rows[0]).toMatchObject({ status: 'skipped', file: 'accounts/muller-and-sohne-gmbh.yaml' });
    expect(read(root, 'accounts/muller-and-sohne-gmbh.yaml')).toBe(ACCOUNT);
    expect(readdirSync(join(root, 'accounts'))).not.toContain('muller-and-sohne-ag.yaml');
  });

  it('matches a numeric crm_id written without quotes', async () => {
    const root = makeRepo({ 'accounts/mueller.yaml': 'name: Müller & Söhne GmbH\ncrm_id: 9876543210\n' });
    const report = await runImport(root, HUBSPOT.replace('Müller & Söhne GmbH', 'Müller & Söhne AG'), {}, { update: true });
    expect(report.rows[0]).toMatchObject({ status: 'updated', file: 'accounts/mueller.yaml' });
    expect(report.rows[0]!.changed!.sort()).toEqual(['industry', 'manager', 'name', 'region', 'revenue.current']);
    expect(read(root, 'accounts/mueller.yaml')).toMatch(/^name: Müller & Söhne AG\ncrm_id: 9876543210\n/);
  });

  it('links an account found by name that has no crm_id yet', async () => {
    const root = makeRepo({ 'accounts/oakmont-council.yaml': 'name: Oakmont Council # city\n' });
    const report = await runImport(root, SALESFORCE, {}, { update: true });
    expect(report.rows[2]).toMatchObject({ status: 'updated', changed: expect.arrayContaining(['crm_id']) });
    const text = read(root, 'accounts/oakmont-council.yaml');
    expect(text.startsWith('name: Oakmont Council # city\n')).toBe(true);
    expect(text).toContain('\ncrm_id: 0015g00000Mx1AdAAJ\n');
  });

  it("reads kam's own formula guard back: a leading ' before = + - @ is dropped", async () => {
    const root = makeRepo({});
    await runImport(root, `name,manager\n"'=SUM(A1)",'-Kim\n`);
    expect(read(root, 'accounts/sum-a1.yaml')).toContain(`name: =SUM(A1)\nmanager: -Kim\n`);
  });

  it('refuses to merge a different CRM record into an account of the same name', async () => {
    const mine = 'name: Oakmont Council\ncrm_id: OTHER-1\n';
    const root = makeRepo({ 'accounts/oakmont-council.yaml': mine });
    const report = await runImport(root, SALESFORCE, {}, { update: true });
    expect(report.rows[2]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('linked to CRM record "OTHER-1"') });
    expect(read(root, 'accounts/oakmont-council.yaml')).toBe(mine);
  });

  it('rejects a row whose CRM record two account files claim, naming both', async () => {
    const root = makeRepo({
      'accounts/a.yaml': 'name: A\ncrm_id: "0015g00000Mx1AbAAJ"\n',
      'accounts/b.yaml': 'name: B\ncrm_id: 0015g00000Mx1AbAAJ\n',
    });
    const report = await runImport(root, SALESFORCE, {}, { update: true });
    expect(report.rows[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/accounts\/a\.yaml and accounts\/b\.yaml.*duplicate_crm_id/) });
  });

  it('does not follow a link out of the repo to find CRM ids', async () => {
    const outside = tmpDir();
    writeFileSync(join(outside, 'secret.yaml'), 'name: Secret\ncrm_id: 0015g00000Mx1AbAAJ\n');
    const root = makeRepo({});
    mkdirSync(join(root, 'accounts'));
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'accounts/secret.yaml'));
    const report = await runImport(root, SALESFORCE, {}, { update: true });
    // The row is not matched to the linked file: it creates its own account.
    expect(report.rows[0]).toMatchObject({ status: 'created', file: 'accounts/muller-and-sohne-gmbh.yaml' });
    expect(read(outside, 'secret.yaml')).toBe('name: Secret\ncrm_id: 0015g00000Mx1AbAAJ\n');
  });

  it('rejects the second row of one CRM record', async () => {
    const csv = SALESFORCE.replace('"0015g00000Mx1AcAAJ"', '"0015g00000Mx1AbAAJ"');
    const report = await runImport(makeRepo({}), csv);
    expect(report.rows[1]).toMatchObject({ line: 3, status: 'rejected', reason: expect.stringContaining('also on line 2') });
  });
});

describe('the round trip', () => {
  it('export output re-imported into a fresh repo by crm_id gives the same accounts', async () => {
    for (const to of [undefined, ...PRESET_IDS]) {
      const source = makeRepo({ 'crm.csv': DYNAMICS });
      await runImport(source, DYNAMICS);
      // One account without a CRM record, and a name a spreadsheet would run as a formula.
      writeFileSync(join(source, 'accounts/local.yaml'), 'name: "=HYPERLINK(\\"http://x\\")"\nmanager: "-Kim"\n');
      const loaded = await loadRepo(source);
      if (!loaded.ok) throw new Error('source repo invalid');
      const rows = exportRows(loaded.repo, scorePortfolio(loaded.repo));
      const csv = writeCsv(exportHeader(to), rows.map(exportCells));
      expect(csv).toContain(`,local,"'=HYPERLINK(""http://x"")",'-Kim,`);

      const fresh = makeRepo({});
      const report = await runImport(fresh, csv, to ? { from: to } : {});
      expect(report.summary).toMatchObject({ created: 4, rejected: 0 });
      const again = await loadRepo(fresh);
      if (!again.ok) throw new Error('fresh repo invalid');
      const pick = (repo: typeof again.repo) =>
        repo.accounts.map((a) => ({ id: a.id, name: a.value!.name, crm_id: a.value!.crm_id, manager: a.value!.manager })).sort((x, y) => x.id.localeCompare(y.id));
      expect(pick(again.repo)).toEqual(pick(loaded.repo));

      // The next month's export, re-imported with --update, changes nothing.
      const second = await runImport(fresh, csv, to ? { from: to } : {}, { update: true });
      expect(second.summary).toMatchObject({ unchanged: 4, created: 0, updated: 0, rejected: 0 });
    }
  });
});

describe('multi-line names', () => {
  // A CRM export with quoted multi-line "Account Name" cells (Salesforce writes what users typed),
  // one of them a formula after the line break.
  const MULTILINE = [
    '"Account ID","Account Name","Account Owner"',
    `"0015g00000Mx1AbAAJ","Evil Corp\n=cmd|' /C calc'!A0","Dana Whitfield"`,
    '"0015g00000Mx1AcAAJ","Müller & Söhne\r\nHoldings, ""Süd""","Léa Dubois"',
    '',
  ].join('\r\n');
  // (The CRLF inside a cell is a line break: the YAML file stores it as one, read back as LF.)
  const NAMES = ["Evil Corp\n=cmd|' /C calc'!A0", 'Müller & Söhne\nHoldings, "Süd"'];

  it('import keeps them; export quotes them so Python reads the same cells and no line starts a formula; import reads the export back unchanged', async () => {
    const source = makeRepo({});
    expect((await runImport(source, MULTILINE)).summary).toMatchObject({ created: 2, rejected: 0 });
    const loaded = await loadRepo(source);
    if (!loaded.ok) throw new Error('source repo invalid');
    const names = loaded.repo.accounts.map((a) => a.value!.name).sort();
    expect(names).toEqual([...NAMES].sort());

    const csv = writeCsv(exportHeader('salesforce'), exportRows(loaded.repo, scorePortfolio(loaded.repo)).map(exportCells));
    for (const line of csv.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[=+\-@]/);
    const script = 'import csv, io, json, sys\nprint(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))';
    const rows = JSON.parse(execFileSync('python3', ['-c', script], { input: csv, encoding: 'utf8' })) as string[][];
    const nameColumn = rows[0]!.indexOf('Account Name');
    expect(rows.slice(1).map((r) => r[nameColumn]).sort()).toEqual(["Evil Corp\n'=cmd|' /C calc'!A0", NAMES[1]].sort());

    const fresh = makeRepo({});
    expect((await runImport(fresh, csv, { from: 'salesforce' })).summary).toMatchObject({ created: 2, rejected: 0 });
    const again = await loadRepo(fresh);
    if (!again.ok) throw new Error('fresh repo invalid');
    expect(again.repo.accounts.map((a) => a.value!.name).sort()).toEqual(names);
  });
});

describe('limits', () => {
  it('refuses a row whose new file would be over the 2 MiB kam reads', async () => {
    const root = makeRepo({});
    const csv = `name,notes\nHuge,${'x'.repeat(2 * 1024 * 1024 + 10)}\nSmall,fine\n`;
    const report = await runImport(root, csv);
    expect(report.rows.map((r) => r.status)).toEqual(['rejected', 'created']);
    expect(report.rows[0]!.reason).toMatch(/accounts\/huge\.yaml would be 2\.0 MiB, over the 2 MiB kam reads/);
    expect(readdirSync(join(root, 'accounts'))).toEqual(['small.yaml']);
  });

  it('refuses an update that would push a file over 2 MiB', async () => {
    const mine = 'name: Huge\n';
    const root = makeRepo({ 'accounts/huge.yaml': mine });
    const report = await runImport(root, `name,notes\nHuge,${'y'.repeat(2 * 1024 * 1024)}\n`, {}, { update: true });
    expect(report.rows[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('over the 2 MiB') });
    expect(read(root, 'accounts/huge.yaml')).toBe(mine);
  });

  it('rejects numbers it would have to guess, per row with the row number, and reads them with --decimal-comma', async () => {
    const csv = 'name;Annual Revenue\nAcme;12.500.000,00\nBeta;"12,500"\n';
    const strict = await runImport(makeRepo({}), csv, { map: ['Annual Revenue=revenue.current'] });
    expect(strict.rows[0]).toMatchObject({ line: 2, status: 'rejected', reason: expect.stringContaining('--decimal-comma') });
    expect(strict.rows[1]).toMatchObject({ line: 3, status: 'created' });
    const root = makeRepo({});
    const comma = await runImport(root, csv, { map: ['Annual Revenue=revenue.current'] }, { decimalComma: true });
    expect(comma.summary).toMatchObject({ created: 2, rejected: 0 });
    expect(read(root, 'accounts/acme.yaml')).toContain('current: 12500000');
    expect(read(root, 'accounts/beta.yaml')).toContain('current: 12.5');
  });
});

describe('sourceName', () => {
  it.each([
    ['/home/dana/Downloads/export.csv', 'export.csv'],
    ['C:\\Users\\dana\\export.csv', 'export.csv'],
    ['crm.csv', 'crm.csv'],
    ['exports/2026/crm.csv', 'crm.csv'],
    ['evil\nname: x.csv', 'evil?name: x.csv'],
    ['a\u2028b\u0085.csv', 'a?b?.csv'],
  ])('%j -> %j', (source, name) => expect(sourceName(source)).toBe(name));
});
