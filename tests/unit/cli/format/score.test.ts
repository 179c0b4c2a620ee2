import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { csv } from '../../../../src/cli/format/score/csv.js';
import { explainJson, explainText } from '../../../../src/cli/format/score/explain.js';
import { json } from '../../../../src/cli/format/score/json.js';
import { markdown } from '../../../../src/cli/format/score/markdown.js';
import { table } from '../../../../src/cli/format/score/table.js';
import { explainAccount } from '../../../../src/score/explain.js';
import { account, config } from '../../score/fixture.js';
import { configWithMinRatedWeight, scoreReport } from './scoreFixture.js';

describe('table', () => {
  it('ranks every account with one decimal, "-" for what is missing, and sums up the whole portfolio against its limits', () => {
    const out = table(scoreReport());
    const lines = out.split('\n');
    expect(lines[1]).toBe('│ # │ account │ manager │ score │ current │ potential │ tier         │ quadrant │ unrated │');
    expect(lines[3]).toBe('│ 1 │ alpha   │ Ann Lee │  85.0 │    90.0 │      80.0 │ Gold         │ Invest   │         │');
    expect(out).toContain('│ 4 │ delta   │ -       │  50.0 │    20.0 │      90.0 │ Silver       │ Nurture  │       2 │');
    expect(out).toContain('│ 6 │ foxtrot │ Cy Oh   │  30.0 │    30.0 │         - │ Watch list   │ -        │       3 │');
    expect(out).toContain('\n\nAccounts per tier: Gold: 3, Silver: 2, Watch list: 1, needs rating: 1\n');
    expect(out).toContain('Key accounts (tiered, not "Watch list"): 4 of max 3  ✖ over limit\n');
    expect(out).toContain('Key accounts per manager (max 1 each):\n  Ann Lee   2  ✖ over limit\n');
    expect(out).toContain('Left out: 1 account with errors (broken); run "kam validate"\n');
  });

  it('shows an account that rates nothing as "needs rating", with no score, last', () => {
    const lines = table(scoreReport()).split('\n');
    expect(lines[9]).toBe('│ 7 │ echo    │ Cy Oh   │     - │       - │         - │ needs rating │ -        │     all │');
    expect(lines[10]).toBe('└───┴─────────┴─────────┴───────┴─────────┴───────────┴──────────────┴──────────┴─────────┘');
  });

  it('explains the unrated and needs rating columns under the table', () => {
    const lines = table(scoreReport()).split('\n');
    expect(lines.slice(11, 14)).toEqual([
      'unrated: criteria the account does not rate yet; they count for nothing (kam score --explain <account>)',
      'needs rating: the rated criteria carry less than 30% of the total weight (scoring.min_rated_weight), so no tier yet; "kam score --explain <account>" says what to rate',
      '',
    ]);
  });

  it('gives an account whose ratings carry less than scoring.min_rated_weight its score but "needs rating" instead of a tier and quadrant, and counts it in the summary', () => {
    const out = table(scoreReport({}, configWithMinRatedWeight(0.5)));
    expect(out).toContain('│ 6 │ foxtrot │ Cy Oh   │  30.0 │    30.0 │         - │ needs rating │ -        │       3 │');
    expect(out).toContain('\nneeds rating: the rated criteria carry less than 50% of the total weight (scoring.min_rated_weight), so no tier yet; "kam score --explain <account>" says what to rate\n');
    expect(out).toContain('\nAccounts per tier: Gold: 3, Silver: 2, Watch list: 0, needs rating: 2\n');
  });

  it('lists no "needs rating" legend or count when every account has enough rated', () => {
    const report = scoreReport();
    const rows = report.rows.filter((r) => !r.needsRating);
    const out = table({ ...report, rows, portfolio: { ...report.portfolio, needsRating: 0 } });
    expect(out).not.toContain('needs rating');
    expect(out).toContain('\nAccounts per tier: Gold: 3, Silver: 2, Watch list: 1\n');
  });

  it('shows control characters in names as escapes, never raw', () => {
    const report = scoreReport();
    const rows = report.rows.map((r) => (r.id === 'alpha' ? { ...r, manager: 'Ann\u001b[2JLee' } : r));
    const portfolio = {
      ...report.portfolio,
      managers: [{ ...report.portfolio.managers[0]!, manager: 'Ann\u001b[2JLee' }],
      invalid: [{ id: 'bro\rken', file: 'accounts/bro\rken.yaml', errors: 2 }],
    };
    const out = table({ ...report, rows, portfolio });
    expect(out.split('\n')[3]).toBe('│ 1 │ alpha   │ Ann\\x1b[2JLee │  85.0 │    90.0 │      80.0 │ Gold         │ Invest   │         │');
    expect(out).toContain('\n  Ann\\x1b[2JLee   2  ✖ over limit\n');
    expect(out).toContain('\nLeft out: 1 account with errors (bro\\rken); run "kam validate"\n');
    expect(out).not.toMatch(/[\u001b\r]/);
  });

  it('keeps overall ranks when filtered and says the summary covers every account', () => {
    const report = scoreReport();
    const silver = table({ ...report, rows: report.portfolio.accounts.map((a, i) => ({ ...a, rank: i + 1 })).filter((a) => a.tier === 'Silver'), filtered: true });
    expect(silver).toContain('│ 4 │ delta');
    expect(silver).toContain('│ 5 │ charlie');
    expect(silver).not.toContain('alpha');
    expect(silver).toContain('\nListed 2 of 7 accounts; the summary covers them all.\n\nAccounts per tier: ');
  });

  it('colours only when asked', () => {
    const report = scoreReport();
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
