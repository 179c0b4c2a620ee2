// Every command names accounts the same way: an account id, the path of its account or plan file,
// or (where it picks out one account) the account's name. One wording for "no such account".
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { KamError } from '../errors.js';
import { personKey } from '../people/people.js';
import { REPO_FILE_RE } from '../repoFs/repoFiles.js';
import { closest } from '../util/didYouMean.js';

/** What a command knows about the accounts it can name: ids, and names where the files were read. */
export interface KnownAccount {
  id: string;
  name?: string;
}

export interface ResolveContext {
  /** The plan repo root and the folder the command runs in, for paths. */
  root: string;
  cwd: string;
  accounts: KnownAccount[];
  /** Ids that have only a plan file: a path or id naming one resolves, for commands that handle it. */
  planIds?: string[];
}

/**
 * The context for `accounts` (each with its name where the file was read) and the plan files'
 * ids, seen from `where`: the one way every command builds it (from a loaded repo or from the
 * analysis's index).
 */
export function resolveContext(accounts: readonly KnownAccount[], plans: readonly { id: string }[], where: { root: string; cwd: string }): ResolveContext {
  const accountIds = new Set(accounts.map((a) => a.id));
  return {
    root: where.root,
    cwd: where.cwd,
    accounts: accounts.map((a) => (a.name !== undefined ? { id: a.id, name: a.name } : { id: a.id })),
    planIds: [...new Set(plans.filter((p) => !accountIds.has(p.id)).map((p) => p.id))],
  };
}

/** How the account was named, for messages. */
export type ResolvedBy = 'id' | 'path' | 'name';

/**
 * The account id `ref` names: an id, `accounts/<id>.yaml` / `plans/<id>.yaml` (relative to the
 * current folder or the repo root, or absolute), or an account name (any case and spacing) that
 * exactly one account has. Throws the shared "no such account" KamError otherwise.
 */
export function resolveAccount(ref: string, ctx: ResolveContext): { id: string; by: ResolvedBy } {
  const ids = new Set(ctx.accounts.map((a) => a.id));
  const planIds = new Set(ctx.planIds ?? []);
  if (ids.has(ref)) return { id: ref, by: 'id' };
  const fromPath = idFromPath(ref, ctx);
  if (fromPath && (ids.has(fromPath) || planIds.has(fromPath))) return { id: fromPath, by: 'path' };
  const key = personKey(ref);
  const named = ctx.accounts.filter((a) => a.name !== undefined && personKey(a.name) === key);
  if (named.length === 1) return { id: named[0]!.id, by: 'name' };
  if (named.length > 1)
    throw new KamError(`"${ref}" is the name of ${named.length} accounts (${named.map((a) => a.id).join(', ')}); name one by its id`);
  if (planIds.has(ref)) return { id: ref, by: 'id' };
  throw noSuchAccount(ref, ctx);
}

/**
 * The one wording for an account that does not exist, with a "did you mean" from the ids and
 * names, and how accounts can be named.
 */
export function noSuchAccount(ref: string, ctx: Pick<ResolveContext, 'accounts'>): KamError {
  return new KamError(`no account "${ref}"${suggestion(ref, ctx.accounts)} (name an account by its id, its file or its name; "kam score" lists them)`);
}

function suggestion(ref: string, accounts: KnownAccount[]): string {
  const byId = closest(ref, accounts.map((a) => a.id));
  if (byId) return `; did you mean "${byId}"?`;
  const names = accounts.flatMap((a) => (a.name ? [a.name] : []));
  const byName = closest(ref, names);
  if (!byName) return '';
  const id = accounts.find((a) => a.name === byName)!.id;
  return `; did you mean "${byName}" (${id})?`;
}

/** The id in an account or plan file path, or undefined when `ref` does not look like a path. */
function idFromPath(ref: string, ctx: ResolveContext): string | undefined {
  if (!/[\\/]/.test(ref) && !/\.ya?ml$/i.test(ref)) return undefined;
  for (const base of [ctx.cwd, ctx.root]) {
    const rel = relative(ctx.root, resolve(base, ref)).split(sep).join('/');
    if (rel.startsWith('..') || isAbsolute(rel)) continue;
    const m = REPO_FILE_RE.exec(rel);
    if (m) return m[2]!;
  }
  // A bare file name (acme.yaml) names the account too.
  return /^([^\\/]+)\.ya?ml$/i.exec(ref)?.[1];
}
