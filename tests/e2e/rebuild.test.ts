import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE } from '../helpers/kam.js';
import { copyRepo, tmpDir } from '../helpers/tmpRepo.js';

const KAM_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULE = 'src/check/rules/missing_plan.ts';
const MESSAGE = 'a key tier, but has no plan';

/** A copy of kam's sources (node_modules linked) that a test may edit and build. */
function kamCopy(): string {
  const dir = tmpDir('kam-build-');
  for (const entry of ['src', 'scripts', 'bin', 'templates', 'package.json', 'package-lock.json']) cpSync(join(KAM_ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(KAM_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const build = (dir: string) => {
  const run = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
};

const check = (kamDir: string, repo: string) => {
  const env = { ...process.env, NO_COLOR: '1', CI: '' };
  const run = spawnSync(process.execPath, [join(kamDir, 'bin/kam.js'), 'check', '-f', 'json', '--today', '2026-11-23'], { cwd: repo, env, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

describe('a rebuilt kam', () => {
  it('never serves results cached by another build, even of the same version', () => {
    const kamDir = kamCopy();
    build(kamDir);
    const repo = copyRepo(EXAMPLE);
    // A plan is missing (so the rule's message is in the report); every file older than 2 s and
    // every plan reviewed, so that the result is stored.
    const old = new Date(Date.now() - 60_000);
    for (const d of ['accounts', 'plans']) for (const f of readdirSync(join(repo, d))) utimesSync(join(repo, d, f), old, old);
    utimesSync(join(repo, 'kam.yaml'), old, old);
    const first = check(kamDir, repo);
    expect(first.stdout).toContain(MESSAGE);
    expect(check(kamDir, repo)).toEqual(first); // from the cache now
    expect(readdirSync(join(repo, '.kam', 'cache')).sort()).toEqual(['files.json', 'run-check.json']);

    // Change a rule's message, rebuild (same package version), run again.
    const rule = join(kamDir, RULE);
    writeFileSync(rule, readFileSync(rule, 'utf8').replace(MESSAGE, 'a key tier, and has NO PLAN YET'));
    build(kamDir);
    const rebuilt = check(kamDir, repo);
    expect(rebuilt.stdout).not.toContain(MESSAGE);
    expect(rebuilt.stdout).toContain('NO PLAN YET');
  });
});
