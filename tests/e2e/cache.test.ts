import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, runKam } from '../helpers/kam.js';
import { copyRepo } from '../helpers/tmpRepo.js';

/** A copy of the example with problems in a few files, so findings have something to compare. */
function brokenRepo(): string {
  const root = copyRepo(EXAMPLE);
  const edit = (file: string, from: string, to: string) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).toContain(from);
    writeFileSync(join(root, file), text.replace(from, to));
  };
  edit('plans/banco-austral.yaml', '    influence: high\n', '    influence: huge\n');
  edit('plans/kestrel-retail.yaml', 'stage:', 'stage: [unclosed\nstagex:');
  edit('accounts/andes-agro.yaml', 'ratings:\n', 'ratings:\n  bogus: 9\n');
  writeFileSync(join(root, 'plans/ghost.yaml'), 'account: nobody\nperiod: FY2027\n');
  return root;
}

const CACHE = ['.kam', 'cache', 'files.json'];
/** `kam validate -f json` with load statistics on stderr (KAM_STATS is internal, for tests). */
const validate = (root: string, args: string[] = [], env: Record<string, string> = {}) => {
  const run = runKam(['validate', '-f', 'json', ...args], { cwd: root, env: { KAM_STATS: '1', ...env } });
  const stats = /kam: stats: (\d+) files, (\d+) cached, (\d+) cached by hash, (\d+) parsed, (\d+) workers/.exec(run.stderr);
  expect(stats, run.stderr).not.toBeNull();
  const [files, cached, byHash, parsed, workers] = stats!.slice(1).map(Number) as [number, number, number, number, number];
  return { code: run.code, stdout: run.stdout, files, cached, byHash, parsed, workers };
};
/** Makes every repo file look old, so the cache trusts size+mtime (it distrusts files changed within 2 s). */
const age = (root: string, files: string[]) => {
  const old = new Date(Date.now() - 60_000);
  for (const f of files) utimesSync(join(root, f), old, old);
};

describe('the cache of loaded files', () => {
  it('gives the same findings as a cold run, and is used on the second run', () => {
    const root = brokenRepo();
    const cold = validate(root, ['--no-cache']);
    expect(cold.code).toBe(1);
    expect(JSON.parse(cold.stdout).findings.length).toBeGreaterThan(3);
    const first = validate(root);
    expect(first).toMatchObject({ parsed: first.files, cached: 0 });
    expect(first.stdout).toBe(cold.stdout);
    expect(existsSync(join(root, ...CACHE))).toBe(true);
    const second = validate(root);
    expect(second.parsed).toBe(0);
    expect(second.cached + second.byHash).toBe(second.files);
    expect(second.stdout).toBe(cold.stdout);
    expect(second.code).toBe(1);
  });

  it('re-reads a file whose content changed, and only that file', () => {
    const root = brokenRepo();
    validate(root);
    const plan = join(root, 'plans/banco-austral.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('influence: huge', 'influence: high'));
    const run = validate(root);
    expect(run.parsed).toBe(1);
    expect(run.stdout).toBe(validate(root, ['--no-cache']).stdout);
    expect(run.stdout).not.toContain('"huge"');
  });

  it('notices an edit that keeps the size and the mtime (content hash on a recent file)', () => {
    const root = brokenRepo();
    const plan = join(root, 'plans/banco-austral.yaml');
    const stamp = new Date();
    utimesSync(plan, stamp, stamp);
    validate(root);
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('influence: huge', 'influence: hugs'));
    utimesSync(plan, stamp, stamp);
    const run = validate(root);
    expect(run.parsed).toBe(1);
    expect(run.stdout).toContain('found \\"hugs\\"');
  });

  it('keeps an unchanged file whose mtime changed, by its content hash', () => {
    const root = brokenRepo();
    validate(root);
    const now = new Date();
    utimesSync(join(root, 'accounts/andes-agro.yaml'), now, now); // touch
    const run = validate(root);
    expect(run.parsed).toBe(0);
    expect(run.byHash).toBeGreaterThanOrEqual(1);
  });

  it('is invalidated by any change to kam.yaml', () => {
    const root = brokenRepo();
    validate(root);
    expect(validate(root).parsed).toBe(0);
    const config = join(root, 'kam.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\n# a comment changes nothing but the text\n`);
    const run = validate(root);
    expect(run.parsed).toBe(run.files);
    // A change that matters: the schema severity now comes from kam.yaml, and findings follow.
    writeFileSync(config, `${readFileSync(config, 'utf8').replace('rules:\n', 'rules:\n  schema: warning\n')}`);
    const relaxed = validate(root);
    expect(relaxed.parsed).toBe(relaxed.files);
    expect(JSON.parse(relaxed.stdout).findings.filter((f: { rule: string; severity: string }) => f.rule === 'schema').every((f: { severity: string }) => f.severity === 'warning')).toBe(true);
  });

  it('uses cached results without re-reading files whose size and mtime match', () => {
    // Proves the cache is really read: a doctored entry shows up until --no-cache or a change.
    const root = brokenRepo();
    age(root, ['accounts/andes-agro.yaml']);
    validate(root);
    const path = join(root, ...CACHE);
    const cache = JSON.parse(readFileSync(path, 'utf8'));
    cache.entries['accounts/andes-agro.yaml'].result.findings[0].message = 'doctored';
    writeFileSync(path, JSON.stringify(cache));
    expect(validate(root).stdout).toContain('doctored');
    expect(validate(root, ['--no-cache']).stdout).not.toContain('doctored');
    // In CI no cache is trusted: a change could commit a crafted one to hide findings.
    const ci = validate(root, [], { CI: 'true' });
    expect(ci.stdout).not.toContain('doctored');
    expect(ci.cached).toBe(0);
  });

  it('survives a corrupt cache file and a damaged entry', () => {
    const root = brokenRepo();
    const expected = validate(root, ['--no-cache']).stdout;
    validate(root);
    const path = join(root, ...CACHE);
    writeFileSync(path, '{"format":1,"key":"trunc');
    const afterGarbage = validate(root);
    expect(afterGarbage.stdout).toBe(expected);
    expect(afterGarbage.parsed).toBe(afterGarbage.files);
    expect(() => JSON.parse(readFileSync(path, 'utf8'))).not.toThrow(); // rebuilt
    const cache = JSON.parse(readFileSync(path, 'utf8'));
    cache.entries['plans/banco-austral.yaml'].result = { garbage: true };
    cache.entries['accounts/andes-agro.yaml'] = 42;
    writeFileSync(path, JSON.stringify(cache));
    const afterDamage = validate(root);
    expect(afterDamage.stdout).toBe(expected);
    expect(afterDamage.parsed).toBe(2);
  });

  it('--no-cache neither reads nor writes a cache', () => {
    const root = brokenRepo();
    validate(root, ['--no-cache']);
    expect(existsSync(join(root, '.kam'))).toBe(false);
  });

  it('lives in node_modules/.cache/kam when the repo has node_modules', () => {
    const root = brokenRepo();
    mkdirSync(join(root, 'node_modules'));
    validate(root);
    expect(existsSync(join(root, 'node_modules', '.cache', 'kam', 'files.json'))).toBe(true);
    expect(existsSync(join(root, '.kam'))).toBe(false);
    expect(validate(root).parsed).toBe(0);
  });

  it('keeps .kam/ out of git with its own .gitignore', () => {
    const root = brokenRepo();
    validate(root);
    expect(readFileSync(join(root, '.kam', '.gitignore'), 'utf8')).toContain('*');
  });
});

describe('worker threads', () => {
  it('produce the same findings as loading in one thread', () => {
    const root = brokenRepo();
    const inThread = validate(root, ['--no-cache'], { KAM_WORKERS: '0' });
    expect(inThread.workers).toBe(0);
    for (const n of ['1', '2']) {
      const pooled = validate(root, ['--no-cache'], { KAM_WORKERS: n });
      expect(pooled.workers).toBe(Number(n));
      expect(pooled.stdout).toBe(inThread.stdout);
      expect(pooled.code).toBe(inThread.code);
    }
  });

  it('fill the cache like the main thread does', () => {
    const root = brokenRepo();
    const pooled = validate(root, [], { KAM_WORKERS: '2' });
    const again = validate(root, [], { KAM_WORKERS: '2' });
    expect(again.parsed).toBe(0);
    expect(again.stdout).toBe(pooled.stdout);
  });

  it('report unreadable files like the main thread', () => {
    const root = brokenRepo();
    mkdirSync(join(root, 'plans', 'folder.yaml'));
    const inThread = validate(root, ['--no-cache'], { KAM_WORKERS: '0' });
    const pooled = validate(root, ['--no-cache'], { KAM_WORKERS: '2' });
    expect(pooled.stdout).toBe(inThread.stdout);
    expect(pooled.stdout).toContain('is a folder');
  });
});

describe('progress', () => {
  it('never writes progress when stderr is not a terminal', () => {
    const run = runKam(['validate'], { cwd: EXAMPLE, env: { KAM_PROGRESS_DELAY_MS: '0' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});
