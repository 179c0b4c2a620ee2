import { lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';

/**
 * Whether `path` is `root` or lies below it, comparing the paths as given: the one "is this inside
 * the repo" test. Pass real paths (realpathSync) to see through symbolic links; resolvesInside
 * does that for a path that may not exist yet.
 */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Whether `path` (or, while it does not exist yet, its nearest existing ancestor) really lies in
 * `root` once symbolic links are resolved: a folder that is a link out of the repo must not make
 * kam write, or trust, files elsewhere.
 */
export function resolvesInside(root: string, path: string): boolean {
  try {
    // A root that does not exist yet (kam init new-folder) has nothing in it that could link out.
    if (!exists(root)) return true;
    let p = path;
    // lstat, not exists: a dangling link counts as there (and then fails realpath: not inside).
    while (!exists(p) && p !== root && dirname(p) !== p) p = dirname(p);
    return isWithin(realpathSync(root), realpathSync(p));
  } catch {
    return false;
  }
}

/** lstat, not exists: a dangling link counts as there. A path through a file (ENOTDIR) is not there. */
function exists(p: string): boolean {
  try {
    return lstatSync(p, { throwIfNoEntry: false }) !== undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw err;
  }
}
