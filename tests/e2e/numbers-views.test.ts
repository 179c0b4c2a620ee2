// spec 1.2 in the existing views: objective progress in kam health --explain (beside health, not
// in it), renewals in the agenda, the plan document's and the portfolio's numbers, on the example repo.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE, kam, kamJson } from '../helpers/kamInProcess.js';
import { meetingRepo, OFFERINGS } from '../helpers/meetingRepo.js';
import { makeRepo } from '../helpers/tmpRepo.js';

const TODAY = ['--today', '2026-11-23'];

describe('objective progress in kam health --explain', () => {
  it('lists each objective with its progress and where it comes from, and leaves health alone', async () => {
    const text = await kam(['health', '-C', EXAMPLE, ...TODAY, '--explain', 'vantor-pharma']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('not part of health');
    expect(text.stdout).toMatch(/Roll out commercial dashboards to all 14 European markets \(markets\) +│ 2027-12-31 │ +0\.0% │ measure: 5 markets on 2026-11-01 \(baseline 5, target 14\)/);
    const { json } = await kamJson(['health', '-C', EXAMPLE, ...TODAY, '--explain', 'meridian-freight', '-f', 'json']);
    // (3100000 - 2850000) / (4200000 - 2850000)
    expect(json.objectives.at(-1)).toEqual({ id: 'arr', title: 'Grow annual recurring revenue from USD 2.85M to USD 4.2M', due: '2027-12-31', progress: 250_000 / 1_350_000, from: 'measure' });
    expect(json.objectives[0]).toMatchObject({ id: null, progress: null, from: null });
    const list = (await kamJson(['health', '-C', EXAMPLE, ...TODAY, '-f', 'json'])).json;
    expect(list.accounts.find((a: { id: string }) => a.id === 'meridian-freight').components.objectives).toBeUndefined();
  });
});

describe('renewals in kam agenda', () => {
  it('lists the example contracts at their decision day, owned by the manager, in JSON and ICS', async () => {
    const { json } = await kamJson(['agenda', '-C', EXAMPLE, ...TODAY, '--within', '40', '-f', 'json']);
    const renewals = json.items.filter((i: { kind: string }) => i.kind === 'renewal');
    // vantor dash-2025: 2027-03-31 - 90; meridian dach-platform: 2027-04-30 - 120.
    expect(renewals.map((i: { account: string; date: string; owner: string }) => [i.account, i.date, i.owner])).toEqual([
      ['meridian-freight', '2026-12-31', 'Dana Whitfield'],
      ['vantor-pharma', '2026-12-31', 'Sofia Lindqvist'],
    ]);
    const ics = (await kam(['agenda', '-C', EXAMPLE, ...TODAY, '--within', '40', '-f', 'ics', '--owner', 'Sofia Lindqvist'])).stdout.replace(/\r\n /g, '');
    expect(ics).toContain('SUMMARY:Decide the renewal of contract dash-2025 (it ends 2027-03-31) (vantor-pharma)');
    expect(ics).toContain('CATEGORIES:Renewal');
  });
});

describe('the Numbers section of the plan document', () => {
  it('shows target and coverage, pipeline by stage, renewals and contribution in Markdown and HTML', async () => {
    const md = (await kam(['render', 'vantor-pharma', '-C', EXAMPLE, ...TODAY])).stdout;
    const section = md.slice(md.indexOf('## Numbers'), md.indexOf('\n## ', md.indexOf('## Numbers') + 3));
    expect(section).toContain('Target **$1,600,000**, today $1,100,000, gap $500,000.');
    expect(section).toContain('Coverage `██████████████░░░░░░` **70.0%** (won $0 + weighted pipeline $350,000, against the gap)');
    expect(section).toContain('| qualify | 1 | $1,100,000 | $110,000 |\n| propose | 1 | $600,000 | $240,000 |');
    expect(section).toContain('| dash-2025 | $400,000 | 2027-03-31 | 2026-12-31 | unknown ⚠ |');
    expect(section).toContain('Contribution: **$262,000** a year.');
    expect(md).toContain('1. Roll out commercial dashboards to all 14 European markets (0.0%: 5 markets, from 5 to 14), due 2027-12-31');
    const html = (await kam(['render', 'meridian-freight', '-C', EXAMPLE, ...TODAY, '-f', 'html'])).stdout;
    expect(html).toContain('<section id="numbers">');
    expect(html).toMatch(/<meter id="coverage-meter" min="0" max="100"[^>]* value="100">110\.7%<\/meter>/);
    expect(html).toContain('Renewing within 180 days: <strong>$1,900,000</strong>');
  });

  it('is left out of a plan without any figure, and of the customer version always', async () => {
    const plain = (await kam(['render', 'andes-agro', '-C', EXAMPLE, ...TODAY])).stdout;
    expect(plain).not.toContain('## Numbers');
    const run = await kam(['render', 'vantor-pharma', '-C', EXAMPLE, ...TODAY, '--audience', 'customer']);
    expect(run.code).toBe(0);
    const customer = run.stdout;
    expect(customer).toContain('# Vantor Pharmaceuticals: joint account plan');
    for (const secret of ['Numbers', 'dash-2025', '262,000', 'Coverage', 'Contribution', 'contract']) expect(customer).not.toContain(secret);
  });
});

describe("the portfolio's numbers (issue #26): coverage, coverage × health, wallet share per offering", () => {
  /** A row of a Markdown table whose first cell after `#`/name is `name`, as cells. */
  const mdRow = (md: string, section: string, name: string) => {
    const part = md.slice(md.indexOf(`## ${section}\n`));
    const line = part.split('\n').find((l) => l.includes(`| ${name} |`));
    return line?.split('|').slice(1, -1).map((c) => c.trim()) ?? [];
  };

  it('the accounts table has a coverage column equal to kam pipeline, in Markdown and HTML', async () => {
    const { json } = await kamJson(['pipeline', '-C', EXAMPLE, ...TODAY, '-f', 'json']);
    const md = (await kam(['render', '--portfolio', '-C', EXAMPLE, ...TODAY])).stdout;
    const html = (await kam(['render', '--portfolio', '-f', 'html', '-C', EXAMPLE, ...TODAY])).stdout;
    expect(md).toMatch(/\| Plan \| Health \| Coverage \|\n/);
    expect(html).toContain('<th class="num">Coverage</th>');
    const rows = json.accounts as { name: string; coverage: number | null; tier: string }[];
    expect(rows.filter((r) => r.coverage !== null).length).toBeGreaterThanOrEqual(5);
    for (const r of rows) {
      const cell = mdRow(md, 'Accounts', r.name).at(-1)!;
      if (r.coverage === null) continue;
      expect(cell, r.name).toContain(`${(Math.round(r.coverage * 1000) / 10).toFixed(1)}%`);
    }
    // pipeline_short's accounts are the ones flagged short.
    const check = JSON.parse((await kam(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json'])).stdout);
    const short = new Set(check.findings.filter((f: { rule: string }) => f.rule === 'pipeline_short').map((f: { account: string }) => f.account));
    for (const r of json.accounts as { id: string; name: string }[]) expect(mdRow(md, 'Accounts', r.name).at(-1)!.includes('short'), r.id).toBe(short.has(r.id));
    // No plan: no coverage.
    expect(mdRow(md, 'Accounts', 'Ridgeline Power & Gas').at(-1)).toBe('');
  });

  it('the coverage × health view lists accounts with a target by coverage then health, and by health then coverage without a script', async () => {
    const { json } = await kamJson(['pipeline', '-C', EXAMPLE, ...TODAY, '-f', 'json']);
    const health = (await kamJson(['health', '-C', EXAMPLE, ...TODAY, '-f', 'json'])).json.accounts as { id: string; name: string; health: number }[];
    const healthOf = new Map(health.map((h) => [h.name, h.health]));
    const withTarget = (json.accounts as { name: string; target: number | null; coverage: number | null }[]).filter((a) => a.target !== null);
    const low = (a: number | null | undefined, b: number | null | undefined) => (a == null ? (b == null ? 0 : 1) : b == null ? -1 : a - b);
    const byCoverage = [...withTarget].sort((a, b) => low(a.coverage, b.coverage) || low(healthOf.get(a.name), healthOf.get(b.name)) || (a.name < b.name ? -1 : 1)).map((a) => a.name);
    const byHealth = [...withTarget].sort((a, b) => low(healthOf.get(a.name), healthOf.get(b.name)) || low(a.coverage, b.coverage) || (a.name < b.name ? -1 : 1)).map((a) => a.name);
    expect(byCoverage).not.toEqual(byHealth);
    const md = (await kam(['render', '--portfolio', '-C', EXAMPLE, ...TODAY])).stdout;
    const view = md.slice(md.indexOf('## Coverage and health\n'));
    const names = view.split('\n\n')[2]!.split('\n').slice(2).map((l) => l.split('|')[1]!.trim());
    expect(names).toEqual(byCoverage);
    const html = (await kam(['render', '--portfolio', '-f', 'html', '-C', EXAMPLE, ...TODAY])).stdout;
    const body = (cls: string) => [...html.slice(html.indexOf(`<tbody class="${cls}">`)).split('</tbody>')[0]!.matchAll(/<tr><td>([^<]+)<\/td>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(body('by-coverage')).toEqual(byCoverage);
    expect(body('by-health')).toEqual(byHealth);
    // Switched by a radio button and CSS: the document has no script.
    expect(html).toContain('id="order-by-health"');
    expect(html).not.toMatch(/<script/i);
  });

  it('the whitespace by offering shows wallet, won and share of wallet per offering (sum of won / sum of wallet)', async () => {
    const root = meetingRepo();
    // Only the wallets written here: the example's other plans give theirs, taken out.
    for (const id of ['vantor-pharma', 'meridian-freight', 'kestrel-retail']) {
      const other = join(root, `plans/${id}.yaml`);
      writeFileSync(other, readFileSync(other, 'utf8').replace(/, wallet: \d+/g, ''));
    }
    const file = join(root, 'plans/banco-austral.yaml');
    const plan = readFileSync(file, 'utf8')
      .replace('{ center: chile-risk, offering: risk-data, status: won, value: 1400000 }', '{ center: chile-risk, offering: risk-data, status: won, value: 1400000, wallet: 2000000 }')
      .replace('{ center: peru, offering: risk-data, status: potential, value: 500000 }', '{ center: peru, offering: risk-data, status: potential, value: 500000, wallet: 1500000 }')
      .replace('{ center: chile-risk, offering: reg-reporting, status: won, value: 800000 }', '{ center: chile-risk, offering: reg-reporting, status: won, value: 800000, wallet: 800000 }');
    writeFileSync(file, plan);
    const md = (await kam(['render', '--portfolio', '-C', root, ...TODAY])).stdout;
    expect(md).toContain('| Offering | Open | Potential | Total | Wallet | Won | Share of wallet |');
    // risk-data: 1,400,000 won of 2,000,000 + 1,500,000 = 40.0%; reg-reporting: 800,000 of 800,000.
    expect(mdRow(md, 'Whitespace by offering', 'Risk data platform').slice(4)).toEqual(['$3,500,000', '$1,400,000', '40.0%']);
    expect(mdRow(md, 'Whitespace by offering', 'Regulatory reporting').slice(4)).toEqual(['$800,000', '$800,000', '100.0%']);
    expect(mdRow(md, 'Whitespace by offering', 'Real-time scoring').slice(4)).toEqual(['', '', '']);
    // All offerings: 2,200,000 of 4,300,000 = 51.2%.
    expect(mdRow(md, 'Whitespace by offering', '**All offerings**').slice(4)).toEqual(['$4,300,000', '$2,200,000', '51.2%']);
    const html = (await kam(['render', '--portfolio', '-f', 'html', '-C', root, ...TODAY])).stdout;
    expect(html).toContain('<th class="num">Share of wallet</th>');
    expect(html).toMatch(/<td>Risk data platform<\/td>.*<td class="num">40\.0%<\/td><\/tr>/);
    // The customer version of the same plan shows none of the numbers.
    for (const format of ['md', 'html']) {
      const customer = (await kam(['render', 'banco-austral', '--audience', 'customer', '-f', format, '-C', root, ...TODAY])).stdout;
      const words = customer.replace(/<style>[\s\S]*?<\/style>/, '');
      // ("Target" is a KPI's column: the shared KPIs have targets.)
      for (const secret of ['overage', 'allet', 'hare of', '3,400,000', '1,200,000', 'ipeline', 'at risk', 'ontribution', 'Health', '2,000,000', '1,400,000', '40.0%', '62.1%', 'reg-reporting-2024'])
        expect(words, `${format}: ${secret}`).not.toContain(secret);
    }
  });

  it("a plan's whitespace map shows each cell's wallet and the share of wallet per offering", async () => {
    // vantor-pharma: risk data won 400,000 of wallets 1,200,000 + 900,000; reg reporting 0 of 900,000.
    const md = (await kam(['render', 'vantor-pharma', '-C', EXAMPLE, ...TODAY])).stdout;
    expect(md).toContain('| Commercial operations Europe | Won $400,000, wallet $1,200,000 |');
    expect(md).toContain('Share of wallet (won of the wallet the cells give): Risk data platform 19.0% ($400,000 of $2,100,000); Regulatory reporting 0.0% ($0 of $900,000)\n');
    const html = (await kam(['render', 'vantor-pharma', '-f', 'html', '-C', EXAMPLE, ...TODAY])).stdout;
    expect(html).toContain('<tr><td>Share of wallet</td><td class="num">19.0%</td><td class="num">0.0%</td><td class="num"></td><td class="num"></td></tr>');
    // The plan without wallets (banco-austral) has no wallet rows.
    const banco = (await kam(['render', 'banco-austral', '-f', 'html', '-C', EXAMPLE, ...TODAY])).stdout;
    expect(banco).toContain('<td>Potential</td>');
    expect(banco).not.toContain('<td>Wallet</td>');
  });

  it('a portfolio without targets or wallets (spec 1.1) shows no coverage column, view or wallet columns', async () => {
    const root = makeRepo({
      'kam.yaml': `version: 1\n${OFFERINGS}`,
      'accounts/x.yaml': 'name: X Corp\nmanager: Dana Whitfield\nratings: { current_revenue: 5, growth_potential: 5 }\n',
      'plans/x.yaml': 'account: x\nbuying_centers: [ { id: hq, name: HQ } ]\nwhitespace: [ { center: hq, offering: scoring, status: open, value: 10 } ]\n',
    });
    for (const format of ['md', 'html']) {
      const doc = (await kam(['render', '--portfolio', '-f', format, '-C', root, ...TODAY])).stdout.replace(/<style>[\s\S]*?<\/style>/, '');
      expect(doc).toContain('Whitespace by offering');
      for (const absent of ['Coverage', 'Share of wallet', 'coverage-health']) expect(doc, absent).not.toContain(absent);
    }
  });
});
