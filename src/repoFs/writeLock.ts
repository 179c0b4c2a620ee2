import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, rmdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { KamError } from '../errors.js';
import { isAlive, removeStaleTemps } from '../util/atomicWrite.js';
import { whileRunning } from '../util/interrupt.js';
import { refuseWriteOut } from './writeGuard.js';

/** The lock a command that edits the repo's own files holds while it runs: `.kam/lock`. */
export const LOCK_FILE = '.kam/lock';

/**
 * Takes the repo's write lock for `command` (kam import, kam new) and returns its release.
 * Threat: two `kam import --update` at once each read every file and rename their version over
 * it, so one run's changes are lost. The lock file is linked into place atomically (it exists
 * whole or not at all) and holds the owner's pid; a lock whose process is gone (a run killed
 * with -9) is stale and taken over. A live owner makes this run stop with exit 2, saying who
 * holds it. The lock only keeps kam runs apart: what an editor saves meanwhile is caught by
 * re-checking each file before it is replaced (kam import does). Taking it also removes the
 * temp files dead runs left in accounts/ and plans/.
 */
export function lockRepo(root: string, command: string): () => void {
  const path = join(root, LOCK_FILE);
  refuseWriteOut(root, path);
  // .kam/ made for the lock alone goes with it, so a run leaves the repo as it found it.
  const kamDir = join(root, '.kam');
  const madeDir = !existsSync(kamDir);
  mkdirSync(kamDir, { recursive: true });
  const mine = `${process.pid} ${command}\n`;
  for (let attempt = 0; ; attempt++) {
    if (writeOnce(path, mine)) break;
    let held: string;
    try {
      held = readFileSync(path, 'utf8');
    } catch {
      continue; // released meanwhile: try again
    }
    const pid = Number(/^(\d+) /.exec(held)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && attempt < 3)
      throw new KamError(
        `another kam (${held.trim().split(' ').slice(1).join(' ') || 'a command'}, pid ${pid}) is writing to this repo; run again when it has finished (if no kam is running, remove ${LOCK_FILE})`,
      );
    if (attempt >= 3) throw new KamError(`cannot take ${LOCK_FILE} (another kam keeps taking it); run again`);
    // Stale: its process is gone. Removed only if it is still the lock just read.
    try {
      if (readFileSync(path, 'utf8') === held) unlinkSync(path);
    } catch {
      // gone already
    }
  }
  // Holding the lock, no other kam writes here: temp files a killed run left (kill -9 skips
  // atomicWrite's cleanup) are tidied away, so they never pile up for git to show. Only kam's
  // own temp names whose process is gone (removeStaleTemps).
  for (const dir of ['accounts', 'plans']) removeStaleTemps(join(root, dir));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    stopWatching();
    try {
      if (readFileSync(path, 'utf8') === mine) unlinkSync(path);
    } catch {
      // removed by hand meanwhile
    }
    if (madeDir)
      try {
        rmdirSync(kamDir);
      } catch {
        // something else (the cache) is in it now: it stays
      }
  };
  // Stopped by a signal (or exiting early): the lock goes with the run.
  const stopWatching = whileRunning(release);
  return release;
}

/** Creates `path` with `content`, whole or not at all; false if it exists. */
function writeOnce(path: string, content: string): boolean {
  const tmp = `${path}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`;
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // File systems without hard links: exclusive create, then the content (a tiny window of an empty lock).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
    let fd2: number;
    try {
      fd2 = openSync(path, 'wx', 0o644);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
    try {
      writeSync(fd2, content);
    } finally {
      closeSync(fd2);
    }
    return true;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** `work` while holding the repo's write lock (see lockRepo). */
export function withRepoLock<T>(root: string, command: string, work: () => T): T {
  const release = lockRepo(root, command);
  try {
    return work();
  } finally {
    release();
  }
}
