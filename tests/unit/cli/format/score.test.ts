import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { csv } from '../../../../src/cli/format/score/csv.js';
import { explainJson, explainText } from '../../../../src/cli/format/score/explain.js';
import { json } from '../../../../src/cli/format/score/json.js';
import { markdown } from '../../../../src/cli/format/score/markdown.js';
import { table } from '../../../../src/cli/format/score/table.js';
import { explainAccount } from '../../../../src/score/explain.js';
import { filterScores } from '../../../../src/score/select.js';
import { account, config } from '../../score/fixture.js';
import { scoreReport } from './scoreFixture.js';

describe('table', () => {
  it('ranks every account with one decimal, "-" for what is missing, and sums up the whole portfolio against its limits', () => {
    const out = table(scoreReport());
    const lines = out.split('\n');
    expect(lines[1]).toBe('│ # │ account │ manager │ score │ current │ potential │ tier       │ quadrant │ unrated │');
    expect(lines[3]).toBe('│ 1 │ alpha   │ Ann Lee │  85.0 │    90.0 │      80.0 │ Gold       │ Invest   │         │');
    expect(out).toContain('│ 4 │ delta   │ -       │  50.0 │    20.0 │      90.0 │ Silver     │ Nurture  │       2 │');
    expect(out).toContain('│ 7 │ echo    │ Cy Oh   │     - │       - │         - │ -          │ -        │     all │');
    expect(out).toContain('Accounts per tier: Gold: 3, Silver: 2, Watch list: 1, unscored: 1\n');
    expect(out).toContain('Key accounts (tiered, not "Watch list"): 4 of max 3  ✖ over limit\n');
    expect(out).toContain('  Ann Lee   2  ✖ over limit\n');
    expect(out).toContain('Left out: 1 account with errors (broken); run "kam validate"\n');
  });

  it('keeps overall ranks when filtered, and colours only when asked', () => {
    const report = scoreReport();
    const silver = table({ ...report, rows: filterScores(report.portfolio.accounts, config, { tier: 'silver' }), filtered: true });
    expect(silver).toContain('│ 4 │ delta');
    expect(silver).not.toContain('alpha');
    expect(table(report)).not.toContain('\u001b[');
    expect(table({ ...report, chalk: new Chalk({ level: 1 }) })).toContain('\u001b[');
  });
});

describe('json', () => {
  it('prints { accounts } with scores rounded to one decimal and every rated criterion', () => {
    const out = JSON.parse(json(scoreReport()));
    expect(Object.keys(out)).toEqual(['accounts']);
    expect(out.accounts).toHaveLength(7);
    expect(out.accounts[0]).toMatchObject({ id: 'alpha', name: 'Alpha Corp', manager: 'Ann Lee', score: 85, current: 90, potential: 80, tier: 'Gold', quadrant: 'Invest', unrated: [] });
    expect(out.accounts[0].criteria.hassle).toEqual({ rating: 2, weight: 2, normalized: 0.8, contribution: 16 });
    expect(out.accounts.find((a: { id: string }) => a.id === 'echo')).toMatchObject({ score: null, tier: null, quadrant: null });
  });
});

describe('csv', () => {
  it('writes a header and one row per account, ratings in criteria order, empty cells for missing values', () => {
    const out = csv(scoreReport());
    expect(out).toContain('\r\n'); // RFC 4180 line ends
    const lines = out.trimEnd().split('\r\n');
    expect(lines[0]).toBe('rank,id,name,manager,score,current,potential,tier,quadrant,unrated,revenue,loyalty,upside,hassle');
    expect(lines[1]).toBe('1,alpha,Alpha Corp,Ann Lee,85.0,90.0,80.0,Gold,Invest,,10,5,8,2');
    expect(lines[4]).toBe('4,delta,Delta Corp,,50.0,20.0,90.0,Silver,Nurture,loyalty hassle,2,,9,');
    expect(lines).toHaveLength(8);
  });

  it('quotes fields with commas, quotes or line breaks', () => {
    const report = scoreReport();
    const rows = report.rows.map((r) => (r.id === 'alpha' ? { ...r, name: 'Alpha, "the" Corp\nLtd' } : r));
    expect(csv({ ...report, rows })).toContain('1,alpha,"Alpha, ""the"" Corp\nLtd",Ann Lee');
  });
});

describe('markdown', () => {
  it('writes a GitHub table, numbers right-aligned, "-" for missing values, pipes escaped', () => {
    const report = scoreReport();
    const lines = markdown(report).trimEnd().split('\n');
    expect(lines[0]).toBe('| # | account | name | manager | score | current | potential | tier | quadrant | unrated |');
    expect(lines[1]).toBe('| ---: | :--- | :--- | :--- | ---: | ---: | ---: | :--- | :--- | ---: |');
    expect(lines[2]).toBe('| 1 | alpha | Alpha Corp | Ann Lee | 85.0 | 90.0 | 80.0 | Gold | Invest | - |');
    const rows = report.rows.map((r) => (r.id === 'alpha' ? { ...r, name: 'A | B' } : r));
    expect(markdown({ ...report, rows })).toContain('| 1 | alpha | A \\| B |');
  });
});

describe('explain', () => {
  const explanation = explainAccount('delta', account('delta'), config);

  it('json: the arithmetic as data, rounded', () => {
    const out = JSON.parse(explainJson(explanation));
    expect(out.account).toMatchObject({ id: 'delta', name: 'Delta Corp', score: 50, current: 20, potential: 90, tier: 'Silver', quadrant: 'Nurture', unrated: ['loyalty', 'hassle'] });
    expect(out.scale).toEqual({ min: 0, max: 10 });
    expect(out.criteria.map((c: { id: string }) => c.id)).toEqual(['revenue', 'loyalty', 'upside', 'hassle']);
    expect(out.total).toMatchObject({ score: 50, weighted: 3.5, weight: 7 });
  });

  it('text: the criteria table, the arithmetic of each sum and what is unrated', () => {
    const out = explainText(explanation, config, new Chalk({ level: 0 }));
    expect(out.startsWith('Delta Corp (delta)\nScore 50.0  Silver  Nurture\n')).toBe(true);
    expect(out).toContain('│ revenue          │ current   │       2 │      4 │      0.200 │        11.43 │');
    expect(out).toContain('│ hassle (inverse) │ potential │ unrated │      2 │          - │            - │');
    expect(out).toContain('Unrated criteria count for nothing: loyalty, hassle');
    expect(out).toContain('Score     = 100 × 3.5 / 7 = 50.0');
  });
});
