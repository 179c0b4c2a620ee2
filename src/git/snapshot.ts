import { CONFIG_FILE } from '../load/findRoot.js';
import { loadFromSource, REPO_FILE_RE, type LoadResult, type SourceFile } from '../load/loadRepo.js';
import { decodeText } from '../load/readText.js';
import { git, readBlobs, type GitRepo } from './git.js';

/** Regular files and executables; symlinks (120000) and submodules are not plan files. */
const FILE_MODES = new Set(['100644', '100755']);

/**
 * The repo as it is at `commit`, read straight from git objects: one `git ls-tree` for the file
 * list and one `git cat-file --batch` for every blob. Nothing is checked out. `null` when the
 * commit has no kam.yaml (the plan repo did not exist yet).
 */
export async function loadAtCommit(repo: GitRepo, commit: string): Promise<LoadResult | null> {
  const listing = await git(repo.root, ['ls-tree', '-r', '-z', commit, '--', 'accounts', 'plans', CONFIG_FILE]);
  const entries: { oid: string; file: string }[] = [];
  for (const record of listing.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid] = record.slice(0, tab).split(' ');
    const file = record.slice(tab + 1);
    if (type === 'blob' && FILE_MODES.has(mode!) && (file === CONFIG_FILE || REPO_FILE_RE.test(file))) entries.push({ oid: oid!, file });
  }
  if (!entries.some((e) => e.file === CONFIG_FILE)) return null;
  const blobs = await readBlobs(repo.root, entries.map((e) => e.oid));
  const sources = entries.map((e, i) => toSource(e.file, blobs[i]?.bytes));
  const config = sources.find((s) => s.file === CONFIG_FILE)!;
  return loadFromSource(repo.root, config, sources.filter((s) => s !== config));
}

/** A blob's bytes as a loader source: the same size and UTF-8 checks as files on disk. */
export function toSource(file: string, bytes: Buffer | undefined): SourceFile {
  const account = REPO_FILE_RE.exec(file)?.[2] ?? null;
  const where = { file, account, line: 1, column: 1 };
  return { file, ...decodeText(bytes ?? Buffer.alloc(0), where) };
}
