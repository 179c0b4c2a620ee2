import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A file the build writes next to the bundle (dist/worker.cjs, dist/templates-html.cjs), or
 * undefined when kam runs from source (this module is then src/util/besideBundle.ts, and no such
 * file lies beside it).
 */
export function besideBundle(name: string): string | undefined {
  const path = fileURLToPath(new URL(`./${name}`, import.meta.url));
  return existsSync(path) ? path : undefined;
}
