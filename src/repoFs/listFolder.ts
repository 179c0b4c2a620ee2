import { readdir, realpath, lstat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { KamError } from '../errors.js';
import type { Finding } from '../findings/finding.js';
import { isWithin } from './inside.js';
import { insideRepo } from './readText.js';

const YAML_EXT = /\.ya?ml$/;

/** A YAML entry of accounts/ or plans/: either a file kam may read, or why it may not. */
export type FolderEntry = { id: string; file: string; abs: string } | { id: string; file: string; finding: Finding };

/** Both folders' entries and their files' stats, gathered once and shared (see lendListing). */
export interface RepoListing {
  accounts: FolderEntry[];
  plans: FolderEntry[];
  stats: Map<string, { size: number; mtimeMs: number; ctimeMs: number }>;
}

const lent = new Map<string, RepoListing>();

/**
 * Runs `fn` with `listing` (of the repo at `root`, made moments ago: the result cache keys on it)
 * lent to the loader, which takes it once (takeListing) instead of listing and stat-ing every
 * file again. Nothing outlives `fn`: a later load lists afresh.
 */
export async function lendListing<T>(root: string, listing: RepoListing, fn: () => Promise<T>): Promise<T> {
  lent.set(root, listing);
  try {
    return await fn();
  } finally {
    lent.delete(root);
  }
}

/** The listing lent for `root`, once; undefined when none was. */
export function takeListing(root: string): RepoListing | undefined {
  const listing = lent.get(root);
  lent.delete(root);
  return listing;
}

/**
 * The YAML entries of one repo folder (`accounts`, `plans`), hidden files skipped. Symbolic links
 * are resolved here, before anything is read: one that leads out of the repo, loops or dangles
 * becomes a finding. A folder that is itself a link out of the repo, or not a folder, stops the
 * run (exit 2): kam cannot tell which files it was meant to hold.
 */
export async function listFolder(root: string, folder: 'accounts' | 'plans'): Promise<FolderEntry[]> {
  const dir = join(root, folder);
  try {
    await lstat(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new KamError(`${folder}/ cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const realRoot = await realpath(root);
  let realDir: string;
  try {
    realDir = await realpath(dir);
  } catch (err) {
    throw new KamError(`${folder} is a symbolic link that ${(err as NodeJS.ErrnoException).code === 'ELOOP' ? 'loops' : 'leads nowhere'}; remove it or make it a folder`);
  }
  if (!isWithin(realRoot, realDir))
    throw new KamError(`${folder} is a symbolic link to ${realDir}, outside the repo; kam does not follow links out of the repo: move the folder into the repo`);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new KamError(`${folder} is a file, but it must be a folder holding one YAML file per ${folder === 'accounts' ? 'account' : 'plan'}; rename it`);
    throw new KamError(`${folder}/ cannot be read (${code === 'EACCES' || code === 'EPERM' ? 'permission denied; make it readable' : code ?? String(err)})`);
  }
  const listed: FolderEntry[] = [];
  const links: Promise<void>[] = [];
  for (const e of entries) {
    if (!YAML_EXT.test(e.name) || e.name.startsWith('.')) continue;
    const id = e.name.replace(YAML_EXT, '');
    const file = `${folder}/${e.name}`;
    const abs = `${dir}${sep}${e.name}`; // path.join costs more than the listing itself at 10,000 entries
    // Only a link can lead elsewhere: an entry of a folder inside the repo is inside the repo.
    if (!e.isSymbolicLink()) {
      listed.push({ id, file, abs });
      continue;
    }
    const slot = listed.push({ id, file, abs }) - 1;
    links.push(insideRepo(realRoot, abs, file, id).then((inside) => void ('finding' in inside && (listed[slot] = { id, file, finding: inside.finding }))));
  }
  await Promise.all(links);
  return listed;
}
