import { describe, expect, it } from 'vitest';
import { kamJson } from '../helpers/kamInProcess.js';
import { makeRepo } from '../helpers/tmpRepo.js';
import { runHostile } from './harness.js';
import { stylishRows } from '../helpers/stylish.js';

/** 3,000 findings: 1,000 files with three unknown keys each. */
function noisyRepo(): string {
  return makeRepo(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`accounts/a${String(i).padStart(4, '0')}.yaml`, `name: A${i}\nmanger: X\nregoin: Y\nindustri: Z\n`])));
}

describe('thousands of findings: output stays usable', () => {
  const root = noisyRepo();

  it('stylish lists the first 200 and says how many more there are; the summary counts all', async () => {
    const run = await runHostile(root, ['validate'], 1);
    const findingLines = stylishRows(run.stdout);
    expect(findingLines).toHaveLength(200);
    expect(findingLines[0]).toBe('  accounts/a0000.yaml:2:1  error    unknown key "manger"; did you mean "manager"?  schema');
    expect(run.stdout).toContain('… 2800 more findings not shown (2800 errors, 0 warnings); raise --max-findings to see them');
    expect(run.stdout).toContain('✖ 3000 problems (3000 errors, 0 warnings) in 1000 accounts, 0 plans');
  });

  it('--max-findings N lists N, 0 none (the summary alone), and all lists all', async () => {
    const five = await runHostile(root, ['validate', '--max-findings', '5'], 1);
    expect(five.stdout.split('\n').filter((l) => l.includes('  error  '))).toHaveLength(5);
    expect(five.stdout).toContain('… 2995 more findings not shown');
    const none = await runHostile(root, ['validate', '--max-findings', '0'], 1);
    expect(none.stdout.split('\n').filter((l) => l.includes('  error  '))).toHaveLength(0);
    expect(none.stdout).toContain('… 3000 more findings not shown');
    const all = await runHostile(root, ['validate', '--max-findings', 'all'], 1);
    expect(all.stdout.split('\n').filter((l) => l.includes('  error  '))).toHaveLength(3000);
    expect(all.stdout).not.toContain('more findings not shown');
  });

  it('JSON lists every finding by default, and N with --max-findings (the summary still counts all)', async () => {
    const full = await kamJson(['validate', '-f', 'json'], { cwd: root });
    expect(full.code).toBe(1);
    expect(full.json.findings).toHaveLength(3000);
    const cut = await kamJson(['validate', '-f', 'json', '--max-findings', '10'], { cwd: root });
    expect(cut.json.findings).toHaveLength(10);
    expect(cut.json.summary).toEqual({ errors: 3000, warnings: 0, accounts: 1000, plans: 0 });
  });

  it.each([['validate', '-1'], ['validate', 'ten'], ['check', '1.5']])('kam %s rejects --max-findings %s as a usage error (exit 2)', async (command, value) => {
    const run = await runHostile(root, [command, `--max-findings=${value}`], 2);
    expect(run.stderr).toContain(`kam: error: option '--max-findings <n>' argument '${value}' is invalid. write a whole number of 0 or more, or "all", not "${value}"`);
  });

  it('kam check behaves the same: 200 in stylish by default, all in JSON, N when asked', async () => {
    const stylish = await runHostile(root, ['check', '--today', '2026-11-23'], 1);
    expect(stylishRows(stylish.stdout)).toHaveLength(200);
    expect(stylish.stdout).toContain('… 2800 more findings not shown (2800 errors, 0 warnings); raise --max-findings to see them');
    const json = await kamJson(['check', '--today', '2026-11-23', '-f', 'json'], { cwd: root });
    expect(json.json.findings).toHaveLength(3000);
    const cut = await kamJson(['check', '--today', '2026-11-23', '-f', 'json', '--max-findings', '7'], { cwd: root });
    expect(cut.json.findings).toHaveLength(7);
    expect(cut.json.summary.errors).toBe(3000);
    const all = await runHostile(root, ['check', '--today', '2026-11-23', '--max-findings', 'all'], 1);
    expect(all.stdout).not.toContain('more findings not shown');
  });
});
