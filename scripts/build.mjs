// Bundles src/ into dist/ with code splitting: the entry holds only the command
// table, and each command's action lazily imports what it needs (yaml, zod,
// handlebars), so `kam --version` does not pay for parsing or rendering.
import { build } from 'esbuild';
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
await build({
  plugins: [zodEnglishOnly],
  // worker.js: the worker-thread entry for parsing many files in parallel (src/load/workerPool.ts).
  entryPoints: { cli: 'src/cli/main.ts', worker: 'src/load/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Every dependency is bundled: resolving and loading dozens of package files at every start
  // costs more than the commands themselves on small repos, and an installed kam needs nothing
  // but dist/ (package.json has no runtime dependencies, so installing it, from a tarball or a
  // git tag, fetches nothing; see scripts/prepack.mjs).
  banner: { js: "import { createRequire as __kamCreateRequire } from 'node:module'; const require = __kamCreateRequire(import.meta.url);" },
  // No source maps by default: they would double the package (npm pack ships dist/) for stack
  // traces a user never sees (kam prints none). `npm run build -- --sourcemap` or KAM_SOURCEMAP=1
  // writes linked maps next to the chunks, for debugging a build (node --enable-source-maps bin/kam.js).
  sourcemap: sourcemaps ? 'linked' : false,
  chunkNames: 'chunks/[name]-[hash]',
  define: { __KAM_VERSION__: JSON.stringify(pkg.version), __KAM_BUILD__: JSON.stringify(`${pkg.version}+${buildHash()}`) },
  logLevel: 'warning',
});

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
