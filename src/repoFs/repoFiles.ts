import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KamError } from '../errors.js';

/** The account/plan file names a source lists: `<folder>/<id>.yaml` directly in the folder, no dot files. */
export const REPO_FILE_RE = /^(accounts|plans)\/([^/.][^/]*)\.ya?ml$/;

const YAML_EXT = /\.ya?ml$/;

/**
 * id -> file name of every account file (accounts/<id>.yaml or .yml; no dot files), read once,
 * ids in code-unit order; when both <id>.yaml and <id>.yml exist, .yaml. The one listing of
 * account ids for the commands that write accounts (import, new); the loader lists with
 * listFolder, which also resolves links. No accounts/ folder: none.
 */
export function accountFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(join(root, 'accounts'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return files;
    throw new KamError(`accounts/ cannot be read (${code === 'EACCES' || code === 'EPERM' ? 'permission denied; make it readable' : code ?? String(err)})`);
  }
  for (const name of names.sort()) {
    if (!YAML_EXT.test(name) || name.startsWith('.')) continue;
    const id = name.replace(YAML_EXT, '');
    if (!files.has(id)) files.set(id, name);
  }
  return files;
}
