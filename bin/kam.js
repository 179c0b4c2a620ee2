#!/usr/bin/env node
// dist/ is the build (npm run build). A clone that was not built, or a git install of a commit that
// is no release tag, has none: say so instead of Node's "Cannot find module".
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !/dist[\\/]cli\.js/.test(String(err.message))) throw err;
  process.stderr.write(
    'kam: this copy of kam is not built (no dist/cli.js). In a clone of kam run `npm install && npm run build`;\n' +
      'otherwise install a release tag (npm install -g github:owner/kam#v1.2.3) or a packed tarball.\n',
  );
  process.exit(2);
}
cli.installProcessHandlers();
process.exitCode = await cli.main(process.argv.slice(2));
