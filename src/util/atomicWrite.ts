import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { link, lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `content` (text, bytes, or bytes in parts) to `path` so that readers see either the old file or the new one, never a
 * half-written file: the text goes to a temporary file in the same folder, then is renamed over.
 * `fsync: false` skips flushing to disk first: for caches, which are validated when read and
 * rebuilt when damaged, so a power cut may cost them but never the user's files.
 */
export function atomicWrite(path: string, content: string | Uint8Array | readonly Uint8Array[], opts: { fsync?: boolean } = {}): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, tempName(basename(path)));
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      // Parts are written one after another (a header and a large body need no joined copy).
      for (const bytes of typeof content === 'string' ? [Buffer.from(content, 'utf8')] : content instanceof Uint8Array ? [content] : content) {
        // writeSync may write less than asked (large buffers, full disks that recover): loop.
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      }
      if (opts.fsync !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    removeQuietly(tmp);
    throw namingTarget(err, tmp, path);
  }
}

/**
 * atomicWrite without blocking the thread, so many files can be written at once: their fsyncs
 * then share the file system's journal commits (10,000 files: seconds instead of a minute).
 * With `exclusive`, an existing file is kept and the result is false (as writeNew does).
 * It is stageWrite and its commit at once: one implementation of the write and the replace.
 */
export async function atomicWriteAsync(path: string, content: string, opts: { exclusive?: boolean } = {}): Promise<boolean> {
  return (await stageWrite(path, content)).commit(opts);
}

/** An error about the temp file is reported as one about the file the user asked for. */
function namingTarget(err: unknown, tmp: string, path: string): unknown {
  const e = err as NodeJS.ErrnoException & { dest?: string };
  if (e && typeof e === 'object' && (e.path === tmp || e.dest === tmp)) e.path = path;
  return err;
}

/** Cleanup must not hide the error that made it necessary (ENAMETOOLONG fails the rm too). */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing was made, or nothing more can be done
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The temporary files atomicWrite makes: `.kam-<pid>-<8 hex>.<name>.tmp`. The `kam-` prefix is
 * what lets removeStaleTemps tell them from a user's own dot files that merely look alike.
 */
const TEMP_RE = /^\.kam-(\d+)-[0-9a-f]{8}\..+\.tmp$/;

function tempName(name: string): string {
  return `.kam-${process.pid}-${randomBytes(4).toString('hex')}.${name}.tmp`;
}

/**
 * Removes temporary files a killed kam run left in `dir` (a SIGKILL mid-write skips the cleanup
 * in atomicWrite). Only kam's own temp names, and only when the process that made them is gone,
 * so a run writing into the same folder at the same time keeps its files. Returns their names.
 */
export function removeStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = TEMP_RE.exec(name)?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    // Only plain files: kam never makes a folder or a link by that name.
    try {
      if (!lstatSync(join(dir, name)).isFile()) continue;
      rmSync(join(dir, name), { force: true });
    } catch {
      continue;
    }
    removed.push(name);
  }
  return removed;
}

/** Whether process `pid` exists (EPERM: it does, as someone else's). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An atomic write in two steps, for writers that must check something between writing and
 * replacing (kam import: that no file changed since it was read): the content is written and
 * flushed to a temporary file next to `path`; `commit` renames it over (or, `exclusive`, links
 * it in only if `path` is still absent: false when it appeared), `discard` removes it.
 * atomicWriteAsync is both steps at once.
 */
export interface StagedWrite {
  readonly path: string;
  commit(opts?: { exclusive?: boolean }): Promise<boolean>;
  discard(): Promise<void>;
}

export async function stageWrite(path: string, content: string): Promise<StagedWrite> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, tempName(basename(path)));
  const discard = () => rm(tmp, { force: true }).catch(() => undefined);
  try {
    const file = await open(tmp, 'wx', 0o644);
    try {
      await file.writeFile(content, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
  } catch (err) {
    await discard();
    throw namingTarget(err, tmp, path);
  }
  const commit = async (opts: { exclusive?: boolean } = {}): Promise<boolean> => {
    try {
      if (opts.exclusive) {
        // link() fails if `path` exists, atomically: a file another process (or the user) created
        // meanwhile is never replaced, which a check-then-rename could do. File systems without
        // hard links (FAT, some network mounts) fall back to check-then-rename.
        try {
          await link(tmp, path);
          return true;
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') return false;
          if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
          if (await exists(path)) return false;
          await rename(tmp, path);
          return true;
        } finally {
          await discard();
        }
      }
      await rename(tmp, path);
      return true;
    } catch (err) {
      await discard();
      throw namingTarget(err, tmp, path);
    }
  };
  return { path, commit, discard };
}
