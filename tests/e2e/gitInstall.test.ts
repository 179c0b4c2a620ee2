import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { initConfig, initFiles } from '../../src/init/init.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// Every install route README, docs/ci.md and the pipelines `kam init --ci` writes name, as a fresh
// machine runs them: a release tag installed globally from git (here a bare repo reached by
// git+file://, which npm clones as it clones git+https://), a packed tarball. Each install runs
// with an empty npm cache and --offline: kam has no runtime dependency, so none needs the registry.
// Needs git and npm, nothing else.

let work: string;
let bare: string;
let src: string;

/** npm's environment without what `npm test` exports into it (npm_config_*, npm_lifecycle_*...). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  const home = join(work, 'home');
  mkdirSync(home, { recursive: true });
  const userconfig = join(home, '.npmrc');
  writeFileSync(userconfig, '');
  return { ...env, HOME: home, npm_config_userconfig: userconfig, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

/** A fresh prefix and cache, offline: an install that tried the registry would fail. */
function npmEnv(name: string): { env: NodeJS.ProcessEnv; bin: string } {
  const prefix = join(work, `prefix-${name}`);
  const env = cleanEnv({ npm_config_prefix: prefix, npm_config_cache: join(work, `cache-${name}`), npm_config_offline: 'true' });
  return { env, bin: join(prefix, 'bin') };
}

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? work, env: opts.env ?? cleanEnv({}), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const git = (args: string[], cwd: string) =>
  execFileSync('git', ['-c', 'user.name=Release', '-c', 'user.email=release@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The installed kam's first day: version, init, check, score in the new repo (run once per install, see installOnce). */
const days = new Map<string, { version: ReturnType<typeof run>; init: ReturnType<typeof run>; check?: ReturnType<typeof run>; score?: ReturnType<typeof run> }>();
function firstDay(bin: string, env: NodeJS.ProcessEnv) {
  let day = days.get(bin);
  if (!day) {
    const kam = join(bin, 'kam');
    const dir = join(work, `day-${readdirSync(work).length}`);
    const version = run(kam, ['--version'], { env });
    const init = run(kam, ['init', dir, '--yes'], { env });
    day = init.status === 0 ? { version, init, check: run(kam, ['check'], { cwd: dir, env }), score: run(kam, ['score', '--format', 'json'], { cwd: dir, env }) } : { version, init };
    days.set(bin, day);
  }
  const { version, init, check, score } = day;
  expect(version.stderr).toBe('');
  expect(version.stdout.trim()).toBe(VERSION);
  expect(init.status, init.stderr).toBe(0);
  expect(check!.status, check!.stdout + check!.stderr).toBe(0);
  expect(score!.status, score!.stderr).toBe(0);
  expect(JSON.parse(score!.stdout)).toBeTruthy();
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kam-gitinstall-'));
  // The project as it is in this work tree (tracked and new files), committed in a repo of its own,
  // then released as scripts/release.mjs releases: the tag v<version> is that commit plus dist/.
  src = join(work, 'src');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const f of files) {
    try {
      cpSync(join(ROOT, f), join(src, f), { recursive: false, verbatimSymlinks: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // deleted in the work tree
    }
  }
  git(['init', '-q'], src);
  git(['add', '-A'], src);
  git(['commit', '-q', '-m', 'kam'], src);
  // After `npm install` (the release is made from a clone with its devDependencies): ours.
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
  execFileSync(process.execPath, ['scripts/release.mjs'], { cwd: src, env: { ...process.env, GIT_AUTHOR_NAME: 'Release', GIT_AUTHOR_EMAIL: 'r@example.com', GIT_COMMITTER_NAME: 'Release', GIT_COMMITTER_EMAIL: 'r@example.com' }, stdio: 'pipe' });
  bare = join(work, 'kam.git');
  git(['clone', '-q', '--bare', src, bare], work);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * Runs an install step once per distinct step text: the GitHub and GitLab pipelines kam init writes
 * name the same step today (`npm install --global "$KAM_PACKAGE"`), and the same step installing the
 * same package gives the same result, so the second pipeline's test checks the first one's install
 * (a step that differed would be run on its own), and the first day of the installed kam is run
 * once per install too: both tests assert on the same runs.
 */
const installs = new Map<string, { install: ReturnType<typeof run>; env: NodeJS.ProcessEnv; bin: string }>();
function installOnce(step: string, ci: string) {
  let done = installs.get(step);
  if (!done) {
    const { env, bin } = npmEnv(ci);
    env.KAM_PACKAGE = `git+file://${bare}#v${VERSION}`;
    done = { install: run('sh', ['-c', step], { env }), env, bin };
    installs.set(step, done);
  }
  return done;
}

describe('installing kam', () => {
  it('the release tag carries the build and no script npm would run', () => {
    const pkg = JSON.parse(git(['show', `v${VERSION}:package.json`], bare)) as { scripts: Record<string, string>; dependencies?: object };
    expect(Object.keys(pkg.scripts)).not.toContain('prepack');
    expect(Object.keys(pkg.scripts)).not.toContain('build');
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(git(['ls-tree', '--name-only', `v${VERSION}`, 'dist/'], bare)).toContain('dist/cli.cjs');
    // The branch itself stays without dist/ (it is in .gitignore).
    expect(git(['ls-tree', '--name-only', 'main', 'dist/'], bare)).toBe('');
  });

  it.each(['github', 'gitlab'] as const)('the install step of the %s pipeline kam init writes installs the release tag from git, offline, without a warning', (ci) => {
    const files = initFiles(initConfig('Acme', 'USD'), { today: '2026-01-15', version: VERSION, ci });
    const pipeline = parse(files.find((f) => f.path.endsWith(ci === 'github' ? 'kam.yml' : '.gitlab-ci.yml'))!.content);
    const step: string =
      ci === 'github'
        ? (pipeline.jobs.check.steps as { name?: string; run?: string }[]).find((s) => s.name === 'Install kam')!.run!
        : (pipeline.kam.script as string[]).find((s) => s.includes('npm install'))!;
    expect(step).toContain('$KAM_PACKAGE');
    // The default names a tag of this version: the one thing to change is the repository.
    const named: string = ci === 'github' ? pipeline.env.KAM_PACKAGE : pipeline.variables.KAM_PACKAGE;
    expect(named).toMatch(new RegExp(`#v${VERSION.replace(/\./g, '\\.')}$`));
    const { install, env, bin } = installOnce(step, ci);
    expect(env.KAM_PACKAGE).toBe(`git+file://${bare}#v${VERSION}`);
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).toBe('');
    firstDay(bin, env);
  });

  it('a packed tarball installs offline without a warning', () => {
    const packEnv = cleanEnv({ npm_config_cache: join(work, 'cache-pack') });
    const packed = run('npm', ['pack', '--pack-destination', work], { cwd: src, env: packEnv });
    expect(packed.status, packed.stderr).toBe(0);
    const { env, bin } = npmEnv('tarball');
    const install = run('npm', ['install', '--global', join(work, `kam-${VERSION}.tgz`)], { env });
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).toBe('');
    firstDay(bin, env);
  });

  it('packing a copy that has neither esbuild nor a build fails saying what to install instead', () => {
    // What `npm pack` of a git checkout without devDependencies meets (scripts/prepack.mjs).
    const bareCopy = join(work, 'nobuild');
    mkdirSync(join(bareCopy, 'scripts'), { recursive: true });
    cpSync(join(ROOT, 'scripts', 'prepack.mjs'), join(bareCopy, 'scripts', 'prepack.mjs'));
    const r = run(process.execPath, [join(bareCopy, 'scripts', 'prepack.mjs')], { cwd: bareCopy });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('this commit has no release build');
  });
});
