import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Replaced at build time (scripts/build.mjs), so --version needs no file read.
declare const __KAM_VERSION__: string;
declare const __KAM_BUILD__: string;
export const VERSION: string = typeof __KAM_VERSION__ === 'string' ? __KAM_VERSION__ : '0.0.0-dev';

let build: string | undefined;

/**
 * What identifies this kam's code, for the keys of its caches: a rebuilt kam must never reuse
 * results an other build computed (a changed rule message would come back from the cache).
 * The build writes a hash of src/ and the dependency lock (scripts/build.mjs); run from source
 * (tests, `tsx`), the same hash is made once, from the src/ folder this module is in.
 */
export function buildId(): string {
  build ??= typeof __KAM_BUILD__ === 'string' ? __KAM_BUILD__ : `${VERSION}+${hashSources(dirname(fileURLToPath(import.meta.url)))}`;
  return build;
}

/** The hash scripts/build.mjs writes: every file under `srcDir` (path and content, in path order). */
export function hashSources(srcDir: string): string {
  const hash = createHash('sha1');
  const walk = (dir: string, rel: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(dir, e.name), path);
      else if (e.isFile()) hash.update(`${path}\0`).update(readFileSync(join(dir, e.name))).update('\0');
    }
  };
  walk(srcDir, '');
  return hash.digest('hex').slice(0, 16);
}
