// Builds dist/: src/ bundled into dist/cli.cjs (and the worker threads' dist/worker.cjs), kam's
// templates precompiled (dist/templates-<format>.cjs), and V8's code cache for the bundle
// (dist/cli.cache). Each command's action is imported lazily, so `kam --version` does not pay for
// parsing or rendering.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The files under `dir`, as paths relative to it with `/`, each folder's entries in name order. */
function filesUnder(dir, rel = '') {
  const entries = readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((e) => {
    const path = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(dir, path) : e.isFile() ? [path] : [];
  });
}

/**
 * The build's identity, part of every cache key (src/version.ts, buildId()): a hash of every file
 * under src/ (path and content, in path order, as hashSources() makes it when kam runs from
 * source) and of the dependency lock. Any change to the code gives new keys, so a rebuilt kam
 * never serves what another build cached.
 */
function buildHash() {
  const hash = createHash('sha1');
  const src = fileURLToPath(new URL('../src', import.meta.url));
  for (const path of filesUnder(src)) hash.update(`${path}\0`).update(readFileSync(join(src, path))).update('\0');
  const lock = new URL('../package-lock.json', import.meta.url);
  try {
    hash.update('package-lock.json\0').update(readFileSync(lock));
  } catch {
    // no lock file (a tarball install): src/ alone
  }
  return hash.digest('hex').slice(0, 16);
}

const buildName = `${pkg.version}+${buildHash()}`;
const sourcemaps = process.argv.includes('--sourcemap') || process.env.KAM_SOURCEMAP === '1';

/**
 * zod's `z.locales` namespace: its error messages in 40-odd languages (370 KB, half the zod code
 * in the bundle), which every command that validates would parse at start. kam words its own
 * messages and uses only zod's English default, which zod imports by itself (locales/en.js); the
 * namespace becomes just that one.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir) ? { path: 'zod-locales-en', namespace: 'kam-zod' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'kam-zod' }, () => ({ contents: "export { default as en } from 'zod/v4/locales/en.js';", resolveDir: fileURLToPath(new URL('..', import.meta.url)) }));
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const bundled = await build({
  plugins: [zodEnglishOnly],
  // cli.cjs: the whole of kam, run by bin/kam.js (through bin/bundle.js, with the code cache made
  // below). worker.cjs: the worker-thread entry for parsing many files in parallel
  // (src/load/workerPool.ts).
  entryPoints: { cli: 'src/cli/main.ts', worker: 'src/load/worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  // CommonJS, one file per entry: Node 20 caches no compiled code for ES modules, and compiling
  // the bundle took more of a small run than the command itself (bin/bundle.js says why and how
  // it is cached). Commands still import their actions lazily: esbuild turns each dynamic import
  // into a module initialised on first use, so `kam --version` runs none of them.
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Every dependency is bundled: resolving and loading dozens of package files at every start
  // costs more than the commands themselves on small repos, and an installed kam needs nothing
  // but dist/ (package.json has no runtime dependencies, so installing it, from a tarball or a
  // git tag, fetches nothing; see scripts/prepack.mjs).
  // import.meta.url (besideBundle, packageRoot, the templates) is the bundle's own file URL.
  inject: [fileURLToPath(new URL('./import-meta-url.js', import.meta.url))],
  define: {
    'import.meta.url': '__kamImportMetaUrl',
    __KAM_VERSION__: JSON.stringify(pkg.version),
    __KAM_BUILD__: JSON.stringify(buildName),
  },
  // The build in the bundle's first line: bin/bundle.js uses the code cache only for the build it
  // was made from.
  banner: { js: `// kam ${buildName}` },
  // No source maps by default: they would double the package (npm pack ships dist/) for stack
  // traces a user never sees (kam prints none). `npm run build -- --sourcemap` or KAM_SOURCEMAP=1
  // writes linked maps next to the bundle, for debugging a build (node --enable-source-maps bin/kam.js).
  sourcemap: sourcemaps ? 'linked' : false,
  metafile: true,
  logLevel: 'warning',
});
// Nothing may be left for Node's module loader to resolve at run time: the bundle runs as a script
// (bin/bundle.js), where a dynamic import() would need a loader of its own.
for (const [out, meta] of Object.entries(bundled.metafile.outputs)) {
  const dynamic = meta.imports.filter((i) => i.kind === 'dynamic-import' && !i.path.startsWith('node:'));
  if (dynamic.length > 0) throw new Error(`${out} imports at run time: ${dynamic.map((i) => i.path).join(', ')}`);
}

// dist/templates-<format>.cjs: kam's own templates (templates/**/*.<format>.hbs) precompiled, each
// with the SHA-1 of the text it was made from. Compiling them at run time cost more than the rest
// of `kam site` on the example repo (handlebars' lexer on large templates). src/render/precompiled.ts
// uses an entry only while its hash matches the template file as it is, and compiles the file
// otherwise. One file per format: a run renders one format and loads only its templates.
{
  const { default: Handlebars } = await import('handlebars');
  const root = fileURLToPath(new URL('../templates', import.meta.url));
  const files = filesUnder(root).filter((path) => path.endsWith('.hbs'));
  for (const format of ['html', 'md']) {
    const entries = files
      .filter((path) => path.endsWith(`.${format}.hbs`))
      .map((path) => {
        const text = readFileSync(join(root, path), 'utf8');
        // The options src/render/render.ts compiles with: Markdown is not HTML-escaped.
        const spec = Handlebars.precompile(text, format === 'md' ? { noEscape: true } : {});
        return `  ${JSON.stringify(path)}: { sha1: ${JSON.stringify(createHash('sha1').update(text).digest('hex'))}, spec: ${spec} },`;
      });
    writeFileSync(
      new URL(`../dist/templates-${format}.cjs`, import.meta.url),
      `// Generated by scripts/build.mjs from templates/: kam's ${format} templates, precompiled by handlebars ${Handlebars.VERSION}.\n'use strict';\nmodule.exports = {\n${entries.join('\n')}\n};\n`,
    );
  }
}

// dist/cli.cache: V8's compiled code for dist/cli.cjs, made by running kam's commands on the
// bundled example in a fresh process (scripts/codecache.mjs; bin/bundle.js says why). A build
// without it still works, only slower to start: say so rather than fail.
{
  const trained = spawnSync(process.execPath, [fileURLToPath(new URL('./codecache.mjs', import.meta.url))], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 120_000 });
  if (trained.status !== 0) process.stderr.write(`kam build: no code cache (dist/cli.cache) was made (${trained.error?.message ?? `exit ${trained.status}`}); kam will start more slowly\n`);
}
