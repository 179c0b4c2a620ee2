// kam pipeline on the example repo (spec 1.2, section 2), in every format, in-process.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, kam, kamJson } from '../helpers/kamInProcess.js';
import { makeRepo } from '../helpers/tmpRepo.js';

const TODAY = ['--today', '2026-11-23'];
const pipeline = (...args: string[]) => kam(['pipeline', '-C', EXAMPLE, ...TODAY, ...args]);

describe('kam pipeline', () => {
  it('prints spec JSON: every account with a plan, lowest coverage first, unrounded, with totals', async () => {
    const { code, json } = await kamJson(['pipeline', '-C', EXAMPLE, ...TODAY, '-f', 'json']);
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual(['currency', 'accounts', 'totals']);
    expect(json.currency).toBe('USD');
    expect(json.accounts.map((a: { id: string }) => a.id)).toEqual(['coralsea-telecom', 'banco-austral', 'vantor-pharma', 'calloway-health', 'meridian-freight', 'kestrel-retail', 'halvorsen-industrial']);
    const vantor = json.accounts.find((a: { id: string }) => a.id === 'vantor-pharma');
    // 600000 x 0.4 (propose) + 1100000 x 0.1 (qualify); gap 1600000 - 1100000; 1100000 x 0.42 - 200000;
    // dash-2025 (400000, renewal unknown) ends 2027-03-31, within 180 days.
    expect(vantor).toEqual({
      id: 'vantor-pharma', name: 'Vantor Pharmaceuticals', tier: 'Tier 2', current: 1_100_000, target: 1_600_000, gap: 500_000, won: 0, weighted: 350_000,
      coverage: 0.7, open: 2, wallet: 3_000_000, share: 400_000 / 3_000_000, contribution: expect.closeTo(262_000, 6), renewing: 400_000, at_risk: 400_000,
    });
    // banco: (1200000 x 0.4 + 900000 x 0.1 + 250000 x 0.7) / 1200000, unrounded.
    expect(json.accounts[1].coverage).toBeCloseTo(745_000 / 1_200_000, 12);
    // meridian: Nordics won (900000); dach-platform (likely) ends 2027-04-30: renewing, not at risk.
    expect(json.accounts[4]).toMatchObject({ id: 'meridian-freight', won: 900_000, renewing: 1_900_000, at_risk: 0 });
    const sum = (k: string) => json.accounts.reduce((s: number, a: Record<string, number | null>) => s + (a[k] ?? 0), 0);
    expect(json.totals).toMatchObject({ current: sum('current'), target: sum('target'), won: 900_000, renewing: 2_300_000, at_risk: 400_000, wallet: 3_000_000 + 5_800_000 + 2_000_000 });
    expect(json.totals.gap).toBe(4_740_000);
    expect(json.totals.coverage).toBeCloseTo((900_000 + json.totals.weighted) / 4_740_000, 12);
    expect(JSON.stringify(json)).not.toMatch(/NaN|Infinity/);
  });

  it('prints a table with money in whole units, ratios as percentages, and totals', async () => {
    const run = await pipeline();
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/vantor-pharma +│ Tier 2 │ +1,600,000 │ +500,000 │ +0 │ +350,000 │ +70\.0% │ +2 │ +13\.3% │ +262,000 │ +400,000 │ +400,000 │/);
    expect(run.stdout).toMatch(/total +│ +│ +15,500,000 │ +4,740,000 │/);
    expect(run.stdout).toContain('Money in USD. Portfolio coverage 89.8%');
  });

  it('prints CSV through csvWrite: the spec fields unrounded, one row per account', async () => {
    const run = await pipeline('-f', 'csv');
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)[0]).toBe('coralsea-telecom');
    expect(rows).toHaveLength(7);
    expect(rows.find((r) => r.id === 'banco-austral')).toMatchObject({ manager: 'Camila Restrepo', contribution: '-114000', coverage: String(745_000 / 1_200_000), wallet: '' });
    expect(run.stdout).toContain('\r\n');
  });

  it('prints a Markdown table (md and markdown alike) with a bold totals row', async () => {
    const md = await pipeline('-f', 'md');
    expect((await pipeline('-f', 'markdown')).stdout).toBe(md.stdout);
    const lines = md.stdout.split('\n').filter((l) => l.startsWith('|'));
    expect(lines[0]).toBe('| account | tier | target | gap | won | weighted | coverage | open | share | contribution | renewing | at risk |');
    expect(lines).toHaveLength(2 + 7 + 1);
    expect(lines).toContain('| banco-austral | Tier 1 | 3,400,000 | 1,200,000 | 0 | 745,000 | 62.1% | 3 | - | -114,000 | 0 | 0 |');
    expect(lines.at(-1)).toMatch(/^\| \*\*total\*\* \| {2}\| \*\*15,500,000\*\* \|/);
  });

  it('filters by tier and manager (any case) as kam score does, and names accounts like every command', async () => {
    const tier1 = (await kamJson(['pipeline', '-C', EXAMPLE, ...TODAY, '-f', 'json', '--tier', 'tier 1'])).json;
    expect(tier1.accounts.map((a: { id: string }) => a.id)).toEqual(['banco-austral', 'calloway-health', 'meridian-freight']);
    // Totals follow the list.
    expect(tier1.totals.target).toBe(3_400_000 + 2_400_000 + 4_200_000);
    const dana = (await kamJson(['pipeline', '-C', EXAMPLE, ...TODAY, '-f', 'json', '--manager', 'dana  whitfield'])).json;
    expect(dana.accounts.map((a: { id: string }) => a.id)).toEqual(['meridian-freight', 'kestrel-retail', 'halvorsen-industrial']);
    const named = (await kamJson(['pipeline', '-C', EXAMPLE, ...TODAY, '-f', 'json', 'Vantor Pharmaceuticals', 'plans/kestrel-retail.yaml'])).json;
    expect(named.accounts.map((a: { id: string }) => a.id)).toEqual(['vantor-pharma', 'kestrel-retail']);
    const typo = await pipeline('--manager', 'Dana Whitfeld');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "Dana Whitfield"?');
    const noPlan = await pipeline('andes-agro');
    expect(noPlan.code).toBe(2);
    expect(noPlan.stderr).toContain('"andes-agro" has no valid plan');
    const unknown = await pipeline('vantor-pharm');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean "vantor-pharma"?');
  });

  it('--explain lists each opportunity with its probability and where it came from, the renewing contracts and the wallet cells', async () => {
    const text = await pipeline('--explain', 'vantor-pharma');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Coverage = (won 0 + weighted 350,000) / gap = 70.0%');
    expect(text.stdout).toMatch(/Commercial dashboards for nine more markets │ propose │ +600,000 │ +40\.0% │ stage propose in kam\.yaml │ +240,000 │/);
    expect(text.stdout).toMatch(/dash-2025 +│ - +│ +400,000 │ 2027-03-31 │ 2026-12-31 +│ unknown/);
    const { json } = await kamJson(['pipeline', '-C', EXAMPLE, ...TODAY, '--explain', 'vantor-pharma', '-f', 'json']);
    expect(json.opportunities).toEqual([
      { name: 'Commercial dashboards for nine more markets', stage: 'propose', value: 600_000, open: true, probability: 0.4, from: 'stage', weighted: 240_000 },
      { name: 'Real-world evidence workspace', stage: 'qualify', value: 1_100_000, open: true, probability: 0.1, from: 'stage', weighted: 110_000 },
    ]);
    expect(json.renewals).toEqual([{ id: 'dash-2025', offering: null, value: 400_000, end: '2027-03-31', decision: '2026-12-31', renewal: 'unknown' }]);
    expect((await pipeline('--explain', 'vantor-pharma', '-f', 'csv')).code).toBe(2);
    expect((await pipeline('--explain', 'vantor-pharma', '--tier', 'Tier 1')).code).toBe(2);
  });

  it('explains an opportunity\'s own probability and the wallet cells; target met shows no coverage', async () => {
    const root = makeRepo({
      'kam.yaml': 'version: 1\ncurrency: EUR\nofferings:\n  - { id: bi, label: BI }\npipeline:\n  stages:\n    - { id: propose, probability: 0.4 }\n',
      'accounts/acme.yaml': 'name: Acme\nratings: { current_revenue: 5 }\nrevenue: { current: 500, target: 500 }\n',
      'plans/acme.yaml': 'account: acme\nbuying_centers:\n  - { id: hq, name: HQ }\nwhitespace:\n  - { center: hq, offering: bi, status: won, value: 100, wallet: 400 }\nopportunities:\n  - { name: Up, value: 50, stage: propose, probability: 0.9 }\n  - { name: Later }\n',
    });
    const { json } = await kamJson(['pipeline', '-C', root, ...TODAY, '-f', 'json']);
    expect(json.accounts[0]).toMatchObject({ gap: 0, coverage: null, wallet: 400, share: 0.25, weighted: 45, open: 2 });
    expect(json.totals).toMatchObject({ gap: 0, coverage: null });
    const table = await kam(['pipeline', '-C', root, ...TODAY]);
    expect(table.stdout).toMatch(/acme +│ - +│ +500 │ +0 │ +0 │ +45 │ target met │ +2 │ +25\.0% │/);
    const explain = await kam(['pipeline', '-C', root, ...TODAY, '--explain', 'acme']);
    expect(explain.stdout).toMatch(/Up +│ propose │ +50 │ +90\.0% │ its own probability/);
    expect(explain.stdout).toMatch(/Later +│ - +│ +- │ +- │ no value: left out/);
    expect(explain.stdout).toMatch(/hq +│ bi +│ won +│ +100 │ +400 │/);
    expect(explain.stdout).toContain('Wallet 400, our share 25.0%');
  });
});
