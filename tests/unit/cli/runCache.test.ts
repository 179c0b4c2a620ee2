import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKey } from '../../../src/cli/runCache.js';
import { readCacheFile, writeCacheFile } from '../../../src/load/cache.js';
import type { LoadStats } from '../../../src/load/loadFiles.js';
import { commitAll, gitInit } from '../../helpers/gitRepo.js';
import { kam } from '../../helpers/kamInProcess.js';
import { brokenRepo } from '../../helpers/brokenRepo.js';

const RUN = (command: string) => join('.kam', 'cache', `run-${command}.json`);
const repoFiles = (root: string) => ['kam.yaml', ...['accounts', 'plans'].flatMap((d) => readdirSync(join(root, d)).map((f) => `${d}/${f}`))];
const age = (root: string, files: string[]) => {
  const old = new Date(Date.now() - 60_000);
  for (const f of files) utimesSync(join(root, f), old, old);
};
/** The broken example with every file older than the 2 s in which kam distrusts mtimes. */
const agedRepo = () => {
  const root = brokenRepo();
  // Reviewed, so that no plan sends kam to git history (runs that read it are not stored).
  writeFileSync(join(root, 'plans/ghost.yaml'), 'account: nobody\nperiod: FY2027\nlast_reviewed: 2026-11-01\n');
  age(root, repoFiles(root));
  return root;
};

/** kam in this process with its caches on; `loads` counts the runs that loaded the repo (cache misses). */
const loads = { count: 0 };
const run = (root: string, args: string[], env: Record<string, string> = {}) =>
  kam(args, { cwd: root, env, cache: true, onLoadStats: (_: LoadStats) => void loads.count++ });
const check = (root: string, args: string[] = [], env: Record<string, string> = {}) => run(root, ['check', '-f', 'json', '--today', '2026-11-23', ...args], env);

/** Edits a stored result (keeping its checksum right, as a person who knows the format could). */
const doctor = (root: string, command: string, edit: (value: any) => void) => {
  const path = join(root, RUN(command));
  const key = JSON.parse(readFileSync(path, 'utf8').split('\n')[0]!).key as string;
  const value = readCacheFile(path, key);
  edit(value);
  writeCacheFile(path, key, value);
  return { path, key };
};

describe('the cache of whole results (check and score)', () => {
  it('reuses the result of a check on unchanged files without loading, identical to a full run', async () => {
    const root = agedRepo();
    const full = await check(root, ['--no-cache']);
    const first = await check(root);
    expect(existsSync(join(root, RUN('check')))).toBe(true);
    const before = loads.count;
    const second = await check(root);
    expect(loads.count).toBe(before); // a hit loads nothing
    expect(second).toEqual(first);
    expect(second.stdout).toBe(full.stdout);
    expect(second.code).toBe(1);
    // Proof that the second run read the stored result: a doctored one shows up...
    doctor(root, 'check', (v) => (v.findings.message[0] = 'doctored'));
    expect((await check(root)).stdout).toContain('doctored');
    // ...but never with --no-cache, in CI, or for other options.
    expect((await check(root, ['--no-cache'])).stdout).not.toContain('doctored');
    expect((await check(root, [], { CI: 'true' })).stdout).not.toContain('doctored');
    expect((await check(root, ['--today', '2026-12-01'])).stdout).not.toContain('doctored');
    expect((await check(root, ['--rule', 'stale_plan=off'])).stdout).not.toContain('doctored');
  });

  it('is invalidated by a change to any repo file or to kam.yaml, whatever its mtime', async () => {
    for (const file of ['plans/banco-austral.yaml', 'accounts/andes-agro.yaml', 'kam.yaml']) {
      const root = agedRepo();
      await check(root);
      doctor(root, 'check', (v) => (v.findings.message[0] = 'doctored'));
      const path = join(root, file);
      writeFileSync(path, `${readFileSync(path, 'utf8')}# edited\n`);
      age(root, [file]);
      const after = await check(root);
      expect(after.stdout, file).not.toContain('doctored');
      expect(after.stdout).toBe((await check(root, ['--no-cache'])).stdout);
    }
  });

  it('sees a new or a removed file', async () => {
    const root = agedRepo();
    await check(root);
    doctor(root, 'check', (v) => (v.findings.message[0] = 'doctored'));
    const ghost = join(root, 'plans/ghost.yaml');
    writeFileSync(join(root, 'plans/phantom.yaml'), readFileSync(ghost));
    age(root, ['plans/phantom.yaml']);
    expect((await check(root)).stdout).toContain('plans/phantom.yaml');
    rmSync(join(root, 'plans/phantom.yaml'));
    rmSync(ghost);
    const after = await check(root);
    expect(after.stdout).not.toContain('doctored');
    expect(after.stdout).not.toContain('plans/ghost.yaml');
  });

  it('stores nothing while a file changed in the last two seconds, or when git history was read', async () => {
    const fresh = brokenRepo(); // copied just now: every mtime is recent
    await check(fresh);
    expect(existsSync(join(fresh, RUN('check')))).toBe(false);
    const root = agedRepo();
    const plan = join(root, 'plans/calloway-health.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^last_reviewed:.*\n/m, ''));
    age(root, ['plans/calloway-health.yaml']);
    await check(root);
    expect(existsSync(join(root, RUN('check')))).toBe(false);
  });

  it('reuses the result of score, identical to a full run', async () => {
    const root = agedRepo();
    const full = await run(root, ['score']);
    await run(root, ['score']);
    expect(existsSync(join(root, RUN('score')))).toBe(true);
    const again = await run(root, ['score']);
    expect(again).toEqual(full);
    // Account scores are stored as a table: { keys, columns }, a column per field.
    doctor(root, 'score', (v) => (v.portfolio.accounts.columns[v.portfolio.accounts.keys.indexOf('name')][0] = 'Doctored Inc'));
    expect((await run(root, ['score', '-f', 'json'])).stdout).toContain('Doctored Inc');
    expect((await run(root, ['score', '-f', 'json', '--no-cache'])).stdout).not.toContain('Doctored Inc');
  });

  it('treats a misshapen or empty stored value as a miss, never as "no problems" or a crash', async () => {
    const root = agedRepo();
    const full = await check(root, ['--no-cache']);
    expect(full.code).toBe(1);
    const scoreFull = await run(root, ['score', '-f', 'json', '--no-cache']);
    await check(root);
    await run(root, ['score']);
    const shapes: ((v: any) => unknown)[] = [
      (v) => Object.keys(v).forEach((k) => delete v[k]), // {} under the right key
      (v) => (v.findings = 'none'),
      (v) => (v.findings.rule[0] = { rule: 'schema' }), // findings are stored as a table, a column per field
      (v) => (v.completeness = null),
      (v) => (v.index.accounts.id[0] = 3),
      (v) => (v.configRules = { schema: 'loud' }),
    ];
    for (const edit of shapes) {
      doctor(root, 'check', edit);
      const after = await check(root);
      expect(after.stderr).toBe('');
      expect(after.stdout).toBe(full.stdout);
      expect(after.code).toBe(1);
    }
    const scoreColumn = (v: any, key: string): unknown[] => v.portfolio.accounts.columns[v.portfolio.accounts.keys.indexOf(key)];
    for (const edit of [
      (v: any) => (v.portfolio.accounts = 'x'),
      (v: any) => delete v.config,
      (v: any) => (scoreColumn(v, 'score')[0] = 'high'),
      (v: any) => scoreColumn(v, 'name').pop(), // a column shorter than the others
      (v: any) => v.portfolio.accounts.keys.splice(v.portfolio.accounts.keys.indexOf('tier'), 1), // a key without its column
      (v: any) => (v.portfolio.accounts = [{ id: 'x' }]), // rows, but not account scores
      (v: any) => delete v.portfolio.keyAccounts,
    ]) {
      doctor(root, 'score', edit);
      const after = await run(root, ['score', '-f', 'json']);
      expect(after.stderr).toBe(scoreFull.stderr);
      expect(after.stdout).toBe(scoreFull.stdout);
    }
  });

  it('ignores a stored result whose text was edited (its checksum no longer matches)', async () => {
    const root = agedRepo();
    await check(root);
    const path = join(root, RUN('check'));
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"message":"[^"]*"/, '"message":"doctored"'));
    expect((await check(root)).stdout).not.toContain('doctored');
  });

  it('keys on permissions and ctime: a chmod (which changes neither content nor mtime) is a new key', async () => {
    const root = agedRepo();
    const before = await runKey(root, 'check', {});
    expect(before).toBeDefined();
    expect((await runKey(root, 'check', {}))!.key).toBe(before!.key);
    const file = join(root, 'plans/banco-austral.yaml');
    chmodSync(file, 0o600);
    const after = await runKey(root, 'check', {});
    expect(after!.key).not.toBe(before!.key);
  });
});

describe('every command takes the same cache decision', () => {
  it('kam diff reads and writes no cache with --no-cache or in CI, and uses it otherwise', async () => {
    const root = brokenRepo();
    gitInit(root);
    commitAll(root, 'plans', '2026-01-01');
    await run(root, ['--no-cache', 'diff', 'HEAD']);
    expect(existsSync(join(root, '.kam'))).toBe(false);
    await run(root, ['diff', 'HEAD'], { CI: 'true' });
    expect(existsSync(join(root, '.kam'))).toBe(false);
    const diffed = await run(root, ['diff', 'HEAD']);
    expect(diffed.code, diffed.stderr).toBe(0);
    expect(existsSync(join(root, '.kam', 'cache', 'files.json'))).toBe(true);
  });
});
