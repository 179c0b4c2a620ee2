// Selecting part of an analysis: the one resolver for the names a command line gives. Accounts
// by id, file or name (accounts/resolveAccount.ts), --manager and --owner by the people rule
// (spec 1.1, section 9: any case, runs of white space as one), --tier and --band by the label rule
// below. One wording for every unknown name, with a did-you-mean.
//
// It works on an AccountIndex, plain data a cached result keeps, so a cached `kam check` selects
// exactly as a fresh one does.
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { resolveAccount, resolveContext, type ResolveContext } from '../accounts/resolveAccount.js';
import { KamError } from '../errors.js';
import { BANDS, type Band } from '../health/health.js';
import { personKey } from '../people/people.js';
import { isWithin } from '../repoFs/inside.js';
import { didYouMean } from '../util/didYouMean.js';
import { plural } from '../util/plural.js';

import { NEEDS_RATING } from '../score/score.js';


/** One account file of the repo, with what selections match it on. */
export interface IndexedAccount {
  id: string;
  /** Repo-relative path of the account file. */
  file: string;
  /** The account's name (valid files only). */
  name?: string;
  manager: string | null;
  /** The account's tier, the untiered label, or null (needs rating, or the file is invalid). */
  tier: string | null;
  needsRating: boolean;
  /** The health band, where health was computed (for --band). */
  band?: Band | null;
}

/** What a selection can name: every account and plan file, the tiers, and (for --owner) the people. */
export interface AccountIndex {
  accounts: IndexedAccount[];
  plans: { id: string; file: string }[];
  /** kam.yaml's tier names, highest first. */
  tiers: string[];
  /** kam.yaml's label for scored accounts below every tier. */
  untiered: string;
  /** Everyone who can owe something (for --owner). */
  people?: string[];
}

export interface Scope {
  /** Accounts named by id, account or plan file, or name. */
  accounts?: string[];
  /** Files, folders or account names (kam check's arguments), relative to cwd or the repo root. */
  paths?: string[];
  manager?: string;
  tier?: string;
  band?: string;
  /** Who owes an item (agenda and digest items; accounts are not narrowed by it). */
  owner?: string;
}

export interface Selection {
  /** The selected account ids; null when nothing narrows the accounts. */
  ids: ReadonlySet<string> | null;
  /** Whether an account id is selected. */
  has(id: string): boolean;
  /** Whether a repo file is in the named paths (always true without paths). */
  hasFile(file: string): boolean;
  /** Whether a finding is in the selection: its account's, or (for repo-wide ones) its manager's. */
  hasFinding(f: { file: string; account: string | null; manager?: string }): boolean;
  /** Whether an item someone owes is in the selection (its account, and --owner). */
  hasItem(item: { account: string; owner: string | null }): boolean;
  /** The names as the repo spells them, for notes: manager, tier, band, owner. */
  resolved: { manager?: string; tier?: string; band?: Band; owner?: string; accounts: string[] };
  /** What narrowed the accounts, in words ("managed by Ann Lee and in tier Tier 1"), or null. */
  description: string | null;
  /** Whether anything narrowed the selection. */
  filtered: boolean;
}

/** The key labels (tier and band names) are compared by: any case, runs of white space as one. */
export function labelKey(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** The tier names --tier accepts, in kam.yaml's order: the tiers, the untiered label, "needs rating". */
export function tierNames(index: Pick<AccountIndex, 'tiers' | 'untiered'>): string[] {
  return [...new Set([...index.tiers, index.untiered, NEEDS_RATING])];
}

/** The tier a --tier value means, as kam.yaml spells it; a usage error when it is none. */
export function resolveTier(index: Pick<AccountIndex, 'tiers' | 'untiered'>, wanted: string): string {
  const names = tierNames(index);
  const tier = names.find((n) => labelKey(n) === labelKey(wanted));
  if (tier === undefined) throw new KamError(`--tier "${wanted}" is not a tier${didYouMean(wanted, names) || `; tiers are ${quoted(names)}`}`);
  return tier;
}

/** The band a --band value means. */
export function resolveBand(wanted: string): Band {
  const band = BANDS.find((b) => labelKey(b) === labelKey(wanted));
  if (band === undefined) throw new KamError(`--band "${wanted}" is not a band${didYouMean(wanted, BANDS) || '; bands are red, amber and green'}`);
  return band;
}

/** The manager a --manager value means, as the repo spells them; a usage error when nobody manages an account by that name. */
export function resolveManager(index: Pick<AccountIndex, 'accounts'>, wanted: string): string {
  const managers = [...new Set(index.accounts.flatMap((a) => (a.manager ? [a.manager] : [])))].sort();
  const name = managers.find((m) => personKey(m) === personKey(wanted));
  if (name === undefined)
    throw new KamError(`--manager "${wanted}": no account is managed by that name${didYouMean(wanted, managers) || (managers.length ? `; managers are ${quoted(managers)}` : '; no account names a manager')}`);
  return name;
}

/**
 * The person a name means (--owner, a digest's person), as the repo spells them; a usage error
 * when the repo names nobody so. `flag` names the option; `hint` is said when no name is close.
 */
export function resolvePerson(people: readonly string[], wanted: string, opts: { flag?: string; hint?: string } = {}): string {
  const name = people.find((p) => personKey(p) === personKey(wanted));
  if (name === undefined)
    throw new KamError(`${opts.flag ? `${opts.flag} ` : ''}"${wanted}": nobody of that name manages an account or owns an item in a plan${didYouMean(wanted, people) || (opts.hint ? `; ${opts.hint}` : '')}`);
  return name;
}

/** The context resolveAccount needs, from an index: ids, names, and ids that have only a plan. */
export function accountsContext(index: Pick<AccountIndex, 'accounts' | 'plans'>, where: { root: string; cwd: string }): ResolveContext {
  return resolveContext(index.accounts, index.plans, where);
}

/**
 * What `scope` selects of the index. Every name is checked (an unknown one throws a KamError,
 * exit 2) before anything is filtered, so a typo never reads as "nothing to report".
 */
export function select(index: AccountIndex, scope: Scope, where: { root: string; cwd: string }): Selection {
  const resolved: Selection['resolved'] = { accounts: [] };
  const parts: string[] = [];
  let ids: Set<string> | null = null;
  const narrow = (keep: (id: string) => boolean) => {
    const all = ids ?? new Set([...index.accounts.map((a) => a.id), ...index.plans.map((p) => p.id)]);
    ids = new Set([...all].filter(keep));
  };
  const byId = new Map<string, IndexedAccount>();
  for (const a of index.accounts) if (!byId.has(a.id) || (a.name !== undefined && byId.get(a.id)!.name === undefined)) byId.set(a.id, a);

  if (scope.accounts?.length) {
    const context = accountsContext(index, where);
    const named = new Set(scope.accounts.map((ref) => resolveAccount(ref, context).id));
    resolved.accounts = [...named];
    narrow((id) => named.has(id));
  }
  const files = scope.paths?.length ? pathFilter(scope.paths, index, where) : null;
  let managerKey: string | undefined;
  if (scope.manager !== undefined) {
    resolved.manager = resolveManager(index, scope.manager);
    managerKey = personKey(resolved.manager);
    narrow((id) => {
      const m = byId.get(id)?.manager;
      return m !== null && m !== undefined && personKey(m) === managerKey;
    });
    parts.push(`managed by ${resolved.manager}`);
  }
  if (scope.tier !== undefined) {
    const tier = (resolved.tier = resolveTier(index, scope.tier));
    const needsRating = tier === NEEDS_RATING && !index.tiers.includes(tier) && index.untiered !== tier;
    narrow((id) => {
      const a = byId.get(id);
      return a !== undefined && (needsRating ? a.needsRating : a.tier === tier);
    });
    parts.push(`in tier ${tier}`);
  }
  if (scope.band !== undefined) {
    const band = (resolved.band = resolveBand(scope.band));
    narrow((id) => byId.get(id)?.band === band);
    parts.push(`in the ${band} band`);
  }
  let ownerKey: string | undefined;
  if (scope.owner !== undefined) {
    resolved.owner = resolvePerson(index.people ?? [], scope.owner, { flag: '--owner' });
    ownerKey = personKey(resolved.owner);
  }

  const chosen = ids as ReadonlySet<string> | null;
  const has = (id: string) => chosen === null || chosen.has(id);
  const hasFile = (file: string) => files === null || files(file);
  // A repo-wide finding (a manager's load) is about no one account: --manager keeps its manager's,
  // a tier or an account list keeps none.
  const onlyManager = scope.manager !== undefined && scope.tier === undefined && scope.band === undefined && !scope.accounts?.length;
  return {
    ids: chosen,
    has,
    hasFile,
    hasFinding: (f) =>
      hasFile(f.file) &&
      (f.account !== null ? has(f.account) : chosen === null || (onlyManager && f.manager !== undefined && personKey(f.manager) === managerKey)),
    hasItem: (item) => has(item.account) && (ownerKey === undefined || (item.owner !== null && personKey(item.owner) === ownerKey)),
    resolved,
    description: parts.length ? parts.join(' and ') : null,
    filtered: chosen !== null || files !== null || ownerKey !== undefined,
  };
}

/** The index with each account's health band, for --band (health is computed for accounts with a plan). */
export function withBands(index: AccountIndex, health: readonly { id: string; band: Band | null }[]): AccountIndex {
  const bands = new Map(health.map((h) => [h.id, h.band]));
  return { ...index, accounts: index.accounts.map((a) => ({ ...a, band: bands.get(a.id) ?? null })) };
}

/** A note for a report narrowed by --manager/--tier/--band: "only the 3 accounts managed by Ann Lee (--manager)". */
export function selectionNote(selection: Selection, flags: string): string | null {
  if (selection.description === null || selection.ids === null) return null;
  return `only the ${plural(selection.ids.size, 'account')} ${selection.description} (${flags})`;
}

/**
 * Which repo files kam check's arguments cover. Each may be relative to the working folder or to
 * the repo root; anything that is not a file or folder names an account (its id or name), which
 * covers its account and plan files.
 */
function pathFilter(paths: string[], index: AccountIndex, where: { root: string; cwd: string }): (file: string) => boolean {
  const { root, cwd } = where;
  const context = accountsContext(index, where);
  const prefixes = paths.flatMap((p) => {
    const abs = [resolve(cwd, p), resolve(root, p)].find((candidate) => existsSync(candidate));
    if (!abs) {
      let id: string;
      try {
        id = resolveAccount(p, context).id;
      } catch (err) {
        if (/[\\/]|\.ya?ml$/i.test(p))
          throw new KamError(`${p}: no such file or folder (paths are relative to the current folder or to the plan repo; an account can also be named by its id or name)`);
        throw err;
      }
      return [...index.accounts, ...index.plans].filter((f) => f.id === id).map((f) => f.file);
    }
    if (!isWithin(root, abs)) throw new KamError(`${p} is outside the plan repo ${root}; name files or folders inside it`);
    return relative(root, abs).split(sep).join('/');
  });
  return (file) => prefixes.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`));
}
