import { execFile, spawn } from 'node:child_process';
import { KamError } from '../errors.js';

/** Git is asked never to prompt, lock or page: kam only reads, and must leave the index untouched. */
const GIT_ENV = { GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' };

/**
 * The variables that point git at a repository (`git rev-parse --local-env-vars`), but for the
 * `-c` options (GIT_CONFIG_PARAMETERS, GIT_CONFIG_COUNT), which git too keeps when it works in
 * another repository. kam run from a git hook inherits the GIT_DIR, GIT_INDEX_FILE and
 * GIT_WORK_TREE of the repo being committed; they would make `git -C <plan repo>` read (and
 * `git init` set up) that repo instead.
 */
const REPOSITORY_VARS = [
  'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_CONFIG', 'GIT_OBJECT_DIRECTORY', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_IMPLICIT_WORK_TREE', 'GIT_GRAFT_FILE',
  'GIT_INDEX_FILE', 'GIT_NO_REPLACE_OBJECTS', 'GIT_REPLACE_REF_BASE', 'GIT_PREFIX', 'GIT_INTERNAL_SUPER_PREFIX', 'GIT_SHALLOW_FILE', 'GIT_COMMON_DIR',
];

/** The environment of every git kam runs (here and `kam init`'s): the caller's, without REPOSITORY_VARS. */
export function gitEnv(extra: Record<string, string> = GIT_ENV): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of REPOSITORY_VARS) delete env[name];
  return env;
}
const MAX_OUTPUT = 1024 * 1024 * 1024;

/** A git command that failed: its stderr is kept to explain it. */
export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
    readonly code: number | string | null,
  ) {
    super(`git ${args.join(' ')} failed: ${stderr.trim().split('\n')[0] ?? code}`);
    this.name = 'GitError';
  }
}

/** Runs `git -C root ...args` (an argument array, never a shell) and returns its stdout. */
export function git(root: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', ['-C', root, ...args], { encoding: 'buffer', maxBuffer: MAX_OUTPUT, env: gitEnv() }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const code = (err as NodeJS.ErrnoException).code ?? null;
      if (code === 'ENOENT') return reject(new KamError('git is not installed or not on PATH; install git to compare revisions'));
      reject(new GitError(args, stderr.toString('utf8'), code));
    });
  });
}

export const gitText = async (root: string, args: string[]) => (await git(root, args)).toString('utf8');

/** A git work tree kam reads from: the plan repo root and where it sits in the git repo. */
export interface GitRepo {
  /** The plan repo root (the folder with kam.yaml); git runs there, so paths are relative to it. */
  root: string;
  /** The root's path inside the git repo, `/`-terminated, or '' at the top. */
  prefix: string;
  shallow: boolean;
}

/** The git repo around `root`, or a KamError that says it is not one. */
export async function openGitRepo(root: string): Promise<GitRepo> {
  let out: string;
  try {
    out = await gitText(root, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--show-prefix']);
  } catch (err) {
    if (err instanceof GitError && /dubious ownership/.test(err.stderr))
      throw new KamError(`git refuses to read ${root}: it belongs to another user; trust it with: git config --global --add safe.directory '${root}'`);
    if (err instanceof GitError)
      throw new KamError(`${root} is not in a git repository; kam compares git revisions: run "git init" and commit the plan repo first`);
    throw err;
  }
  const [inside, shallow, prefix = ''] = out.split('\n');
  if (inside !== 'true') throw new KamError(`${root} is not in a git work tree (a bare repository or inside .git); run kam in a checkout`);
  return { root, prefix, shallow: shallow === 'true' };
}

export const SHALLOW_HINT = 'fetch more history: git fetch --unshallow or actions/checkout fetch-depth: 0';

/** The commit a revision names (full sha), or a KamError that says why there is none. */
export async function resolveCommit(repo: GitRepo, rev: string): Promise<string> {
  if (rev.startsWith('-') || rev.includes('\n') || rev === '') throw new KamError(`"${rev}" is not a revision; name a commit, branch or tag`);
  // Ref names cannot contain "..": this is a range (git log A..B), which names two revisions.
  const range = /^(.*?)(\.\.\.?)(.*)$/.exec(rev);
  if (range)
    throw new KamError(`"${rev}" is a range, but kam diff takes two revisions separated by a space: kam diff ${range[1] || 'HEAD'} ${range[3] || 'HEAD'}${range[2] === '...' ? ' (for the changes since the branches parted, name the merge base: git merge-base)' : ''}`);
  try {
    // `:/text` (the youngest commit whose message matches) takes the rest of the argument as its
    // pattern, so `:/text^{commit}` would search for "text^{commit}": resolve it first, then peel.
    const named = rev.startsWith(':/') ? (await gitText(repo.root, ['rev-parse', '--verify', '--quiet', '--end-of-options', rev])).trim() : rev;
    return (await gitText(repo.root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${named}^{commit}`])).trim();
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
  }
  if (repo.shallow) throw new KamError(`revision "${rev}" is not in this shallow clone; ${SHALLOW_HINT}`);
  if (rev === 'HEAD') throw new KamError('the repository has no commits yet; commit the plan repo first (git add . && git commit)');
  throw new KamError(`unknown revision "${rev}"; name a commit, branch or tag ("git log --oneline" lists commits)`);
}

/** A blob as `git cat-file --batch` returns it; null when the object does not exist. */
export type Blob = { oid: string; bytes: Buffer } | null;

/**
 * Reads many objects with ONE `git cat-file --batch` process (a process per file would cost
 * milliseconds each). `names` are object names: an oid, or `<rev>:./<path>` (relative to root).
 */
export async function readBlobs(root: string, names: string[]): Promise<Blob[]> {
  if (names.length === 0) return [];
  return parseBatch(await catFile(root, '--batch', names), names.length);
}

/** What `git cat-file --batch-check` says of an object: its id, type and size; null when missing. */
export type ObjectInfo = { oid: string; type: string; size: number } | null;

/**
 * The id, type and size of many objects with ONE `git cat-file --batch-check` process, without
 * reading their content: callers read only what they will use (blobs under the size limit, each
 * distinct blob once) instead of every revision of every file whole.
 */
export async function objectInfo(root: string, names: string[]): Promise<ObjectInfo[]> {
  if (names.length === 0) return [];
  const lines = (await catFile(root, '--batch-check', names)).toString('utf8').split('\n');
  return names.map((_, i) => {
    const parts = (lines[i] ?? '').split(' ');
    // "<oid> <type> <size>", or "<name> missing" / "<name> ambiguous"
    return parts.length === 3 && /^[0-9a-f]{40,64}$/.test(parts[0]!) && /^\d+$/.test(parts[2]!)
      ? { oid: parts[0]!, type: parts[1]!, size: Number(parts[2]) }
      : null;
  });
}

/** One `git cat-file <mode>` process fed every name on stdin; its whole stdout. */
function catFile(root: string, mode: '--batch' | '--batch-check', names: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', root, 'cat-file', mode], { env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const errChunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => errChunks.push(c));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new KamError('git is not installed or not on PATH; install git to compare revisions') : err),
    );
    child.on('close', (code) => {
      if (code !== 0) return reject(new GitError(['cat-file', mode], Buffer.concat(errChunks).toString('utf8'), code));
      resolve(Buffer.concat(chunks));
    });
    child.stdin.on('error', () => {}); // a dead git reports through 'close'
    child.stdin.end(`${names.join('\n')}\n`);
  });
}

/** Parses `<oid> <type> <size>\n<bytes>\n` or `<name> missing\n` records, one per requested name. */
function parseBatch(out: Buffer, count: number): Blob[] {
  const blobs: Blob[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const eol = out.indexOf(10, at);
    if (eol < 0) throw new Error('git cat-file --batch: truncated output');
    const header = out.toString('utf8', at, eol).split(' ');
    at = eol + 1;
    if (header.length !== 3) {
      blobs.push(null); // "<name> missing" or "<name> ambiguous"
      continue;
    }
    const size = Number(header[2]);
    blobs.push(header[1] === 'blob' ? { oid: header[0]!, bytes: out.subarray(at, at + size) } : null);
    at += size + 1;
  }
  return blobs;
}
