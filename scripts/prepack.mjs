// npm's `prepack` step (npm pack, npm publish, and npm's own packing of a git dependency): builds
// dist/ where it can, keeps a committed release build where it cannot.
//
// How kam installs, and why this is `prepack` and not `prepare`:
//   - kam has no runtime dependencies: dist/ bundles them all (scripts/build.mjs), so installing
//     the package fetches nothing and works offline.
//   - A tarball (npm pack, a private registry) carries dist/. Its package.json has no install
//     script (`prepare`, `postinstall`...), so npm 11 prints no "install scripts not yet covered by
//     allowScripts" warning and npm runs nothing on the user's machine.
//   - A git URL (`npm install -g github:owner/kam#v0.1.0`, `git+https://…#v0.1.0`) installs a
//     release tag, which scripts/release.mjs makes: the commit plus its dist/, with no `build` or
//     `prepack` script in that commit's package.json, so npm packs the clone as it is. (npm installs
//     a global git dependency without devDependencies, so esbuild is missing there, and npm 10 and
//     11 link a global git dependency that has such a script to its deleted temporary clone.)
//   - A clone of a branch builds with `npm run build` (npm test and npm run bench do it first).
// Three cases here:
//   - esbuild is installed (a clone after `npm install`): build.
//   - no esbuild, but dist/ holds a build (a release tag): keep it, say nothing.
//   - neither (a git install of a branch or a commit that is no release): fail, saying what to
//     install instead, rather than npm's "Cannot find package 'esbuild'".
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url);

function hasEsbuild() {
  try {
    require.resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

if (hasEsbuild()) {
  await import('./build.mjs');
} else if (existsSync(new URL('dist/cli.cjs', root)) && existsSync(new URL('dist/worker.cjs', root))) {
  // A release build: nothing to do.
} else {
  process.stderr.write(
    'kam: this commit has no release build (dist/) and esbuild is not installed to make one.\n' +
      'Install kam from a release tag (npm install -g github:owner/kam#v1.2.3, made by scripts/release.mjs),\n' +
      'from a packed tarball (npm pack), or build a clone with `npm install && npm run build`.\n',
  );
  process.exit(1);
}
