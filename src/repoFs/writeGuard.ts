import { lstatSync, realpathSync } from 'node:fs';
import { parse, relative, resolve, sep } from 'node:path';
import { KamError } from '../errors.js';
import { isWithin } from './inside.js';

/**
 * The one guard for every file kam writes (init, new, import, render --out, schema --out,
 * check -o, codeowners --write). Threat: a repo, or a pull request, commits a symbolic link
 * (`out -> ../elsewhere`, `.github -> /home/me/.ssh`, `CODEOWNERS -> ~/.bashrc`); a write that
 * follows it lands outside the repo, and a read of the file copies an outside file into the repo.
 *
 * The path is walked one name at a time, as the kernel will when kam writes it, each link
 * resolved where it is found. A link that lies inside the repo and leads out of it (or leads
 * nowhere) stops the write; a link inside the repo to elsewhere in the repo is fine, and so is a
 * path the user spelled outside the repo (`--out /tmp/docs`), links and all: the user chose it.
 * The path is taken as `resolve` spells it, which is also the string kam then writes to.
 */
export function linkOutOfRepo(root: string, path: string): { link: string; file: boolean } | undefined {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return undefined; // a repo that does not exist yet (kam init new-folder) holds no links
  }
  const full = resolve(path);
  const names = full.slice(parse(full).root.length).split(sep).filter(Boolean);
  // `at` is always a real path (no link in it): where the walk has really got to.
  let at = parse(full).root;
  for (const [i, name] of names.entries()) {
    const next = resolve(at, name);
    let isLink: boolean;
    try {
      const stat = lstatSync(next, { throwIfNoEntry: false });
      if (stat === undefined) return undefined; // the rest is created by kam, as real folders
      isLink = stat.isSymbolicLink();
    } catch {
      return undefined; // through a file (ENOTDIR) or unreadable: the write itself reports it
    }
    if (!isLink) {
      at = next;
      continue;
    }
    let target: string | undefined;
    try {
      target = realpathSync(next);
    } catch {
      target = undefined; // dangling, or a loop
    }
    if (isWithin(realRoot, at) && (target === undefined || !isWithin(realRoot, target)))
      return { link: relative(realRoot, next) || '.', file: i === names.length - 1 };
    if (target === undefined) return undefined; // outside the repo: the write itself reports it
    at = target;
  }
  return undefined;
}

/** What else a user of --out can do: the folder may be anywhere outside the repo, spelled as such. */
export const OUT_ELSEWHERE = 'or name a folder outside the repo with --out';

/**
 * Throws a KamError (exit 2) when writing `path` would go through a link in `root` that leads
 * out of it. `fix` is how else the user can get what they asked for (e.g. an --out outside the
 * repo); `folder` says `path` is a folder kam writes into (so its last name is a folder too).
 */
export function refuseWriteOut(root: string, path: string, opts: { fix?: string; folder?: boolean } = {}): void {
  const found = linkOutOfRepo(root, path);
  if (!found) return;
  throw new KamError(
    `${found.link} leads out of the repo (a symbolic link to elsewhere); kam writes only inside the repo: make it a real ${found.file && !opts.folder ? 'file' : 'folder'}${opts.fix ? `, ${opts.fix}` : ''}`,
  );
}
