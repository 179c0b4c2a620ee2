import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCacheFile, writeCacheFile } from '../../../src/load/cache.js';
import type { LoadStats } from '../../../src/load/loadFiles.js';
import { loadRepo } from '../../../src/load/loadRepo.js';
import { EXAMPLE, kam } from '../../helpers/kamInProcess.js';
import { brokenRepo } from '../../helpers/brokenRepo.js';
import { copyRepo } from '../../helpers/tmpRepo.js';

const CACHE = ['.kam', 'cache', 'files.json'];

/** `kam validate -f json` in this process, with what the load did (the loader's statistics callback). */
async function validate(root: string, args: string[] = [], env: Record<string, string> = {}) {
  let stats: LoadStats | undefined;
  const run = await kam(['validate', '-f', 'json', ...args], { cwd: root, env, cache: true, onLoadStats: (s) => (stats = s) });
  expect(stats, run.stderr).toBeDefined();
  const { files, cached, cachedByHash: byHash, parsed, workers } = stats!;
  return { code: run.code, stdout: run.stdout, files, cached, byHash, parsed, workers };
}

/** Makes every repo file look old, so the cache trusts size+mtime (it distrusts files changed within 2 s). */
const age = (root: string, files: string[]) => {
  const old = new Date(Date.now() - 60_000);
  for (const f of files) utimesSync(join(root, f), old, old);
};

/** Edits the stored files cache as a person (or a damaged disk) might, keeping its checksum right. */
function doctorFiles(root: string, key: string, edit: (entries: any) => void) {
  const path = join(root, ...CACHE);
  const entries = readCacheFile(path, key) as Record<string, any>;
  expect(entries).toBeTypeOf('object');
  edit(entries);
  writeCacheFile(path, key, entries);
}
const storedKey = (root: string) => JSON.parse(readFileSync(join(root, ...CACHE), 'utf8').split('\n')[0]!).key as string;

describe('the cache of loaded files', () => {
  it('gives the same findings as a cold run, and is used on the second run', async () => {
    const root = brokenRepo();
    const cold = await validate(root, ['--no-cache']);
    expect(cold.code).toBe(1);
    expect(JSON.parse(cold.stdout).findings.length).toBeGreaterThan(3);
    const first = await validate(root);
    expect(first).toMatchObject({ parsed: first.files, cached: 0 });
    expect(first.stdout).toBe(cold.stdout);
    expect(existsSync(join(root, ...CACHE))).toBe(true);
    const second = await validate(root);
    expect(second.parsed).toBe(0);
    expect(second.cached + second.byHash).toBe(second.files);
    expect(second.stdout).toBe(cold.stdout);
    expect(second.code).toBe(1);
  });

  it('re-reads a file whose content changed, and only that file', async () => {
    const root = brokenRepo();
    await validate(root);
    const plan = join(root, 'plans/banco-austral.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('influence: huge', 'influence: high'));
    const run = await validate(root);
    expect(run.parsed).toBe(1);
    expect(run.stdout).toBe((await validate(root, ['--no-cache'])).stdout);
    expect(run.stdout).not.toContain('"huge"');
  });

  it('notices an edit that keeps the size and the mtime (content hash on a recent file)', async () => {
    const root = brokenRepo();
    const plan = join(root, 'plans/banco-austral.yaml');
    const stamp = new Date();
    utimesSync(plan, stamp, stamp);
    await validate(root);
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('influence: huge', 'influence: hugs'));
    utimesSync(plan, stamp, stamp);
    const run = await validate(root);
    expect(run.parsed).toBe(1);
    expect(run.stdout).toContain('found \\"hugs\\"');
  });

  it('keeps an unchanged file whose mtime changed, by its content hash', async () => {
    const root = brokenRepo();
    await validate(root);
    const now = new Date();
    utimesSync(join(root, 'accounts/andes-agro.yaml'), now, now); // touch
    const run = await validate(root);
    expect(run.parsed).toBe(0);
    expect(run.byHash).toBeGreaterThanOrEqual(1);
  });

  it('is invalidated by any change to kam.yaml', async () => {
    const root = brokenRepo();
    await validate(root);
    expect((await validate(root)).parsed).toBe(0);
    const config = join(root, 'kam.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\n# a comment changes nothing but the text\n`);
    const run = await validate(root);
    expect(run.parsed).toBe(run.files);
    // A change that matters: the schema severity now comes from kam.yaml, and findings follow.
    writeFileSync(config, `${readFileSync(config, 'utf8').replace('rules:\n', 'rules:\n  schema: warning\n')}`);
    const relaxed = await validate(root);
    expect(relaxed.parsed).toBe(relaxed.files);
    expect(JSON.parse(relaxed.stdout).findings.filter((f: { rule: string }) => f.rule === 'schema').every((f: { severity: string }) => f.severity === 'warning')).toBe(true);
  });

  it('is keyed by the build: entries another build wrote are never used', async () => {
    const root = brokenRepo();
    age(root, ['accounts/andes-agro.yaml']);
    const built = await validate(root);
    expect(built.parsed).toBe(built.files);
    // The same stored entries under the key another build (same version, other code) would make.
    const { cacheKey } = await import('../../../src/load/cache.js');
    const config = readFileSync(join(root, 'kam.yaml'), 'utf8');
    const entries = readCacheFile(join(root, ...CACHE), storedKey(root));
    expect(storedKey(root)).not.toBe(cacheKey('0.0.0-dev', config));
    writeCacheFile(join(root, ...CACHE), cacheKey('0.0.0-dev+0000000000000000', config), entries);
    const other = await validate(root);
    expect(other.parsed).toBe(other.files);
  });

  it('uses cached results without re-reading files whose size and mtime match', async () => {
    // Proves the cache is really read: a doctored entry shows up until --no-cache or a change.
    const root = brokenRepo();
    age(root, ['accounts/andes-agro.yaml']);
    await validate(root);
    doctorFiles(root, storedKey(root), (entries) => (entries['accounts/andes-agro.yaml'].result.findings[0].message = 'doctored'));
    expect((await validate(root)).stdout).toContain('doctored');
    expect((await validate(root, ['--no-cache'])).stdout).not.toContain('doctored');
    // In CI no cache is trusted: a change could commit a crafted one to hide findings.
    const ci = await validate(root, [], { CI: 'true' });
    expect(ci.stdout).not.toContain('doctored');
    expect(ci.cached).toBe(0);
  });

  it('ignores entries edited behind its back (their checksum no longer matches)', async () => {
    const root = brokenRepo();
    age(root, ['accounts/andes-agro.yaml']);
    await validate(root);
    const path = join(root, ...CACHE);
    const [header, body] = readFileSync(path, 'utf8').split('\n') as [string, string];
    writeFileSync(path, `${header}\n${body.replace(/"message":"[^"]*"/, '"message":"doctored"')}`);
    const run = await validate(root);
    expect(run.stdout).not.toContain('doctored');
    expect(run.parsed).toBe(run.files);
  });

  it('survives a corrupt cache file and damaged or misshapen entries', async () => {
    const root = brokenRepo();
    const expected = (await validate(root, ['--no-cache'])).stdout;
    await validate(root);
    const path = join(root, ...CACHE);
    writeFileSync(path, '{"format":1,"key":"trunc');
    const afterGarbage = await validate(root);
    expect(afterGarbage.stdout).toBe(expected);
    expect(afterGarbage.parsed).toBe(afterGarbage.files);
    expect(readCacheFile(path, storedKey(root))).toBeTypeOf('object'); // rebuilt
    doctorFiles(root, storedKey(root), (entries) => {
      entries['plans/banco-austral.yaml'].result = { garbage: true };
      entries['accounts/andes-agro.yaml'] = 42;
      entries['plans/calloway-health.yaml'].result.findings = [{ rule: 7 }];
      entries['accounts/banco-austral.yaml'].ctimeMs = 'yesterday';
    });
    const afterDamage = await validate(root);
    expect(afterDamage.stdout).toBe(expected);
    expect(afterDamage.parsed).toBe(4);
  });

  it('--no-cache neither reads nor writes a cache', async () => {
    const root = brokenRepo();
    await validate(root, ['--no-cache']);
    expect(existsSync(join(root, '.kam'))).toBe(false);
  });

  it('lives in node_modules/.cache/kam when the repo has node_modules', async () => {
    const root = brokenRepo();
    mkdirSync(join(root, 'node_modules'));
    await validate(root);
    expect(existsSync(join(root, 'node_modules', '.cache', 'kam', 'files.json'))).toBe(true);
    expect(existsSync(join(root, '.kam'))).toBe(false);
    expect((await validate(root)).parsed).toBe(0);
  });

  it('keeps .kam/ out of git with its own .gitignore', async () => {
    const root = brokenRepo();
    await validate(root);
    expect(readFileSync(join(root, '.kam', '.gitignore'), 'utf8')).toContain('*');
  });

  it('is not used by the loader unless asked for', async () => {
    const root = brokenRepo();
    let stats: LoadStats | undefined;
    await loadRepo(root, { onStats: (s) => (stats = s) });
    expect(stats!.parsed).toBe(stats!.files);
    expect(existsSync(join(root, '.kam'))).toBe(false);
  });
});

describe('-0', () => {
  it('loads as 0, so a fresh run and a cached one print the same', async () => {
    const root = copyRepo(EXAMPLE);
    const file = join(root, 'accounts/andes-agro.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('current: 90000', 'current: -0'));
    age(root, ['accounts/andes-agro.yaml']);
    const loaded = await loadRepo(root);
    expect(loaded.ok && Object.is(loaded.repo.accounts.find((a) => a.id === 'andes-agro')!.value!.revenue!.current, 0)).toBe(true);
    const render = (cache: boolean) => kam(['render', 'andes-agro'], { cwd: root, cache });
    const fresh = await render(false);
    expect(fresh.code, fresh.stderr).toBe(0);
    await render(true);
    const cached = await render(true);
    expect(cached.stdout).toBe(fresh.stdout);
    expect(fresh.stdout).not.toContain('-$0');
  });
});

describe('worker threads', () => {
  // The bundle's worker (npm run build): worker threads run built code, never TypeScript.
  const workerScript = fileURLToPath(new URL('../../../dist/worker.cjs', import.meta.url));
  const load = async (root: string, workers: number) => {
    let stats: LoadStats | undefined;
    const result = await loadRepo(root, { workers, workerScript, cache: true, onStats: (s) => (stats = s) });
    expect(result.ok).toBe(true);
    return { findings: result.ok ? result.repo.findings : [], stats: stats! };
  };

  it('produce the same findings as loading in one thread, and fill the cache alike', async () => {
    expect(existsSync(workerScript), 'run npm run build first').toBe(true);
    const root = brokenRepo();
    const inThread = await loadRepo(root, { workers: 0 });
    for (const n of [1, 2]) {
      const pooled = await loadRepo(root, { workers: n, workerScript });
      expect(pooled).toEqual(inThread);
    }
    const first = await load(root, 2);
    expect(first.stats.workers).toBe(2);
    const again = await load(root, 2);
    expect(again.stats.parsed).toBe(0);
    expect(again.findings).toEqual(first.findings);
  });

  it('report unreadable files like the main thread', async () => {
    const root = brokenRepo();
    mkdirSync(join(root, 'plans', 'folder.yaml'));
    const inThread = await loadRepo(root, { workers: 0 });
    const pooled = await loadRepo(root, { workers: 2, workerScript });
    expect(pooled).toEqual(inThread);
    expect(JSON.stringify(pooled)).toContain('is a folder');
  });
});
