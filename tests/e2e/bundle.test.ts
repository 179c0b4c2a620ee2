// The built kam is dist/cli.cjs, compiled and run by bin/bundle.js with V8's code cache
// (dist/cli.cache), which the build makes. The cache must be the one for this bundle and this
// node; a cache that is missing, damaged, made for another build, or older than an edit of the
// bundle must cost speed only: kam then runs the bundle as it is, with the same output.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, runKam } from '../helpers/kam.js';
import { tmpDir } from '../helpers/tmpRepo.js';

const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
const TODAY = '2026-11-23';
const { version } = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string };

type Bundle = { cli: { main(argv: string[], io: unknown): Promise<number> }; cached: boolean };
const loadBundle = async (pkg: string): Promise<Bundle> =>
  ((await import(pathToFileURL(join(PACKAGE, 'bin', 'bundle.js')).href)) as { loadBundle(dist: URL): Bundle }).loadBundle(pathToFileURL(join(pkg, 'dist') + '/'));

/** A copy of the installed package (bin, dist, templates, package.json) to damage. */
function copyPackage(): string {
  const dir = tmpDir('kam-package-');
  for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(PACKAGE, part), join(dir, part), { recursive: true });
  return dir;
}

function runFrom(pkg: string, args: string[]) {
  const r = spawnSync(process.execPath, [join(pkg, 'bin', 'kam.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '' }, cwd: EXAMPLE });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CHECK = ['check', '-f', 'json', '--today', TODAY, '--no-cache'];

describe('the bundle and its code cache', () => {
  it('the build made the code cache for this bundle and this node, and V8 takes it', async () => {
    // V8 takes a cache only under the flags it was made with: NODE_OPTIONS that change V8's flags
    // for the tests but not for the build make it refuse the cache, and the message says so.
    expect((await loadBundle(PACKAGE)).cached, 'run npm run build first; V8 refused dist/cli.cache (other node flags?)').toBe(true);
  });

  it('kam --version, answered without loading the bundle, is what the bundle itself prints', async () => {
    const fast = runKam(['--version']);
    expect(fast).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    let printed = '';
    const sink = { write: (s: string) => ((printed += s), true) };
    const { cli } = await loadBundle(PACKAGE);
    expect(await cli.main(['--version'], { cwd: EXAMPLE, env: {}, stdout: sink, stderr: sink, stdin: process.stdin })).toBe(0);
    expect(printed).toBe(fast.stdout);
    expect(runKam(['-V']).stdout).toBe(fast.stdout);
  });

  const expected = () => runKam(CHECK, { cwd: EXAMPLE });

  // What each case makes of the cache file; undefined: no cache file at all.
  const damages: [string, (cache: Buffer) => Buffer | undefined][] = [
    ['missing', () => undefined],
    ['truncated', (cache) => cache.subarray(0, cache.length >> 1)],
    ['made for another build', (cache) => Buffer.from(cache.toString('latin1').replace(/"bundle":"\/\/ kam [^"]+"/, '"bundle":"// kam 0.0.0+0000000000000000"'), 'latin1')],
    ['a valid header over bytes that are no V8 data', (cache) => Buffer.concat([cache.subarray(0, cache.indexOf(0x0a) + 1), Buffer.alloc(4096, 0x5a)])],
  ];
  it.each(damages)('a cache that is %s: kam runs and prints the same', async (_what, damage) => {
    const pkg = copyPackage();
    const cacheFile = join(pkg, 'dist', 'cli.cache');
    const damaged = damage(readFileSync(cacheFile));
    if (damaged === undefined) rmSync(cacheFile);
    else writeFileSync(cacheFile, damaged);
    expect((await loadBundle(pkg)).cached).toBe(false);
    const want = expected();
    expect(want.code).toBe(1);
    expect(runFrom(pkg, CHECK)).toEqual(want);
  });

  it('a bundle edited after the build runs as edited, not as the cache remembers it (same length, same first line)', async () => {
    const pkg = copyPackage();
    const bundle = join(pkg, 'dist', 'cli.cjs');
    const text = readFileSync(bundle, 'utf8');
    const edited = text.replaceAll('plural(total, "problem")} (', 'plural(total, "PROBLEM")} (');
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    writeFileSync(bundle, edited);
    expect((await loadBundle(pkg)).cached).toBe(false);
    const run = runFrom(pkg, ['check', '--today', TODAY, '--no-cache']);
    expect(run.stdout).toMatch(/✖ \d+ PROBLEMs \(/);
  });

  it('making the cache touches no other repo, even from inside a git hook (GIT_DIR, GIT_INDEX_FILE set)', () => {
    const pkg = copyPackage();
    cpSync(join(PACKAGE, 'scripts', 'codecache.mjs'), join(pkg, 'scripts', 'codecache.mjs'));
    cpSync(EXAMPLE, join(pkg, 'examples', 'northwind-analytics'), { recursive: true });
    rmSync(join(pkg, 'dist', 'cli.cache'));
    const hooked = tmpDir('kam-hooked-');
    const git = (args: string[], env: NodeJS.ProcessEnv = process.env) => spawnSync('git', args, { cwd: hooked, encoding: 'utf8', env });
    git(['init', '-q']);
    writeFileSync(join(hooked, 'mine.txt'), 'mine\n');
    git(['add', 'mine.txt']);
    const before = git(['ls-files', '--stage']).stdout;
    const gitDir = join(hooked, '.git');
    const made = spawnSync(process.execPath, [join(pkg, 'scripts', 'codecache.mjs')], { encoding: 'utf8', env: { ...process.env, GIT_DIR: gitDir, GIT_INDEX_FILE: join(gitDir, 'index'), GIT_WORK_TREE: hooked } });
    expect(made.status, made.stderr).toBe(0);
    expect(git(['ls-files', '--stage']).stdout).toBe(before);
    expect(git(['rev-parse', '--verify', '-q', 'HEAD']).status).not.toBe(0); // no commit was made in it
    return loadBundle(pkg).then((b) => expect(b.cached).toBe(true));
  });

  it('a copy without dist/ says it is not built, and how to build it', () => {
    const pkg = copyPackage();
    rmSync(join(pkg, 'dist'), { recursive: true });
    for (const args of [['check'], ['--version']]) {
      const run = runFrom(pkg, args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^kam: this copy of kam is not built \(no dist\/cli\.cjs\)\. In a clone of kam run `npm install && npm run build`/);
      expect(run.stdout).toBe('');
    }
  });
});
