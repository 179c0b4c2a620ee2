// How kam's bundle (dist/cli.cjs, written by scripts/build.mjs) is compiled and run: by the kam
// command (bin/kam.js), and by the build, which makes the code cache (scripts/codecache.mjs).
// Both go through loadBundle, so the script V8 compiles is the same text with the same name.
//
// Why a code cache: compiling the bundle's functions cost more than most commands on a small repo
// (`kam check` on the example: 0.45 s without it, 0.18 s with it, `node -e 0` being 0.09 s).
// Node 20 caches no compiled code for modules (module.enableCompileCache came in Node 22), so the
// bundle is CommonJS, run through vm.Script with V8's cachedData: what V8 compiled while the
// build ran kam's commands on the bundled example.
//
// When the cache is used: only for the bundle it was made from, byte for byte. Its header names
// the bundle's first line (kam's version and the hash of its sources and lock), length and CRC-32
// (0.5 ms over the 2 MB; an edit of the bundle by hand changes it); V8 itself rejects data made by
// another V8 version or with other flags. A missing, damaged or rejected cache costs speed, never
// correctness: V8 then compiles as usual. (A Node 20 older than 20.15 has no zlib.crc32 and
// uses no cache.)
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import zlib from 'node:zlib';

/** The CommonJS wrapper Node puts around a module, with the same five names. */
const HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const TAIL = '\n});';

/** What the cache must have been made from: the bundle's first line (its build), length and CRC-32. */
function stampOf(bytes) {
  if (typeof zlib.crc32 !== 'function') return undefined;
  return JSON.stringify({ bundle: bytes.toString('utf8', 0, Math.max(bytes.indexOf(0x0a), 0)), bytes: bytes.length, crc32: zlib.crc32(bytes) });
}

/** The cache's V8 data, when its header is `stamp`; otherwise (missing, damaged, other build) none. */
function readCache(path, stamp) {
  if (stamp === undefined) return undefined;
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const nl = bytes.indexOf(0x0a);
  return nl > 0 && bytes.toString('utf8', 0, nl) === stamp ? bytes.subarray(nl + 1) : undefined;
}

/**
 * Compiles and runs dist/cli.cjs (in `dist`, a file URL of the folder) and returns its exports.
 * Throws ENOENT (with `path`) when the bundle is not there: kam is not built. With `train`, no
 * cache is read, and `saveCache()` writes what V8 compiled so far to dist/cli.cache.
 */
export function loadBundle(dist, { train = false } = {}) {
  const file = fileURLToPath(new URL('cli.cjs', dist));
  const cacheFile = fileURLToPath(new URL('cli.cache', dist));
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const stamp = stampOf(bytes);
  const cachedData = train ? undefined : readCache(cacheFile, stamp);
  const script = new vm.Script(HEAD + source + TAIL, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, fileURLToPath(dist));
  return {
    cli: module.exports,
    /** Whether a cache was found and V8 took it. */
    cached: cachedData !== undefined && !script.cachedDataRejected,
    saveCache: () => stamp !== undefined && writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${stamp}\n`), script.createCachedData()])),
  };
}

/**
 * The version the bundle in `dist` prints for `kam --version`, read from its first line (the
 * build: `// kam <version>+<hash>`) without loading it; undefined when there is no such line.
 */
export function bundleVersion(dist) {
  const head = Buffer.alloc(256);
  let fd;
  try {
    fd = openSync(new URL('cli.cjs', dist), 'r');
    const n = readSync(fd, head, 0, head.length, 0);
    return /^\/\/ kam ([^+\s]+)\+\S*\n/.exec(head.toString('utf8', 0, n))?.[1];
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
