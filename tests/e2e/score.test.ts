import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, kam, kamJson } from '../helpers/kamInProcess.js';
import { copyRepo, makeRepo } from '../helpers/tmpRepo.js';
import { repoFiles } from '../unit/score/fixture.js';

const ANSI = /\x1b\[/;
const ex = (...args: string[]) => kam(['score', '-C', EXAMPLE, ...args]);

/** A minimal RFC 4180 reader, to check kam's CSV round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

describe('kam score on the example repo', () => {
  it('prints the ranked table and the portfolio summary', async () => {
    const run = await ex();
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(ANSI);
    const ids = [...run.stdout.matchAll(/│\s+(\d+) │ ([a-z-]+)\s+│/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(ids.slice(0, 4)).toEqual(['1 meridian-freight', '2 banco-austral', '3 calloway-health', '4 vantor-pharma']);
    expect(ids).toHaveLength(15);
    expect(ids[14]).toBe('15 polaris-grid');
    expect(run.stdout).toMatch(/meridian-freight\s+│ Dana Whitfield\s+│\s+88\.3 │\s+85\.7 │\s+90\.6 │ Tier 1\s+│ Strategic/);
    expect(run.stdout).toMatch(/cascadia-transport .*│\s+50\.0 │.*│ Tier 3\s+│ Emerging/);
    expect(run.stdout).toMatch(/tasman-mutual .*│\s+1 │/); // one unrated criterion
    expect(run.stdout).toMatch(/polaris-grid .*│\s+- │.*│\s+all │/);
    expect(run.stdout).toContain('Accounts per tier: Tier 1: 3, Tier 2: 4, Tier 3: 3, Not key: 4, needs rating: 1');
    expect(run.stdout).toContain('Key accounts (tiered, not "Not key"): 10 of max 12');
    expect(run.stdout).toMatch(/Dana Whitfield\s+5 {2}✖ over limit/);
    expect(run.stdout).toMatch(/Marcus Oyelaran\s+2\n/);
  });

  it('colours tiers and highlights over-limit values in red on request', async () => {
    const run = await kam(['score', '-C', EXAMPLE], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\x1b\[31m✖ over limit/);
    expect(run.stdout).toMatch(/\x1b\[32mTier 2/);
  });

  it('prints the spec JSON object, ranked, scores to one decimal', async () => {
    const { code, json } = await kamJson(['score', '-C', EXAMPLE, '--format', 'json']);
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual(['accounts']);
    const by = Object.fromEntries(json.accounts.map((a: any) => [a.id, a]));
    expect(json.accounts.map((a: any) => a.score)).toEqual([88.3, 83.3, 78.3, 66.7, 65, 63.3, 61.7, 53.3, 51.9, 50, 40.4, 35, 28.3, 21.7, null]);
    const meridian = json.accounts[0];
    expect(Object.keys(meridian)).toEqual(['id', 'name', 'manager', 'score', 'current', 'potential', 'tier', 'quadrant', 'needs_rating', 'rated_weight', 'unrated', 'criteria']);
    expect(meridian).toMatchObject({ id: 'meridian-freight', name: 'Meridian Freight Group', manager: 'Dana Whitfield', current: 85.7, potential: 90.6, tier: 'Tier 1', quadrant: 'Strategic', unrated: [] });
    expect(meridian.criteria.effort).toEqual({ rating: 2, weight: 1, normalized: 0.75, contribution: 5 });
    expect(meridian.criteria.fit).toEqual({ rating: 5, weight: 2, normalized: 1, contribution: 13.3333 });
    expect(by['vantor-pharma']).toMatchObject({ score: 66.7, tier: 'Tier 2' });
    expect(by['cascadia-transport']).toMatchObject({ score: 50, tier: 'Tier 3', quadrant: 'Emerging' });
    expect(by['andes-agro']).toMatchObject({ tier: 'Not key', quadrant: 'Streamline' });
    expect(by['tasman-mutual'].unrated).toEqual(['renewal_likelihood']);
    expect(by['tasman-mutual'].criteria.renewal_likelihood).toBeUndefined();
    expect(by['polaris-grid']).toMatchObject({ score: null, current: null, potential: null, tier: null, quadrant: null, needs_rating: true, rated_weight: 0, criteria: {} });
    expect(by['polaris-grid'].unrated).toHaveLength(8);
  });

  it('prints RFC 4180 CSV with CRLF line ends, one row per account', async () => {
    const run = await ex('--format', 'csv');
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\r\n')).toBe(true);
    expect(run.stdout.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = parseCsv(run.stdout);
    expect(rows[0]).toEqual([
      'rank', 'id', 'name', 'manager', 'score', 'current', 'potential', 'tier', 'quadrant', 'unrated',
      'current_revenue', 'growth_potential', 'renewal_likelihood', 'win_now_likelihood', 'effort', 'relationship_strength', 'fit', 'logo',
    ]);
    expect(rows).toHaveLength(16);
    expect(rows[1]).toEqual(['1', 'meridian-freight', 'Meridian Freight Group', 'Dana Whitfield', '88.3', '85.7', '90.6', 'Tier 1', 'Strategic', '', '5', '5', '4', '4', '2', '4', '5', '4']);
    expect(rows.find((r) => r[1] === 'cascadia-transport')!.slice(4, 5)).toEqual(['50.0']);
    expect(rows.find((r) => r[1] === 'tasman-mutual')![9]).toBe('renewal_likelihood');
    expect(rows[15]!.slice(0, 10)).toEqual(['15', 'polaris-grid', 'Polaris Grid Systems', 'Rahul Mehta', '', '', '', 'needs rating', '', 'current_revenue growth_potential renewal_likelihood win_now_likelihood effort relationship_strength fit logo']);
  });

  it('prints a GitHub Markdown table', async () => {
    const run = await ex('--format', 'markdown');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('| # | account | name | manager | score | current | potential | tier | quadrant | unrated |');
    expect(lines[1]).toMatch(/^\| ---: \| :--- \|/);
    expect(lines).toHaveLength(17);
    expect(lines[2]).toBe('| 1 | meridian-freight | Meridian Freight Group | Dana Whitfield | 88.3 | 85.7 | 90.6 | Tier 1 | Strategic | - |');
    expect(lines[16]).toBe('| 15 | polaris-grid | Polaris Grid Systems | Rahul Mehta | - | - | - | needs rating | - | all |');
  });
});

describe('kam score filters', () => {
  it('--tier (any case) in json keeps the tier, ranked', async () => {
    const { code, json } = await kamJson(['score', '-C', EXAMPLE, '--tier', 'tier 2', '-f', 'json']);
    expect(code).toBe(0);
    expect(json.accounts.map((a: any) => a.id)).toEqual(['vantor-pharma', 'coralsea-telecom', 'kestrel-retail', 'ridgeline-power']);
  });

  it('--manager (any case) in csv, with portfolio ranks', async () => {
    const rows = parseCsv((await ex('--manager', 'dana whitfield', '-f', 'csv')).stdout);
    expect(rows.slice(1).map((r) => `${r[0]} ${r[1]}`)).toEqual(['1 meridian-freight', '6 kestrel-retail', '7 ridgeline-power', '8 halvorsen-industrial', '9 tasman-mutual']);
  });

  it('--top in markdown, and all three together in the table (the summary stays whole)', async () => {
    expect((await ex('--top', '2', '-f', 'markdown')).stdout.trimEnd().split('\n')).toHaveLength(4);
    const run = await ex('--tier', 'Tier 2', '--manager', 'Dana Whitfield', '--top', '1');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/│\s+6 │ kestrel-retail/);
    expect(run.stdout).not.toContain('ridgeline-power');
    expect(run.stdout).toContain('Listed 1 of 15 accounts; the summary covers them all.');
    expect(run.stdout).toContain('Tier 1: 3, Tier 2: 4');
  });

  it('the untiered label is a tier for --tier; an empty result is not an error', async () => {
    const { json } = await kamJson(['score', '-C', EXAMPLE, '--tier', 'not key', '-f', 'json']);
    expect(json.accounts.map((a: any) => a.id)).toEqual(['brightwater-foods', 'ishikari-logistics', 'oakmont-council', 'andes-agro']);
    const none = await ex('--tier', 'Tier 1', '--manager', 'Kenji Watanabe');
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No account matches these filters.');
  });

  it.each([
    [['--tier', 'Tier 4'], /kam: --tier "Tier 4" is not a tier; did you mean "Tier 1"\?/],
    [['--manager', 'Dana Whitfeld'], /kam: --manager "Dana Whitfeld": no account is managed by that name; did you mean "Dana Whitfield"\?/],
    [['--top', '0'], /--top.*whole number of 1 or more/],
    [['--format', 'xml'], /Allowed choices are table, json, csv, markdown/],
  ])('rejects %j with exit 2', async (args, message) => {
    const run = await ex(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});

describe('kam score --explain', () => {
  it('shows the arithmetic of a top-tier account', async () => {
    const run = await ex('--explain', 'meridian-freight');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Meridian Freight Group (meridian-freight), managed by Dana Whitfield');
    expect(run.stdout).toMatch(/│ effort \(inverse\)\s+│ potential │\s+2 │\s+1 │\s+0\.750 │\s+5\.00 │/);
    expect(run.stdout).toMatch(/│ fit\s+│ potential │\s+5 │\s+2 │\s+1\.000 │\s+13\.33 │/);
    expect(run.stdout).toContain('Score     = 100 × 13.25 / 15 = 88.3');
    expect(run.stdout).toContain('Current   = 100 × 6 / 7 = 85.7  (high: >= 50)');
    expect(run.stdout).toContain('Potential = 100 × 7.25 / 8 = 90.6  (high: >= 50)');
    expect(run.stdout).toContain('Tier 1 (min 75) is the top tier');
  });

  it('names the thresholds around the score and the rating change that lifts it a tier', async () => {
    const run = await ex('--explain', 'vantor-pharma');
    expect(run.stdout).toContain('Between Tier 2 (min 60) and Tier 1 (min 75), 8.3 points below Tier 1.');
    expect(run.stdout).toMatch(/\* raise current_revenue from 3 to 5: score 76\.7, Tier 1/);
    const andes = await ex('--explain', 'andes-agro');
    expect(andes.stdout).toContain('Below the lowest tier, Tier 3 (min 45), 23.3 points below Tier 3.');
    expect(andes.stdout).toContain('No single rating change reaches Tier 3 (45)');
  });

  it('marks unrated criteria and explains an account with no ratings', async () => {
    const tasman = await ex('--explain', 'tasman-mutual');
    expect(tasman.stdout).toMatch(/│ renewal_likelihood\s+│ current\s+│ unrated │/);
    expect(tasman.stdout).toContain('Score     = 100 × 6.75 / 13 = 51.9');
    const polaris = await ex('--explain', 'polaris-grid');
    expect(polaris.code).toBe(0);
    expect(polaris.stdout).toContain('no criterion is rated, so the account has no score and no tier');
    // One criterion alone carries at most 3 of the 15 weight, below min_rated_weight (0.5): it takes three.
    expect(polaris.stdout).toContain('The rated criteria carry 0 of the model\'s weight 15 (0%); a tier needs at least 50% (scoring.min_rated_weight).');
    expect(polaris.stdout).toContain('To rate: current_revenue (weight 3), growth_potential (weight 3), renewal_likelihood (weight 2) are enough');
    expect(polaris.stdout).toContain('No single rating change reaches Tier 3');
  });

  it('prints JSON', async () => {
    const { code, json } = await kamJson(['score', '-C', EXAMPLE, '--explain', 'cascadia-transport', '-f', 'json']);
    expect(code).toBe(0);
    expect(json.account).toMatchObject({ id: 'cascadia-transport', score: 50, tier: 'Tier 3', quadrant: 'Emerging' });
    expect(json.total).toEqual({ score: 50, weighted: 7.5, weight: 15 });
    expect(json.axes.current).toEqual({ score: 39.3, weighted: 2.75, weight: 7, high: false });
    expect(json.floor).toEqual({ name: 'Tier 3', min: 45 });
    expect(json.next).toEqual({ name: 'Tier 2', min: 60 });
    expect(json.moves[0]).toEqual({ criterion: 'current_revenue', label: 'Current revenue', from: 2, to: 4, steps: 2, score: 60, tier: 'Tier 2' });
    expect(json.criteria.find((c: any) => c.id === 'effort')).toEqual({
      id: 'effort', label: 'Effort to make headway', axis: 'potential', inverse: true, weight: 1, rating: 4, normalized: 0.25, contribution: 1.6667,
    });
  });

  it.each([
    [['--explain', 'meridian-freigt'], /kam: no account "meridian-freigt"; did you mean "meridian-freight"\?/],
    [['--explain', 'meridian-freight', '--format', 'csv'], /--explain prints a table or json/],
    [['--explain', 'meridian-freight', '--top', '3'], /--explain shows one account/],
  ])('rejects %j with exit 2', async (args, message) => {
    const run = await ex(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('kam score on other repos', () => {
  it('leaves out invalid account files with a notice per file, and exits 0', async () => {
    const dir = copyRepo(EXAMPLE);
    writeFileSync(join(dir, 'accounts/zeta-broken.yaml'), 'name: Zeta\nmanger: Someone\nratings: { fit: 9 }\n');
    writeFileSync(join(dir, 'accounts/banco-austral.yaml'), 'name: [unclosed\n');
    const { code, json, stderr } = await kamJson(['score', '-C', dir, '-f', 'json']);
    expect(code).toBe(0);
    expect(stderr).toBe('kam: left out accounts/banco-austral.yaml (1 error; run "kam validate")\nkam: left out accounts/zeta-broken.yaml (2 errors; run "kam validate")\n');
    expect(json.accounts.map((a: any) => a.id)).not.toContain('zeta-broken');
    expect(json.accounts).toHaveLength(14);
    const table = await kam(['score', '-C', dir]);
    expect(table.stdout).toContain('Left out: 2 accounts with errors (banco-austral, zeta-broken); run "kam validate"');
    const explain = await kam(['score', '-C', dir, '--explain', 'zeta-broken']);
    expect(explain.code).toBe(2);
    expect(explain.stderr).toMatch(/accounts\/zeta-broken\.yaml has 2 errors/);
  });

  it('exits 2 when the repo cannot be loaded', async () => {
    const none = await kam(['score'], { cwd: makeRepo({ 'x.txt': '' }, { withConfig: false }) });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^kam: /);
    const bad = await kam(['score', '-C', makeRepo({ 'kam.yaml': 'version: 2\n' })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('kam.yaml is invalid');
  });

  it('uses a custom model: tier and quadrant names, limits', async () => {
    const dir = makeRepo(repoFiles());
    const { json } = await kamJson(['score', '-C', dir, '-f', 'json']);
    expect(json.accounts.map((a: any) => [a.id, a.score, a.tier, a.quadrant])).toEqual([
      ['alpha', 85, 'Gold', 'Invest'],
      ['bravo', 70, 'Gold', 'Invest'],
      ['golf', 70, 'Gold', 'Invest'], // potential exactly 60, the matrix threshold: high
      ['delta', 50, 'Silver', 'Nurture'],
      ['charlie', 40, 'Silver', 'Exit'],
      ['foxtrot', 30, 'Watch list', null],
      ['echo', null, null, null],
    ]);
    const table = await kam(['score', '-C', dir]);
    expect(table.stdout).toContain('Accounts per tier: Gold: 3, Silver: 2, Watch list: 1, needs rating: 1');
    expect(table.stdout).toContain('Key accounts (tiered, not "Watch list"): 5 of max 3  ✖ over limit');
    expect(table.stdout).toContain('Key accounts per manager (max 1 each):');
    expect(table.stdout).toMatch(/Ann Lee\s+2 {2}✖ over limit/);
    expect(table.stdout).toContain('1 key account has no manager');
  });

  it('writes CSV cells a spreadsheet cannot run as formulas (OWASP CSV injection)', async () => {
    const dir = makeRepo({
      'accounts/acme.yaml': 'name: "=HYPERLINK(\\"http://evil\\",\\"x\\")"\nmanager: "@SUM(1+1)"\nratings: { current_revenue: 3 }\n',
      'accounts/beta.yaml': 'name: "+1 Corp"\nmanager: "-2+3"\nratings: { current_revenue: 2 }\n',
    });
    const rows = parseCsv((await kam(['score', '-C', dir, '-f', 'csv'])).stdout);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([
      ['acme', `'=HYPERLINK("http://evil","x")`, "'@SUM(1+1)"],
      ['beta', "'+1 Corp", "'-2+3"],
    ]);
  });

  it('quotes user text in CSV and escapes pipes in Markdown', async () => {
    const dir = makeRepo({
      'accounts/acme.yaml': 'name: \'Acme, "the" | Best\'\nmanager: "Lee | Park"\nratings: { current_revenue: 3, growth_potential: 3, renewal_likelihood: 3 }\n',
    });
    const csv = (await kam(['score', '-C', dir, '-f', 'csv'])).stdout;
    expect(csv.split('\r\n')[1]).toMatch(/^1,acme,"Acme, ""the"" \| Best",Lee \| Park,50\.0,50\.0,50\.0,Tier 3,Strategic,win_now_likelihood .* logo,3,3,3,,,,,$/);
    expect(parseCsv(csv)[1]![2]).toBe('Acme, "the" | Best');
    const md = (await kam(['score', '-C', dir, '-f', 'markdown'])).stdout;
    expect(md).toContain('| 1 | acme | Acme, "the" \\| Best | Lee \\| Park | 50.0 | 50.0 | 50.0 | Tier 3 | Strategic | 5 |');
  });

  it('never lets HTML or links from names into the Markdown table', async () => {
    const dir = makeRepo({
      'accounts/evil.yaml': [
        'name: \'<img src=x onerror=alert(1)> [click](javascript:alert(1))\'',
        'manager: "<details open><summary>boss</summary>"',
        'ratings: { current_revenue: 3, growth_potential: 3, renewal_likelihood: 3 }',
        '',
      ].join('\n'),
    });
    const md = (await kam(['score', '-C', dir, '-f', 'markdown'])).stdout;
    const row = md.split('\n')[2]!;
    expect(row).not.toMatch(/<img|<details|(?<!\\)\]\(javascript/);
    expect(row).toContain('&lt;img src=x onerror=alert(1)&gt; \\[click\\](javascript:alert(1))');
    expect(row).toContain('&lt;details open&gt;&lt;summary&gt;boss&lt;/summary&gt;');
  });

  it('ranks an account that rates only its lightest criterion below every tiered one, as "needs rating"', async () => {
    const dir = makeRepo({
      'accounts/light.yaml': 'name: Light\nratings: { logo: 5 }\n',
      'accounts/solid.yaml': 'name: Solid\nratings: { current_revenue: 3, growth_potential: 3, renewal_likelihood: 3, fit: 3 }\n',
    });
    const { json } = await kamJson(['score', '-C', dir, '-f', 'json']);
    expect(json.accounts.map((a: any) => [a.id, a.score, a.tier, a.quadrant, a.needs_rating])).toEqual([
      ['solid', 50, 'Tier 3', 'Strategic', false],
      ['light', 100, null, null, true],
    ]);
    const table = (await kam(['score', '-C', dir])).stdout;
    expect(table).toMatch(/light .*│ needs rating │ -/);
    expect(table).toContain('Accounts per tier: Tier 1: 0, Tier 2: 0, Tier 3: 1, Not key: 0, needs rating: 1');
    expect((await kamJson(['score', '-C', dir, '--tier', 'needs rating', '-f', 'json'])).json.accounts.map((a: any) => a.id)).toEqual(['light']);
    const explain = (await kam(['score', '-C', dir, '--explain', 'light'])).stdout;
    expect(explain).toContain('needs rating: too little is rated for a tier or a quadrant');
    expect(explain).toContain('To rate: current_revenue (weight 3), growth_potential (weight 3), renewal_likelihood (weight 2) are enough');
  });

  it('with duplicate_id off, ranks the id once and says the second file is not ranked, not "left out with errors"', async () => {
    const dir = makeRepo({
      'kam.yaml': 'version: 1\nrules: { duplicate_id: off }\n',
      'accounts/acme.yaml': 'name: Acme\nratings: { current_revenue: 3, growth_potential: 3, renewal_likelihood: 3 }\n',
      'accounts/acme.yml': 'name: Acme again\n',
    });
    const run = await kam(['score', '-C', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('with errors');
    expect(run.stdout).toContain('Not ranked: accounts/acme.yml (a second file for an account ranked from another file)');
    expect(run.stderr).toBe('kam: left out accounts/acme.yml: a second file for account "acme", which is ranked from accounts/acme.yaml; remove or rename one of them\n');
    expect((await kam(['score', '-C', dir, '--explain', 'acme'])).code).toBe(0);
  });

  it('says so when there are no accounts', async () => {
    const run = await kam(['score', '-C', makeRepo({})]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No accounts to score');
    expect((await kamJson(['score', '-C', makeRepo({}), '-f', 'json'])).json).toEqual({ accounts: [] });
  });
});
