import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';

const made: string[] = [];

/**
 * Removes every folder tmpDir made so far. tests/helpers/setup.ts calls it after each test file
 * (a hook here would run after the first file only: with isolate off, a worker imports this module once).
 */
export function removeTmpDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh temporary folder, removed after the test file. */
export function tmpDir(prefix = 'kam-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Writes `files` (path -> text) into a fresh temp folder. `kam.yaml` defaults to `version: 1`. */
export function makeRepo(files: Record<string, string>, opts: { withConfig?: boolean } = {}): string {
  const dir = tmpDir();
  const all = opts.withConfig === false || 'kam.yaml' in files ? files : { 'kam.yaml': 'version: 1\n', ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A copy of a folder (e.g. the bundled example) in a temp folder, safe to modify. */
export function copyRepo(src: string): string {
  const dir = tmpDir();
  // Without kam's cache (.kam/): tests run kam in the example too, and a copy should start clean.
  cpSync(src, dir, { recursive: true, filter: (path) => basename(path) !== '.kam' });
  return dir;
}

/**
 * Every file under `dir` with its content: compare before and after to prove nothing changed.
 * Links are recorded by target and never followed, other non-files by kind (so loops and FIFOs
 * in hostile test repos are safe to snapshot).
 */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (name === '.git' || name === '.kam') continue; // .kam: kam's own cache, not repo content
      const stat = lstatSync(p);
      if (stat.isDirectory()) walk(p);
      else if (stat.isSymbolicLink()) out[relative(dir, p)] = `symlink -> ${readlinkSync(p)}`;
      else if (!stat.isFile()) out[relative(dir, p)] = `special file, mode ${stat.mode.toString(8)}`;
      else out[relative(dir, p)] = readFileSync(p, 'latin1');
    }
  };
  walk(dir);
  return out;
}
