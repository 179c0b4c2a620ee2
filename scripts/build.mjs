// Bundles src/ into dist/ with code splitting: the entry holds only the command
// table, and each command's action lazily imports what it needs (yaml, zod,
// handlebars), so `kam --version` does not pay for parsing or rendering.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  // worker.js: the worker-thread entry for parsing many files in parallel (src/load/workerPool.ts).
  entryPoints: { cli: 'src/cli/main.ts', worker: 'src/load/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __KAM_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
