// Makes the release tag v<version> (version from package.json) that `npm install -g
// github:owner/kam#v<version>` and `git+https://…/kam.git#v<version>` install from.
//
// The tag points at a commit of its own: HEAD plus the built dist/. No branch moves and nothing in
// the work tree changes (the commit is made from a temporary index), so dist/ stays out of the
// history developers work on (it is in .gitignore) while every release tag carries the build.
// Why the build must be committed: npm installs a git dependency globally without its
// devDependencies, so it cannot build there (scripts/prepack.mjs explains every install route).
//
// Usage: node scripts/release.mjs, on a clean checkout of the commit to release, after
// `npm install`; then `git push origin v<version>`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const tag = `v${version}`;

const git = (args, env = {}) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } }).trim();

function fail(message) {
  process.stderr.write(`release: ${message}\n`);
  process.exit(2);
}

if (git(['status', '--porcelain', '--untracked-files=no'])) fail('the work tree has uncommitted changes: commit them first (the tag must be a commit plus its build)');
try {
  git(['rev-parse', '--verify', '--quiet', `refs/tags/${tag}`]);
  fail(`tag ${tag} exists already: raise "version" in package.json for a new release`);
} catch {
  // no such tag: good
}

execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });

const tmp = mkdtempSync(join(tmpdir(), 'kam-release-'));
try {
  const env = { GIT_INDEX_FILE: join(tmp, 'index') };
  git(['read-tree', 'HEAD'], env);
  git(['add', '--force', '--', 'dist'], env);
  // The tag's package.json has no `build` and no `prepack` script: its build is there, so npm
  // packs the clone as it is and runs nothing. This matters: npm 10 and 11 install a global git
  // dependency that has a `build`, `prepack` or `prepare` script as a link to the temporary clone
  // npm deletes right after, so `kam` would not be found (tests/e2e/gitInstall.test.ts).
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const script of ['build', 'prepack', 'prepare']) delete pkg.scripts[script];
  const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: root, input: `${JSON.stringify(pkg, null, 2)}\n`, encoding: 'utf8' }).trim();
  git(['update-index', '--cacheinfo', `100644,${blob},package.json`], env);
  const tree = git(['write-tree'], env);
  const commit = git(['commit-tree', tree, '-p', 'HEAD', '-m', `Release ${tag}: the commit before it plus its build (dist/)`]);
  git(['tag', '--annotate', tag, commit, '-m', `kam ${version}`]);
  process.stdout.write(`tagged ${tag} (${commit.slice(0, 12)}: HEAD plus dist/); publish it with: git push origin ${tag}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
