import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KamError } from '../errors.js';
import { CONFIG_FILE } from '../repoFs/findRoot.js';
import { loadFromSource, type SourceFile } from '../load/loadRepo.js';
import { SLUG_RE } from '../schema/common.js';
import { didYouMean } from '../util/didYouMean.js';
import { accountStates, type StateNumbers } from './accountState.js';
import { gitText, objectInfo, openGitRepo, readBlobs, resolveCommit, type ObjectInfo } from './git.js';
import { MAX_FILE_BYTES, tooLarge } from '../repoFs/readText.js';
import { toSource } from './snapshot.js';
import type { Band } from '../health/health.js';

/** One row of `kam history --format json`. */
export interface HistoryEntry {
  commit: string;
  /** Committer date, YYYY-MM-DD. */
  date: string;
  subject: string;
  score: number | null;
  tier: string | null;
  completeness: number | null;
  /** Plan health as of the commit's date (one decimal) and its band; null without a valid plan. */
  health: number | null;
  band: Band | null;
  /** Target, coverage and renewals (spec 1.2), only where the account has a target or contracts. */
  numbers?: StateNumbers;
}

export interface History {
  account: string;
  history: HistoryEntry[];
  /** True in a shallow clone: the history may start later than the repo's. */
  shallow: boolean;
}

/**
 * The account's score, tier and completeness at every commit that touched its account file, its
 * plan or kam.yaml, oldest first, from the first commit where one of its files exists (and the
 * commit that deleted them). Three git processes in all: `git log`, `git cat-file --batch-check` for sizes, and one
 * `git cat-file --batch` for the blobs under the size limit, each read once.
 */
export async function accountHistory(root: string, id: string, opts: { since?: string } = {}): Promise<History> {
  if (!SLUG_RE.test(id)) throw new KamError(`"${id}" is not an account id (ids are lowercase slugs such as "northwind")`);
  const git = await openGitRepo(root);
  await resolveCommit(git, 'HEAD');
  const paths = { config: CONFIG_FILE, accounts: [`accounts/${id}.yaml`, `accounts/${id}.yml`], plans: [`plans/${id}.yaml`, `plans/${id}.yml`] };
  const all = [paths.config, ...paths.accounts, ...paths.plans];
  const log = await gitText(root, ['log', '--format=%H%x1f%cs%x1f%s', 'HEAD', '--', ...all]);
  const commits = log
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit = '', date = '', subject = ''] = line.split('\x1f');
      return { commit, date, subject };
    })
    .reverse();
  // Sizes first (as `kam diff` takes them from ls-tree -l): a blob over the size limit is reported,
  // never read, and a blob that many commits share is read once.
  const info = await objectInfo(root, commits.flatMap((c) => all.map((p) => `${c.commit}:./${p}`)));
  const wanted = [...new Set(info.flatMap((o) => (o && o.type === 'blob' && o.size <= MAX_FILE_BYTES ? [o.oid] : [])))];
  const blobs = await readBlobs(root, wanted);
  const byOid = new Map(wanted.map((oid, i) => [oid, blobs[i]?.bytes]));
  const entries: HistoryEntry[] = [];
  let existed = false;
  // Health's freshness falls back on the plan's last commit (as stale_plan does): as of each
  // commit, that is the latest commit so far whose plan file differs from the one before.
  const planChanged = new Map<string, { oid: string; date: string }>();
  commits.forEach((c, i) => {
    const at = (path: string): ObjectInfo => {
      const o = info[i * all.length + all.indexOf(path)] ?? null;
      return o && o.type === 'blob' ? o : null;
    };
    const source = (path: string, o: NonNullable<ObjectInfo>): SourceFile =>
      o.size > MAX_FILE_BYTES ? { file: path, finding: tooLarge(o.size, { file: path, account: path === CONFIG_FILE ? null : id, line: 1, column: 1 }) } : toSource(path, byOid.get(o.oid));
    const present = (list: string[]) => list.flatMap((p) => {
      const o = at(p);
      return o ? [source(p, o)] : [];
    });
    const files = [...present(paths.accounts), ...present(paths.plans)];
    for (const p of paths.plans) {
      const o = at(p);
      if (o && planChanged.get(p)?.oid !== o.oid) planChanged.set(p, { oid: o.oid, date: c.date });
    }
    const exists = files.length > 0;
    const config = at(paths.config);
    const lastCommitDate = (file: string) => planChanged.get(file)?.date;
    if (exists || existed) entries.push({ ...c, ...stateAt(config && source(paths.config, config), files, root, id, c.date, lastCommitDate) });
    existed = exists;
  });
  if (entries.length === 0) {
    const known = await readdir(join(root, 'accounts')).catch(() => [] as string[]);
    const ids = known.filter((n) => /\.ya?ml$/.test(n)).map((n) => n.replace(/\.ya?ml$/, ''));
    throw new KamError(`no account "${id}" in the history: no commit touches accounts/${id}.yaml or plans/${id}.yaml${didYouMean(id, ids) || '; check the account id ("kam score" lists them)'}`);
  }
  const since = opts.since;
  return { account: id, history: since ? entries.filter((e) => e.date >= since) : entries, shallow: git.shallow };
}

/** The account's state from the files of one commit; all null when kam.yaml is missing or invalid. */
function stateAt(
  config: SourceFile | null, files: SourceFile[], root: string, id: string, today: string, lastCommitDate: (file: string) => string | undefined,
): Pick<HistoryEntry, 'score' | 'tier' | 'completeness' | 'health' | 'band' | 'numbers'> {
  const loaded = config ? loadFromSource(root, config, files) : null;
  const state = loaded?.ok ? accountStates(loaded.repo, { today, lastCommitDate }).get(id) : undefined;
  return { score: state?.score ?? null, tier: state?.tier ?? null, completeness: state?.completeness ?? null, health: state?.health ?? null, band: state?.band ?? null, ...(state?.numbers ? { numbers: state.numbers } : {}) };
}
