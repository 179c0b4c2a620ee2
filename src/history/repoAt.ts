// History as data: the plan repo as it was at any commit, for commands that evaluate many points
// of history (kam trend). Reading N commits must not cost N cold loads: commits share most of
// their files, and git names each file's content by its blob id. So every blob is read once (one
// `git cat-file --batch` per batch of commits, only for blobs not seen yet) and every file is
// parsed and validated once per (kam.yaml blob, path, blob): a file is only loaded again when its
// bytes, its name or the kam.yaml that shapes its schema changed.
import { CONFIG_FILE } from '../repoFs/findRoot.js';
import { REPO_FILE_RE } from '../repoFs/repoFiles.js';
import { MAX_FILE_BYTES, tooLarge } from '../repoFs/readText.js';
import { assembleRepo, type LoadedAccount, type LoadedConfig, type LoadedPlan, type LoadResult } from '../load/loadRepo.js';
import { loadText, unreadable } from '../load/loadText.js';
import { jitlessFor } from '../load/schemaIssues.js';
import { accountSchema } from '../schema/account.js';
import { configSchema, type Config } from '../schema/config.js';
import { planSchema } from '../schema/plan.js';
import { compareFindings } from '../findings/finding.js';
import { git, objectInfo, readBlobs, type GitRepo } from '../git/git.js';
import { mapLimit } from '../util/mapLimit.js';
import { toSource } from '../git/snapshot.js';

/** Regular files and executables; symlinks (120000) and submodules are not plan files. */
const FILE_MODES = new Set(['100644', '100755']);

interface TreeEntry {
  oid: string;
  file: string;
  size: number;
  /** The file as last loaded from this entry, and under which kam.yaml blob: trees() shares unchanged entries between commits, so this saves the lookup. */
  last?: { config: string; loaded: LoadedAccount | LoadedPlan };
}

/** What one commit's tree holds of the plan repo. */
export interface CommitTree {
  commit: string;
  entries: TreeEntry[];
}

/** How much work the reader saved: for the bench and for tests of the reuse. */
export interface ReaderStats {
  blobsRead: number;
  filesLoaded: number;
  configsLoaded: number;
}

type ConfigState = { ok: true; config: Config; loaded: LoadedConfig; shapes: { account: ReturnType<typeof accountSchema>; plan: ReturnType<typeof planSchema> } } | { ok: false; result: LoadResult & { ok: false } };

/** Loads the repo at many commits of one git repo, sharing blobs and parsed files between them. */
export class HistoryReader {
  private readonly bytes = new Map<string, Buffer>();
  private readonly configs = new Map<string, ConfigState>();
  private readonly files = new Map<string, LoadedAccount | LoadedPlan>();
  private readonly sizes = new Map<string, number>();
  readonly stats: ReaderStats = { blobsRead: 0, filesLoaded: 0, configsLoaded: 0 };

  constructor(private readonly repo: GitRepo) {}

  /** The plan repo's files in one commit's tree: one `git ls-tree` (sizes included). */
  async tree(commit: string): Promise<CommitTree> {
    const listing = await git(this.repo.root, ['ls-tree', '-r', '-l', '-z', commit, '--', 'accounts', 'plans', CONFIG_FILE]);
    const entries: TreeEntry[] = [];
    for (const record of listing.toString('utf8').split('\0')) {
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      // <mode> <type> <oid> <size, padded>\t<path>
      const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
      const file = record.slice(tab + 1);
      if (type === 'blob' && FILE_MODES.has(mode!) && (file === CONFIG_FILE || REPO_FILE_RE.test(file))) entries.push({ oid: oid!, file, size: Number(size) });
    }
    return { commit, entries };
  }

  /**
   * The trees of many commits, as tree() gives each, in the same order: one `git ls-tree` for the
   * first and one `git diff-tree` from each to the next (a few in flight), so a commit costs what
   * changed in it, not the whole tree; sizes come from one `git cat-file --batch-check` for the
   * blobs not sized before. An entry unchanged from the previous commit is the same object.
   */
  async trees(commits: string[], base?: CommitTree): Promise<CommitTree[]> {
    if (commits.length === 0) return [];
    const pathspec = ['--', 'accounts', 'plans', CONFIG_FILE];
    const first = base ?? null;
    const firstListing = first ? null : await git(this.repo.root, ['ls-tree', '-r', '-z', commits[0]!, ...pathspec]);
    const diffs = await mapLimit(commits.map((c, i) => [i === 0 ? first?.commit : commits[i - 1], c] as const), 4, ([from, to]) =>
      from === undefined ? Promise.resolve(null) : from === to ? Promise.resolve(Buffer.alloc(0)) : git(this.repo.root, ['diff-tree', '-r', '-z', '--no-renames', '--no-commit-id', from, to, ...pathspec]),
    );
    const current = new Map<string, TreeEntry>();
    const sizeless: TreeEntry[] = [];
    const put = (mode: string, oid: string, file: string) => {
      if (!FILE_MODES.has(mode) || !(file === CONFIG_FILE || REPO_FILE_RE.test(file))) return void current.delete(file);
      const size = this.sizes.get(oid);
      const entry: TreeEntry = { oid, file, size: size ?? -1 };
      if (size === undefined) sizeless.push(entry);
      current.set(file, entry);
    };
    if (first) for (const e of first.entries) current.set(e.file, e);
    else {
      for (const record of firstListing!.toString('utf8').split('\0')) {
        const tab = record.indexOf('\t');
        if (tab < 0) continue;
        // <mode> <type> <oid>\t<path>
        const [mode, type, oid] = record.slice(0, tab).split(' ');
        if (type === 'blob') put(mode!, oid!, record.slice(tab + 1));
      }
    }
    const out: CommitTree[] = [];
    for (const [i, commit] of commits.entries()) {
      const diff = diffs[i];
      if (diff) {
        // :<old mode> <new mode> <old oid> <new oid> <status>\0<path>\0, repeated
        const fields = diff.toString('utf8').split('\0');
        for (let k = 0; k + 1 < fields.length; k += 2) {
          const head = fields[k]!;
          if (!head.startsWith(':')) break;
          const [, mode, , oid] = head.slice(1).split(' ');
          put(mode!, oid!, fields[k + 1]!);
        }
      }
      out.push({ commit, entries: [...current.values()] });
    }
    if (sizeless.length > 0) {
      const oids = [...new Set(sizeless.map((e) => e.oid))];
      const infos = await objectInfo(this.repo.root, oids);
      oids.forEach((oid, i) => this.sizes.set(oid, infos[i]?.size ?? 0));
      for (const e of sizeless) e.size = this.sizes.get(e.oid)!;
    }
    return out;
  }

  /** Reads, with one git process, every blob of `trees` under the size limit not read before. */
  async prefetch(trees: CommitTree[]): Promise<void> {
    const wanted = [...new Set(trees.flatMap((t) => t.entries.filter((e) => e.size <= MAX_FILE_BYTES && !this.bytes.has(e.oid)).map((e) => e.oid)))];
    const blobs = await readBlobs(this.repo.root, wanted);
    wanted.forEach((oid, i) => this.bytes.set(oid, blobs[i]?.bytes ?? Buffer.alloc(0)));
    this.stats.blobsRead += wanted.length;
  }

  /**
   * The repo at a commit whose tree was prefetched: as loadAtCommit gives it (null without a
   * kam.yaml; `ok: false` when kam.yaml is invalid there), from shared parsed files.
   */
  load(tree: CommitTree): LoadResult | null {
    const configEntry = tree.entries.find((e) => e.file === CONFIG_FILE);
    if (!configEntry) return null;
    const cfg = this.config(configEntry);
    if (!cfg.ok) return cfg.result;
    const accounts: LoadedAccount[] = [];
    const plans: LoadedPlan[] = [];
    for (const e of tree.entries) {
      if (e.last?.config === configEntry.oid) {
        (e.file.startsWith('accounts/') ? accounts : plans).push(e.last.loaded as LoadedAccount & LoadedPlan);
        continue;
      }
      const match = REPO_FILE_RE.exec(e.file);
      if (!match) continue;
      const key = `${configEntry.oid}\0${e.file}\0${e.oid}`;
      let loaded = this.files.get(key);
      if (!loaded) {
        loaded = this.loadFile(e, match[1] as 'accounts' | 'plans', match[2]!, cfg);
        this.files.set(key, loaded);
        this.stats.filesLoaded++;
      }
      e.last = { config: configEntry.oid, loaded };
      (match[1] === 'accounts' ? accounts : plans).push(loaded as LoadedAccount & LoadedPlan);
    }
    return { ok: true, repo: assembleRepo(this.repo.root, cfg.config, cfg.loaded, accounts, plans) };
  }

  private config(entry: TreeEntry): ConfigState {
    const known = this.configs.get(entry.oid);
    if (known) return known;
    this.stats.configsLoaded++;
    const source = entry.size > MAX_FILE_BYTES ? { file: CONFIG_FILE, finding: tooLarge(entry.size, where(CONFIG_FILE)) } : toSource(CONFIG_FILE, this.bytes.get(entry.oid));
    let state: ConfigState;
    if ('finding' in source) state = { ok: false, result: { ok: false, root: this.repo.root, findings: [source.finding] } };
    else {
      const loaded = loadText(configSchema, 'kam', CONFIG_FILE, source.text, null, { jitless: true });
      state = loaded.value
        ? { ok: true, config: loaded.value, loaded: loaded as LoadedConfig, shapes: { account: accountSchema(loaded.value), plan: planSchema(loaded.value) } }
        : { ok: false, result: { ok: false, root: this.repo.root, findings: loaded.findings.sort(compareFindings) } };
    }
    this.configs.set(entry.oid, state);
    return state;
  }

  private loadFile(e: TreeEntry, folder: 'accounts' | 'plans', id: string, cfg: ConfigState & { ok: true }): LoadedAccount | LoadedPlan {
    const source = e.size > MAX_FILE_BYTES ? { file: e.file, finding: tooLarge(e.size, where(e.file)) } : toSource(e.file, this.bytes.get(e.oid));
    if ('finding' in source) return unreadable<never>(id, e.file, source.finding);
    // Few blobs read (a QBR's quarter, a short history): no compiled fast path.
    const opts = { jitless: jitlessFor(this.bytes.size) };
    if (folder === 'accounts') return loadText(cfg.shapes.account, id, e.file, source.text, id, opts) as LoadedAccount;
    return loadText(cfg.shapes.plan, id, e.file, source.text, id, opts) as LoadedPlan;
  }
}

/** A finding's place for a whole file: its first line, under the account its name gives. */
const where = (file: string) => ({ file, account: REPO_FILE_RE.exec(file)?.[2] ?? null, line: 1, column: 1 });
