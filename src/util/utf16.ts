/**
 * Whether `bytes` look like UTF-16 text (Windows "Unicode" exports, PowerShell's `>`), with or
 * without a byte order mark. kam reads UTF-8 only; without this, UTF-16 without a BOM decodes
 * as UTF-8 full of NUL bytes ("binary"), and with one as invalid UTF-8, neither saying what to do.
 * Only called once decoding has already failed, so it costs nothing on good files.
 *
 * Without a BOM: text that is mostly ASCII puts a zero in every other byte. The length is even and,
 * among the first 4,096 bytes, at least a third of the byte pairs have a zero on one side and
 * almost none on the other.
 */
export function utf16Kind(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  // UTF-16 comes in whole 2-byte units: an odd length is something else.
  if (bytes.length % 2 === 1) return undefined;
  const pairs = Math.min(bytes.length, 4096) / 2;
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros * 3 >= pairs && evenZeros * 20 <= pairs) return 'UTF-16LE';
  if (evenZeros * 3 >= pairs && oddZeros * 20 <= pairs) return 'UTF-16BE';
  return undefined;
}

/** The message for a file in UTF-16: what it is and how to save it as UTF-8. */
export function utf16Message(kind: 'UTF-16LE' | 'UTF-16BE', bytes: Uint8Array): string {
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return `the file is ${kind} text${bom ? '' : ' (without a byte order mark)'}, and kam reads UTF-8: save it as UTF-8 (e.g. iconv -f ${kind} -t UTF-8)`;
}
