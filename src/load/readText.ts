import { readFile } from 'node:fs/promises';
import type { Finding } from './finding.js';
import { makeFinding } from './makeFinding.js';

/** Larger files are not plan files; reading them would only cost time and memory. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a repo file as UTF-8 text (BOM dropped), or explains why it cannot be read. */
export async function readText(absPath: string, file: string, account: string | null): Promise<{ text: string } | { finding: Finding }> {
  const where = { file, account, line: 1, column: 1 };
  let bytes: Buffer;
  try {
    bytes = await readFile(absPath);
  } catch (err) {
    return { finding: readError(where, err) };
  }
  return decodeText(bytes, where);
}

/** The finding for a file that cannot be read. */
export function readError(where: { file: string; account: string | null; line: number; column: number }, err: unknown): Finding {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied; make it readable (chmod a+r)' : code === 'EISDIR' ? 'is a folder, not a YAML file; rename it' : `cannot be read (${code ?? String(err)})`;
  return makeFinding('yaml_syntax', where, `the file ${why}`);
}

export function decodeText(bytes: Uint8Array, where: { file: string; account: string | null; line: number; column: number }): { text: string } | { finding: Finding } {
  if (bytes.length > MAX_FILE_BYTES)
    return { finding: makeFinding('yaml_syntax', where, `the file is ${(bytes.length / 1048576).toFixed(1)} MiB; kam reads files up to ${MAX_FILE_BYTES / 1048576} MiB: split it or remove what does not belong in a plan`) };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { finding: makeFinding('yaml_syntax', where, 'the file is not valid UTF-8 text; save it as UTF-8') };
  }
  if (text.includes('\u0000')) return { finding: makeFinding('yaml_syntax', where, 'the file contains NUL bytes: it is binary, not YAML') };
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
