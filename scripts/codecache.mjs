// Makes dist/cli.cache, V8's compiled code for dist/cli.cjs (bin/bundle.js says why): runs kam's
// commands in this process on a copy of the bundled example (a git repo of one commit, so the
// commands that read history run too), then saves what V8 compiled meanwhile. Run by
// scripts/build.mjs in a process of its own, with node's default flags (V8 takes the cache only
// under the flags it was made with). Whatever a command prints is dropped; a command that fails
// only leaves its functions out of the cache. Each command runs once or twice (a cold and a warm
// run), about 2 s in all; what the runs leave out is compiled when first used, as without a cache.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../bin/bundle.js';

// The build may run inside a git hook or another repo's script, with GIT_DIR, GIT_INDEX_FILE or
// GIT_WORK_TREE pointing at that repo: this process (and kam's git calls, which take its
// environment) must only ever touch the copy.
for (const name of Object.keys(process.env)) if (name.startsWith('GIT_')) delete process.env[name];

const example = fileURLToPath(new URL('../examples/northwind-analytics', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kam-codecache-'));
try {
  const repo = join(work, 'repo');
  cpSync(example, repo, { recursive: true });
  const env = { ...process.env, GIT_AUTHOR_NAME: 'kam build', GIT_AUTHOR_EMAIL: 'build@kam.invalid', GIT_COMMITTER_NAME: 'kam build', GIT_COMMITTER_EMAIL: 'build@kam.invalid', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'example']]) spawnSync('git', args, { cwd: repo, env, stdio: 'ignore' });

  const { cli, saveCache } = loadBundle(new URL('../dist/', import.meta.url), { train: true });
  const sink = { write: () => true };
  const io = { cwd: repo, env: { ...process.env, NO_COLOR: '1', CI: '' }, stdout: sink, stderr: sink, stdin: process.stdin };
  const out = (name) => join(work, name);
  const account = 'banco-austral';
  const runs = [
    ['--version'],
    ['--help'],
    ['check'],
    ['check'], // the warm run: the result cache
    ['check', '-f', 'json'],
    ['check', '-f', 'sarif'],
    ['check', '-f', 'github'],
    ['validate'],
    ['score'],
    ['score'],
    ['score', '-f', 'json'],
    ['health'],
    ['health', '-f', 'json'],
    ['pipeline'],
    ['agenda'],
    ['map', account],
    ['diff', 'HEAD'],
    ['trend'],
    ['history', account],
    ['export'],
    ['export', 'contacts'],
    ['codeowners'],
    ['digest', '--all'],
    ['render', account],
    ['render', account, '-f', 'html'],
    ['render', '--portfolio', '--out', out('md')],
    ['render', '--portfolio', '-f', 'html', '--out', out('html')],
    ['render', account, '--audience', 'customer', '-f', 'html', '--out', out('customer')],
    ['render', account, '--template', 'qbr', '--since', 'HEAD', '-f', 'html', '--out', out('qbr')],
    ['site', '--out', out('site')],
  ];
  for (const argv of runs) await cli.main(argv, io);
  saveCache();
} finally {
  rmSync(work, { recursive: true, force: true });
}
