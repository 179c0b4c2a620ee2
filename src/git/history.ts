import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KamError } from '../errors.js';
import { CONFIG_FILE } from '../repoFs/findRoot.js';
import { loadFromSource, type SourceFile } from '../load/loadRepo.js';
import { SLUG_RE } from '../schema/common.js';
import { didYouMean } from '../util/didYouMean.js';
import { accountStates } from './accountState.js';
import { gitText, openGitRepo, readBlobs, resolveCommit, type Blob } from './git.js';
import { toSource } from './snapshot.js';

/** One row of `kam history --format json`. */
export interface HistoryEntry {
  commit: string;
  /** Committer date, YYYY-MM-DD. */
  date: string;
  subject: string;
  score: number | null;
  tier: string | null;
  completeness: number | null;
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
 * commit that deleted them). Two git processes in all: `git log` and one `git cat-file --batch`.
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
  const blobs = await readBlobs(root, commits.flatMap((c) => all.map((p) => `${c.commit}:./${p}`)));
  const entries: HistoryEntry[] = [];
  let existed = false;
  commits.forEach((c, i) => {
    const at = (path: string): Blob => blobs[i * all.length + all.indexOf(path)] ?? null;
    const present = (list: string[]) => list.map((p) => ({ p, blob: at(p) })).filter((x) => x.blob !== null);
    const files = [...present(paths.accounts), ...present(paths.plans)];
    const exists = files.length > 0;
    if (exists || existed) entries.push({ ...c, ...stateAt(at(paths.config), files.map((f) => toSource(f.p, f.blob!.bytes)), root, id) });
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
function stateAt(config: Blob, files: SourceFile[], root: string, id: string): Pick<HistoryEntry, 'score' | 'tier' | 'completeness'> {
  const loaded = config ? loadFromSource(root, toSource(CONFIG_FILE, config.bytes), files) : null;
  const state = loaded?.ok ? accountStates(loaded.repo).get(id) : undefined;
  return { score: state?.score ?? null, tier: state?.tier ?? null, completeness: state?.completeness ?? null };
}
