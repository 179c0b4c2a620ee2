// spec 1.2 in the existing views: objective progress in kam health --explain (beside health, not
// in it), renewals in the agenda, on the example repo.
import { describe, expect, it } from 'vitest';
import { EXAMPLE, kam, kamJson } from '../helpers/kamInProcess.js';

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
