// The built kam renders with the templates the build precompiled (dist/templates-<format>.cjs);
// kam run from source compiles the template files. Both must give the same documents, and a
// template file changed after the build must be used as it is, never its stale precompiled form.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kam } from '../helpers/kamInProcess.js';
import { EXAMPLE, runKam } from '../helpers/kam.js';
import { copyRepo, tmpDir } from '../helpers/tmpRepo.js';

const TODAY = '2026-11-23';
const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));

/** Every file under `dir`, relative, with its content. */
function contents(dir: string, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? Object.entries(contents(dir, `${prefix}${e.name}/`)) : [[`${prefix}${e.name}`, readFileSync(join(dir, prefix, e.name), 'utf8')]],
    ),
  );
}

describe('precompiled templates', () => {
  it('the build precompiled every built-in template of both formats', () => {
    for (const format of ['html', 'md']) expect(existsSync(join(PACKAGE, 'dist', `templates-${format}.cjs`)), 'run npm run build first').toBe(true);
  });

  it.each([
    ['a plan', ['banco-austral']],
    ['the customer version', ['banco-austral', '--template', 'customer']],
    ['the QBR', ['banco-austral', '--template', 'qbr']],
    ['the portfolio', ['--portfolio']],
  ])('render %s: the built kam (precompiled) and kam from source (compiled) write the same documents', async (_what, args) => {
    for (const format of ['html', 'md']) {
      const repo = copyRepo(EXAMPLE);
      const built = runKam(['render', ...args, '-f', format, '--out', 'built', '--today', TODAY], { cwd: repo });
      expect(built.code, built.stderr).toBe(0);
      const source = await kam(['render', ...args, '-f', format, '--out', 'source', '--today', TODAY], { cwd: repo });
      expect(source.code, source.stderr).toBe(0);
      const written = contents(join(repo, 'built'));
      expect(Object.keys(written).length).toBeGreaterThan(0);
      expect(written).toEqual(contents(join(repo, 'source')));
    }
  });

  it('kam site: the same pages either way (the calendars, made without templates, name the build)', async () => {
    const repo = copyRepo(EXAMPLE);
    expect(runKam(['site', '--out', 'built', '--today', TODAY], { cwd: repo }).code).toBe(0);
    expect((await kam(['site', '--out', 'source', '--today', TODAY], { cwd: repo })).code).toBe(0);
    const pages = (dir: string) => Object.fromEntries(Object.entries(contents(dir)).filter(([file]) => file.endsWith('.html')));
    const built = pages(join(repo, 'built'));
    const source = pages(join(repo, 'source'));
    expect(Object.keys(built).length).toBeGreaterThan(10);
    expect(Object.keys(built)).toEqual(Object.keys(source));
    for (const [file, text] of Object.entries(built)) expect(text, file).toBe(source[file]);
  });

  it('a template file changed after the build is rendered as it is now, not as it was precompiled', () => {
    const pkg = tmpDir('kam-pkg-');
    for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(PACKAGE, part), join(pkg, part), { recursive: true });
    const partial = join(pkg, 'templates/partials/header.md.hbs');
    writeFileSync(partial, `${readFileSync(partial, 'utf8')}\nEdited after the build.\n`);
    const repo = copyRepo(EXAMPLE);
    const run = spawnSync(process.execPath, [join(pkg, 'bin/kam.js'), 'render', 'banco-austral', '-f', 'md', '--today', TODAY], { cwd: repo, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Edited after the build.');
  });
});
