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
