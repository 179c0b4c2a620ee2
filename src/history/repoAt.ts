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
import { accountSchema } from '../schema/account.js';
import { configSchema, type Config } from '../schema/config.js';
import { planSchema } from '../schema/plan.js';
import { compareFindings } from '../findings/finding.js';
import { git, readBlobs, type GitRepo } from '../git/git.js';
import { toSource } from '../git/snapshot.js';

/** Regular files and executables; symlinks (120000) and submodules are not plan files. */
const FILE_MODES = new Set(['100644', '100755']);

interface TreeEntry {
  oid: string;
  file: string;
  size: number;
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
      const match = REPO_FILE_RE.exec(e.file);
      if (!match) continue;
      const key = `${configEntry.oid}\0${e.file}\0${e.oid}`;
      let loaded = this.files.get(key);
      if (!loaded) {
        loaded = this.loadFile(e, match[1] as 'accounts' | 'plans', match[2]!, cfg);
        this.files.set(key, loaded);
        this.stats.filesLoaded++;
      }
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
      const loaded = loadText(configSchema, 'kam', CONFIG_FILE, source.text, null);
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
    if (folder === 'accounts') return loadText(cfg.shapes.account, id, e.file, source.text, id) as LoadedAccount;
    return loadText(cfg.shapes.plan, id, e.file, source.text, id) as LoadedPlan;
  }
}

/** A finding's place for a whole file: its first line, under the account its name gives. */
const where = (file: string) => ({ file, account: REPO_FILE_RE.exec(file)?.[2] ?? null, line: 1, column: 1 });
