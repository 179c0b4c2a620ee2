// kam's own templates compile on first use, without the checks user templates get at run time
// (src/render/render.ts): those checks run here instead, on every built-in template and partial,
// in the options kam compiles it with (Markdown without HTML escaping).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { templateMistake } from '../../../src/render/limits.js';
import { builtinTemplatesDir } from '../../../src/render/render.js';

const root = builtinTemplatesDir();
const templates = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? templates(join(dir, e.name)) : e.name.endsWith('.hbs') ? [join(dir, e.name)] : []));
const all = templates(root).map((path) => relative(root, path)).sort();

describe("kam's built-in templates", () => {
  it('are found (documents, partials, site pages)', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(all).toEqual(expect.arrayContaining(['plan.html.hbs', 'plan.md.hbs', 'partials/header.html.hbs']));
  });

  it.each(all)('%s compiles, with no mistake handlebars would only show when it runs', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(() => Handlebars.create().precompile(text, file.endsWith('.md.hbs') ? { noEscape: true } : {})).not.toThrow();
    expect(templateMistake(text)).toBeUndefined();
  });
});
