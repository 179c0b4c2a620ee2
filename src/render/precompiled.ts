import { hash } from 'node:crypto';
import { createRequire } from 'node:module';
import { besideBundle } from '../util/besideBundle.js';

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
 * undefined when kam runs from source.
 */
function precompiled(format: string): Record<string, Precompiled> | undefined {
  if (!loaded.has(format)) {
    const path = besideBundle(`templates-${format}.cjs`);
    loaded.set(format, path ? (createRequire(import.meta.url)(path) as Record<string, Precompiled>) : undefined);
  }
  return loaded.get(format);
}

/**
 * The precompiled form of the built-in template at `path` (relative to templates/, with `/`)
 * whose text is `text`, or undefined: not built, or the file changed since the build (then it
 * is compiled from its text, never served stale).
 */
export function precompiledTemplate(format: string, path: string, text: string): TemplateSpecification | undefined {
  const entry = precompiled(format)?.[path];
  return entry && entry.sha1 === hash('sha1', text, 'hex') ? entry.spec : undefined;
}
