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
  // Dependencies are bundled too: resolving and loading dozens of package files at every start
  // costs more than the commands themselves on small repos. handlebars stays external (its
  // CommonJS build requires files by computed paths).
  external: ['handlebars'],
  banner: { js: "import { createRequire as __kamCreateRequire } from 'node:module'; const require = __kamCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __KAM_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
