import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** One template as the build precompiled it, and the hash of the text it was made from. */
interface Precompiled {
  sha1: string;
  spec: TemplateSpecification;
}
type TemplateSpecification = Parameters<typeof import('handlebars').template>[0];

const loaded = new Map<string, Record<string, Precompiled> | undefined>();

/**
 * kam's own templates of `format` ('html', 'md'), precompiled by the build
 * (dist/templates-<format>.cjs, made by scripts/build.mjs), by their path under templates/;
 * undefined when kam runs from source. The bundle may sit in dist/ or dist/chunks/: look in both.
 */
function precompiled(format: string): Record<string, Precompiled> | undefined {
  if (loaded.has(format)) return loaded.get(format);
  let found: Record<string, Precompiled> | undefined;
  for (const rel of [`./templates-${format}.cjs`, `../templates-${format}.cjs`]) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) {
      found = createRequire(import.meta.url)(path) as Record<string, Precompiled>;
      break;
    }
  }
  loaded.set(format, found);
  return found;
}

/**
 * The precompiled form of the built-in template at `path` (relative to templates/, with `/`)
 * whose text is `text`, or undefined: not built, or the file changed since the build (then it
 * is compiled from its text, never served stale).
 */
export function precompiledTemplate(format: string, path: string, text: string): TemplateSpecification | undefined {
  const entry = precompiled(format)?.[path];
  return entry && entry.sha1 === createHash('sha1').update(text).digest('hex') ? entry.spec : undefined;
}
