import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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

describe('the cache of whole results (check and score)', () => {
  const RUN = (command: string) => join('.kam', 'cache', `run-${command}.json`);
  const repoFiles = (root: string) => ['kam.yaml', ...['accounts', 'plans'].flatMap((d) => readdirSync(join(root, d)).map((f) => `${d}/${f}`))];
  /** The broken example with every file older than the 2 s in which kam distrusts mtimes. */
  const agedRepo = () => {
    const root = brokenRepo();
    // Reviewed, so that no plan sends kam to git history (runs that read it are not stored).
    writeFileSync(join(root, 'plans/ghost.yaml'), 'account: nobody\nperiod: FY2027\nlast_reviewed: 2026-11-01\n');
    age(root, repoFiles(root));
    return root;
  };
  const check = (root: string, args: string[] = [], env: Record<string, string> = {}) => runKam(['check', '-f', 'json', '--today', '2026-11-23', ...args], { cwd: root, env });
  const doctor = (root: string, command: string, edit: (value: any) => void) => {
    const path = join(root, RUN(command));
    const data = JSON.parse(readFileSync(path, 'utf8'));
    edit(data.value);
    writeFileSync(path, JSON.stringify(data));
  };

  it('reuses the result of a check on unchanged files, identical to a full run', () => {
    const root = agedRepo();
    const full = check(root, ['--no-cache']);
    const first = check(root);
    expect(existsSync(join(root, RUN('check')))).toBe(true);
    const second = check(root);
    expect(second).toEqual(first);
    expect(second.stdout).toBe(full.stdout);
    expect(second.code).toBe(1);
    // Proof that the second run read the stored result: a doctored one shows up...
    doctor(root, 'check', (v) => (v.findings[0].message = 'doctored'));
    expect(check(root).stdout).toContain('doctored');
    // ...but never with --no-cache, in CI, or for other options.
    expect(check(root, ['--no-cache']).stdout).not.toContain('doctored');
    expect(check(root, [], { CI: 'true' }).stdout).not.toContain('doctored');
    expect(check(root, ['--today', '2026-12-01']).stdout).not.toContain('doctored');
    expect(check(root, ['--rule', 'stale_plan=off']).stdout).not.toContain('doctored');
  });

  it('is invalidated by a change to any repo file or to kam.yaml, whatever its mtime', () => {
    for (const file of ['plans/banco-austral.yaml', 'accounts/andes-agro.yaml', 'kam.yaml']) {
      const root = agedRepo();
      check(root);
      doctor(root, 'check', (v) => (v.findings[0].message = 'doctored'));
      const path = join(root, file);
      writeFileSync(path, `${readFileSync(path, 'utf8')}# edited\n`);
      age(root, [file]);
      const after = check(root);
      expect(after.stdout, file).not.toContain('doctored');
      expect(after.stdout).toBe(check(root, ['--no-cache']).stdout);
    }
  });

  it('sees a new or a removed file', () => {
    const root = agedRepo();
    check(root);
    doctor(root, 'check', (v) => (v.findings[0].message = 'doctored'));
    const ghost = join(root, 'plans/ghost.yaml');
    writeFileSync(join(root, 'plans/phantom.yaml'), readFileSync(ghost));
    age(root, ['plans/phantom.yaml']);
    expect(check(root).stdout).toContain('plans/phantom.yaml');
    rmSync(join(root, 'plans/phantom.yaml'));
    rmSync(ghost);
    const after = check(root);
    expect(after.stdout).not.toContain('doctored');
    expect(after.stdout).not.toContain('plans/ghost.yaml');
  });

  it('stores nothing while a file changed in the last two seconds, or when git history was read', () => {
    const fresh = brokenRepo(); // copied just now: every mtime is recent
    check(fresh);
    expect(existsSync(join(fresh, RUN('check')))).toBe(false);
    const root = agedRepo();
    const plan = join(root, 'plans/calloway-health.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^last_reviewed:.*\n/m, ''));
    age(root, ['plans/calloway-health.yaml']);
    check(root);
    expect(existsSync(join(root, RUN('check')))).toBe(false);
  });

  it('reuses the result of score, identical to a full run', () => {
    const root = agedRepo();
    const full = runKam(['score'], { cwd: root, env: { NO_COLOR: '1' } });
    runKam(['score'], { cwd: root });
    expect(existsSync(join(root, RUN('score')))).toBe(true);
    const again = runKam(['score'], { cwd: root, env: { NO_COLOR: '1' } });
    expect(again).toEqual(full);
    doctor(root, 'score', (v) => (v.portfolio.accounts[0].name = 'Doctored Inc'));
    expect(runKam(['score', '-f', 'json'], { cwd: root }).stdout).toContain('Doctored Inc');
    expect(runKam(['score', '-f', 'json', '--no-cache'], { cwd: root }).stdout).not.toContain('Doctored Inc');
  });
});
