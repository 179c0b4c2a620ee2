// File system errors that are the machine's or the user's to fix (a full disk, a read-only
// folder, a file where a folder should be), not bugs in kam: one line naming the path and the
// reason, exit 2, instead of "internal error" and exit 70.
import { relative } from 'node:path';

const REASONS: Record<string, [reason: string, fix: string]> = {
  EACCES: ['permission denied', 'make it writable or pick another place'],
  EPERM: ['operation not permitted', 'make it writable or pick another place'],
  EROFS: ['the file system is read-only', 'pick a writable place'],
  ENOSPC: ['no space left on the device', 'free some space and run again'],
  EDQUOT: ['the disk quota is used up', 'free some space and run again'],
  EFBIG: ['the file is too large for the file system', 'pick another place'],
  EIO: ['input/output error', 'check the disk'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'rename that file or pick another path'],
  EEXIST: ['something is already there (a file where a folder was expected?)', 'rename it or pick another path'],
  EISDIR: ['it is a folder, not a file', 'name a file'],
  ENAMETOOLONG: ['the name is too long', 'pick a shorter name'],
  ENOENT: ['no such file or folder', 'check the path'],
  ELOOP: ['too many symbolic links (a loop?)', 'remove the link'],
  EMFILE: ['too many open files', 'raise the open file limit (ulimit -n)'],
  ENFILE: ['too many open files', 'raise the open file limit (ulimit -n)'],
};

const READS = new Set(['open', 'read', 'scandir', 'stat', 'lstat', 'fstat', 'readlink', 'realpath']);

/**
 * The one-line message for an error the file system raised (`err.code` one of the above, with a
 * syscall), or undefined for anything else. The path is shown relative to `cwd` when inside it.
 */
export function fsProblem(err: unknown, cwd = process.cwd()): string | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  if (!e || typeof e !== 'object' || typeof e.code !== 'string' || !(e.code in REASONS)) return undefined;
  if (typeof e.syscall !== 'string' && typeof e.path !== 'string') return undefined;
  const [reason, fix] = REASONS[e.code]!;
  const verb = e.syscall && READS.has(e.syscall) && e.code !== 'ENOSPC' && e.syscall !== 'open' ? 'read' : 'write';
  const where = typeof e.path === 'string' ? shownPath(e.path, cwd) : 'the output';
  return `cannot ${verb} ${where}: ${reason} (${e.code}); ${fix}`;
}

function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !rel.startsWith('/') ? rel : path;
}
