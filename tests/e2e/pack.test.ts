import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// README's install from a tarball (npm pack, then npm install -g kam-<version>.tgz) works only if
// the package carries the built dist/. A full install into a temporary prefix is in
// scripts/check-install.sh (it needs the registry for the dependencies).
describe('npm pack', () => {
  it('packs the built CLI, its worker, the templates and the docs', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const files = new Set((JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    for (const f of ['bin/kam.js', 'bin/bundle.js', 'dist/cli.cjs', 'dist/cli.cache', 'dist/worker.cjs', 'dist/templates-html.cjs', 'dist/templates-md.cjs', 'templates/plan.md.hbs', 'templates/init/kam.yml', 'README.md', 'docs/commands.md', 'package.json'])
      expect(files, f).toContain(f);
    expect([...files].some((f) => f.startsWith('src/') || f.startsWith('tests/'))).toBe(false);
    // No source maps unless a build asks for them (npm run build -- --sourcemap).
    expect([...files].filter((f) => f.endsWith('.map'))).toEqual([]);
  });
});
