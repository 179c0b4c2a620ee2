import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { KamError } from '../errors.js';

export const CONFIG_FILE = 'kam.yaml';

/**
 * The plan repo root: `explicit` (from -C/--repo) when given, else the nearest folder at or above
 * `cwd` that holds a kam.yaml.
 */
export function findRoot(cwd: string, explicit?: string): string {
  if (explicit !== undefined) {
    const dir = resolve(cwd, explicit);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new KamError(`${explicit}: no such folder`);
    if (!existsSync(join(dir, CONFIG_FILE)))
      throw new KamError(`${explicit}: not a plan repo (no ${CONFIG_FILE}); run "kam init ${explicit}" to create one`);
    return dir;
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    if (dirname(dir) === dir) break;
  }
  throw new KamError(`no ${CONFIG_FILE} found in ${resolve(cwd)} or any folder above it; run "kam init" to create a plan repo, or pass -C <dir>`);
}
