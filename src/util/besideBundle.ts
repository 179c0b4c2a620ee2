import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A file the build writes next to the bundle (dist/worker.js, dist/templates-html.cjs), or
 * undefined when kam runs from source. The code asking may sit in dist/ itself or in a shared
 * chunk in dist/chunks/ (so may this module), so both are looked in.
 */
export function besideBundle(name: string): string | undefined {
  for (const rel of [`./${name}`, `../${name}`]) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}
