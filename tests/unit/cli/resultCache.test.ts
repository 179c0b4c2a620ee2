import { readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCacheFile } from '../../../src/load/cache.js';
import type { LoadStats } from '../../../src/load/loadFiles.js';
import { EXAMPLE, kam } from '../../helpers/kamInProcess.js';
import { copyRepo } from '../../helpers/tmpRepo.js';

// The result cache keeps analysis slices (src/analysis/slices.ts); a stored value is used only
// when their one zod schema accepts it. These runs use the cache as a user's would.
async function run(repo: string, args: string[]) {
  let loads = 0;
  const result = await kam(args, { cwd: repo, cache: true, onLoadStats: (_: LoadStats) => void loads++ });
  return { ...result, loaded: loads > 0 };
}

/** A copy of the example whose files are old enough to be cached (nothing changed in the last seconds). */
function settledCopy(): string {
  const repo = copyRepo(EXAMPLE);
  const past = new Date(Date.now() - 60_000);
  for (const dir of ['accounts', 'plans']) for (const f of readdirSync(join(repo, dir))) utimesSync(join(repo, dir, f), past, past);
  utimesSync(join(repo, 'kam.yaml'), past, past);
  return repo;
}

describe('the result cache', () => {
  it.each([
    ['check', ['check', '--format', 'json', '--today', '2026-11-20', '--manager', 'dana  whitfield']],
    ['score', ['score', '--format', 'json', '--tier', 'tier 1']],
    ['health', ['health', '--format', 'json', '--today', '2026-11-20', '--band', 'amber']],
  ])('serves kam %s from its slices, selected exactly as a fresh run selects', async (command, args) => {
    const repo = settledCopy();
    const fresh = await run(repo, args);
    expect(fresh.loaded).toBe(true);
    const cached = await run(repo, args);
    expect(cached.loaded).toBe(false);
    expect(cached.stdout).toBe(fresh.stdout);
    expect(cached.code).toBe(fresh.code);
    // A typo is the same usage error from the cache (the index is part of what is kept).
    const typo = await run(repo, [command, ...(command === 'score' ? [] : ['--today', '2026-11-20']), '--manager', 'Dana Whitfeld']);
    expect(typo).toMatchObject({ code: 2, loaded: false });
    expect(typo.stderr).toContain('--manager "Dana Whitfeld": no account is managed by that name; did you mean "Dana Whitfield"?');
  });

  it('treats a stored value its schema rejects as a miss: recomputed, never a crash or a wrong report', async () => {
    const repo = settledCopy();
    const args = ['check', '--format', 'json', '--today', '2026-11-20'];
    const fresh = await run(repo, args);
    const path = join(repo, '.kam', 'cache', 'run-check.json');
    const text = readFileSync(path, 'utf8');
    const key = (JSON.parse(text.slice(0, text.indexOf('\n'))) as { key: string }).key;
    const value = JSON.parse(text.slice(text.indexOf('\n') + 1)) as { findings: { line: unknown[]; rule: unknown[] }; index: { accounts: unknown } };
    // Well-formed files with the right key and checksum but the wrong shape: each must be a miss.
    for (const damage of [
      (v: typeof value) => void (v.findings.line[0] = 'seven'),
      (v: typeof value) => void v.findings.rule.pop(), // columns of unequal length
      (v: typeof value) => void (v.index.accounts = null),
      (v: typeof value) => void delete (v as Partial<typeof value>).index,
    ]) {
      const bad = structuredClone(value);
      damage(bad);
      expect(writeCacheFile(path, key, bad)).toBe(true);
      const again = await run(repo, args);
      expect(again.loaded).toBe(true);
      expect(again.stdout).toBe(fresh.stdout);
    }
  });
});
