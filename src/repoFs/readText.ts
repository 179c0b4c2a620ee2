import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Finding } from '../findings/finding.js';
import { makeFinding } from '../findings/makeFinding.js';
import { isWithin } from './inside.js';
import { utf16Kind, utf16Message } from '../util/utf16.js';

/** Larger files are not plan files; reading them would only cost time and memory. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

type Where = { file: string; account: string | null; line: number; column: number };

/** Opening non-blocking: a FIFO (or device) named like a YAML file must not hang kam. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/**
 * Reads a repo file as UTF-8 text (BOM dropped), or explains why it cannot be read. The size and
 * kind are checked on the open handle before a byte is read: a 50 MB file costs one fstat, and a
 * FIFO or device (opened non-blocking) cannot hang kam.
 */
export async function readText(absPath: string, file: string, account: string | null): Promise<{ text: string } | { finding: Finding }> {
  const where = { file, account, line: 1, column: 1 };
  let handle;
  try {
    handle = await open(absPath, OPEN_FLAGS);
  } catch (err) {
    return { finding: readError(where, err) };
  }
  try {
    const refused = refuse(await handle.stat(), where);
    if (refused) return { finding: refused };
    return decodeText(await handle.readFile(), where);
  } catch (err) {
    return { finding: readError(where, err) };
  } finally {
    await handle.close();
  }
}

/**
 * readText's checks, synchronously and without decoding: the bytes of a file kam may read. One
 * fstat on the open handle serves the checks and the read (readFileSync(fd) would take a second).
 */
export function readBytesSync(absPath: string, where: Where): { bytes: Buffer } | { finding: Finding } {
  let fd: number;
  try {
    fd = openSync(absPath, OPEN_FLAGS);
  } catch (err) {
    return { finding: readError(where, err) };
  }
  try {
    const stat = fstatSync(fd);
    const refused = refuse(stat, where);
    return refused ? { finding: refused } : { bytes: readAll(fd, stat.size) };
  } catch (err) {
    return { finding: readError(where, err) };
  } finally {
    closeSync(fd);
  }
}

/** The `size` bytes fstat promised (fewer if the file shrank meanwhile), as readFileSync reads them. */
function readAll(fd: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const n = readSync(fd, buffer, length, size - length, null);
    if (n === 0) break;
    length += n;
  }
  return length === size ? buffer : buffer.subarray(0, length);
}

/** Why an open file must not be read: not a regular file, or too large. */
function refuse(stat: Stats, where: Where): Finding | undefined {
  if (stat.isDirectory()) return makeFinding('yaml_syntax', where, `the name ends in ${extname(where.file)} but this is a folder, not a file; rename it`);
  if (!stat.isFile()) return makeFinding('yaml_syntax', where, 'this is not a regular file (a FIFO, socket or device); kam does not read it: remove it');
  if (stat.size > MAX_FILE_BYTES) return tooLarge(stat.size, where);
  return undefined;
}

/** The finding for a file that cannot be opened or read. */
export function readError(where: Where, err: unknown): Finding {
  return makeFinding('yaml_syntax', where, `the file ${whyUnreadable(err)}`);
}

function whyUnreadable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied; make it readable (chmod a+r)';
    case 'ELOOP':
      return 'is a symbolic link loop; remove the link';
    case 'ENOENT':
      return 'is a symbolic link to a file that does not exist; remove the link or restore its target';
    default:
      return `cannot be read (${code ?? String(err)})`;
  }
}

/** The finding for a file over MAX_FILE_BYTES (`bytes` long): not read at all. */
export function tooLarge(bytes: number, where: Where): Finding {
  return makeFinding('yaml_syntax', where, `the file is ${mib(bytes)}; kam reads files up to ${MAX_FILE_BYTES / 1048576} MiB: split it or remove what does not belong in a plan`);
}

export function decodeText(bytes: Uint8Array, where: Where): { text: string } | { finding: Finding } {
  if (bytes.length > MAX_FILE_BYTES) return { finding: tooLarge(bytes.length, where) };
  let text: string;
  const utf16 = () => {
    const kind = utf16Kind(bytes);
    return kind ? { finding: makeFinding('yaml_syntax', where, utf16Message(kind, bytes)) } : undefined;
  };
  try {
    text = utf8.decode(bytes);
  } catch {
    return utf16() ?? { finding: makeFinding('yaml_syntax', where, 'the file is not valid UTF-8 text; save it as UTF-8') };
  }
  if (text.includes('\u0000')) return utf16() ?? { finding: makeFinding('yaml_syntax', where, 'the file contains NUL bytes: it is binary, not YAML') };
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/**
 * Where `absPath` really is, when that is inside `realRoot` (the repo root with its links
 * resolved); otherwise a finding. kam never follows a symbolic link out of the repo: a link to
 * /etc/passwd or to another project's files is reported, not read.
 */
export async function insideRepo(realRoot: string, absPath: string, file: string, account: string | null): Promise<{ real: string } | { finding: Finding }> {
  const where = { file, account, line: 1, column: 1 };
  let real: string;
  try {
    real = await realpath(absPath);
  } catch (err) {
    return { finding: readError(where, err) };
  }
  if (!isWithin(realRoot, real))
    return { finding: makeFinding('yaml_syntax', where, `the file is a symbolic link that points outside the repo (to ${real}); kam does not follow links out of the repo: copy the file into the repo instead`) };
  return { real };
}

/**
 * The one safe read of a repo file outside the loader's listing (files `kam import --update`
 * edits, user templates): its real path must stay inside `root` (else `outside`, for the caller
 * to word), then readBytesSync's checks (kind and size before reading) and UTF-8 decoding.
 */
export function readRepoFileSync(root: string, absPath: string, where: Where): { bytes: Buffer; text: string } | { finding: Finding } | { outside: string } {
  let real: string;
  try {
    real = realpathSync(absPath);
  } catch (err) {
    return { finding: readError(where, err) };
  }
  if (!isWithin(realpathSync(root), real)) return { outside: real };
  const read = readBytesSync(absPath, where);
  if ('finding' in read) return read;
  const decoded = decodeText(read.bytes, where);
  return 'finding' in decoded ? decoded : { bytes: read.bytes, text: decoded.text };
}
