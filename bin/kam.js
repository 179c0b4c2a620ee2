#!/usr/bin/env node
import { bundleVersion, loadBundle } from './bundle.js';

const dist = new URL('../dist/', import.meta.url);
const argv = process.argv.slice(2);

// `kam --version` alone is answered from the bundle's first line, which names its build, without
// compiling the bundle: the same text commander prints (tests/e2e/bundle.test.ts), at the cost of
// node's own start-up only.
const version = argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V') ? bundleVersion(dist) : undefined;
if (version !== undefined) {
  process.stdout.write(`${version}\n`);
} else {
  // dist/ is the build (npm run build). A clone that was not built, or a git install of a commit
  // that is no release tag, has none: say so instead of Node's "no such file".
  let cli;
  try {
    ({ cli } = loadBundle(dist));
  } catch (err) {
    if (err?.code !== 'ENOENT' || !/dist[\\/]cli\.cjs$/.test(String(err.path))) throw err;
    process.stderr.write(
      'kam: this copy of kam is not built (no dist/cli.cjs). In a clone of kam run `npm install && npm run build`;\n' +
        'otherwise install a release tag (npm install -g github:owner/kam#v1.2.3) or a packed tarball.\n',
    );
    process.exit(2);
  }
  cli.installProcessHandlers();
  process.exitCode = await cli.main(argv);
}
