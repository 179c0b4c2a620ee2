import { describe, expect, it } from 'vitest';
import { runKamJson } from '../helpers/kam.js';
import { makeRepo } from '../helpers/tmpRepo.js';
import { runHostile } from './harness.js';

/** 3,000 findings: 1,000 files with three unknown keys each. */
function noisyRepo(): string {
  return makeRepo(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`accounts/a${String(i).padStart(4, '0')}.yaml`, `name: A${i}\nmanger: X\nregoin: Y\nindustri: Z\n`])));
}

describe('thousands of findings: output stays usable', () => {
  const root = noisyRepo();

  it('stylish lists the first 200 and says how many more there are; the summary counts all', () => {
    const run = runHostile(root, ['validate'], 1);
    const findingLines = run.stdout.split('\n').filter((l) => /^\s+accounts\/a\d+\.yaml:\d+:\d+ /.test(l));
    expect(findingLines).toHaveLength(200);
    expect(findingLines[0]).toBe('  accounts/a0000.yaml:2:1  error    unknown key "manger"; did you mean "manager"?  schema');
    expect(run.stdout).toContain('… 2800 more findings not shown (raise --max-findings to see them)');
    expect(run.stdout).toContain('✖ 3000 problems (3000 errors, 0 warnings) in 1000 accounts, 0 plans');
  });

  it('--max-findings N lists N, and 0 lists all', () => {
    const five = runHostile(root, ['validate', '--max-findings', '5'], 1);
    expect(five.stdout.split('\n').filter((l) => l.includes('  error  '))).toHaveLength(5);
    expect(five.stdout).toContain('… 2995 more findings not shown');
    const all = runHostile(root, ['validate', '--max-findings', '0'], 1);
    expect(all.stdout.split('\n').filter((l) => l.includes('  error  '))).toHaveLength(3000);
    expect(all.stdout).not.toContain('more findings not shown');
  });

  it('JSON lists every finding by default, and N with --max-findings (the summary still counts all)', () => {
    const full = runKamJson(['validate', '-f', 'json'], { cwd: root });
    expect(full.code).toBe(1);
    expect(full.json.findings).toHaveLength(3000);
    const cut = runKamJson(['validate', '-f', 'json', '--max-findings', '10'], { cwd: root });
    expect(cut.json.findings).toHaveLength(10);
    expect(cut.json.summary).toEqual({ errors: 3000, warnings: 0, accounts: 1000, plans: 0 });
  });

  it.each([['-1'], ['ten'], ['1.5']])('rejects --max-findings %s as a usage error (exit 2)', (value) => {
    const run = runHostile(root, ['validate', `--max-findings=${value}`], 2);
    expect(run.stderr).toContain(`kam: error: option '--max-findings <n>' argument '${value}' is invalid. write a whole number (0 for all), not "${value}"`);
  });
});
