import { CONFIG_FILE } from '../repoFs/findRoot.js';
import { KamError } from '../errors.js';
import { loadFromSource, type LoadResult, type Repo, type SourceFile } from '../load/loadRepo.js';
import { REPO_FILE_RE } from '../repoFs/repoFiles.js';
import { decodeText, MAX_FILE_BYTES, tooLarge } from '../repoFs/readText.js';
import { git, gitText, openGitRepo, readBlobs, resolveCommit, type GitRepo } from './git.js';

/** Regular files and executables; symlinks (120000) and submodules are not plan files. */
const FILE_MODES = new Set(['100644', '100755']);

/**
 * The repo as it is at `commit`, read straight from git objects: one `git ls-tree` for the file
 * list (with sizes) and one `git cat-file --batch` for every blob kam may read: a blob over
 * MAX_FILE_BYTES is reported, never read, as on disk. Nothing is checked out. `null` when the
 * commit has no kam.yaml (the plan repo did not exist yet).
 */
export async function loadAtCommit(repo: GitRepo, commit: string): Promise<LoadResult | null> {
  const listing = await git(repo.root, ['ls-tree', '-r', '-l', '-z', commit, '--', 'accounts', 'plans', CONFIG_FILE]);
  const entries: { oid: string; file: string; size: number }[] = [];
  for (const record of listing.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    // <mode> <type> <oid> <size, padded>\t<path>
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    const file = record.slice(tab + 1);
    if (type === 'blob' && FILE_MODES.has(mode!) && (file === CONFIG_FILE || REPO_FILE_RE.test(file))) entries.push({ oid: oid!, file, size: Number(size) });
  }
  if (!entries.some((e) => e.file === CONFIG_FILE)) return null;
  const readable = entries.filter((e) => !(e.size > MAX_FILE_BYTES));
  const blobs = await readBlobs(repo.root, readable.map((e) => e.oid));
  const bytes = new Map(readable.map((e, i) => [e, blobs[i]?.bytes]));
  const sources = entries.map((e): SourceFile => (bytes.has(e) ? toSource(e.file, bytes.get(e)) : { file: e.file, finding: tooLarge(e.size, where(e.file)) }));
  const config = sources.find((s) => s.file === CONFIG_FILE)!;
  return loadFromSource(repo.root, config, sources.filter((s) => s !== config));
}

/** A blob's bytes as a loader source: the same size and UTF-8 checks as files on disk. */
export function toSource(file: string, bytes: Buffer | undefined): SourceFile {
  return { file, ...decodeText(bytes ?? Buffer.alloc(0), where(file)) };
}

/** A finding's place for a whole file: its first line, under the account its name gives. */
const where = (file: string) => ({ file, account: REPO_FILE_RE.exec(file)?.[2] ?? null, line: 1, column: 1 });

/** The repo at a revision a user named: the revision as given, its commit, and the repo there. */
export interface RevisionSnapshot {
  /** The revision as the user wrote it (`v2026-q3`, `HEAD~3`). */
  rev: string;
  /** The commit it resolved to (abbreviated to 12 characters). */
  commit: string;
  /** The commit's committer date, YYYY-MM-DD: "today" for what is evaluated at the revision. */
  date: string;
  /** The repo at that commit; null when the commit has no kam.yaml (the plan repo did not exist yet). */
  repo: Repo | null;
}

/**
 * The repo as it was at `rev`, for documents that compare then and now (the QBR). A revision whose
 * kam.yaml does not load is a usage problem (exit 2) naming the first error and what to do, since
 * nothing can be compared with it; a revision before the plan repo existed compares with nothing.
 */
export async function loadRevision(root: string, rev: string): Promise<RevisionSnapshot> {
  const git = await openGitRepo(root);
  const commit = await resolveCommit(git, rev);
  const [loaded, date] = await Promise.all([loadAtCommit(git, commit), gitText(root, ['log', '-1', '--format=%cs', commit])]);
  if (loaded && !loaded.ok) {
    const f = loaded.findings[0]!;
    throw new KamError(`kam.yaml is invalid at ${rev}: ${f.file}:${f.line}:${f.column} ${f.message}; pick a revision whose kam.yaml is valid for --since`);
  }
  return { rev, commit: commit.slice(0, 12), date: date.trim(), repo: loaded?.repo ?? null };
}
