import { findRoot } from '../../repoFs/findRoot.js';
import type { RepoListing } from '../../repoFs/listFolder.js';
import { loadRepo, type LoadOptions, type Repo } from '../../load/loadRepo.js';
import { makeChalk } from '../color.js';
import { findingsFormatters } from '../format/findings/index.js';
import { cacheWanted, type Io } from '../io.js';
import { makeProgress } from '../progress.js';
import { summarize } from '../../findings/severity.js';

/**
 * Finds and loads the repo for a command. An invalid kam.yaml is printed as located findings and
 * becomes exit 2: no command can work without its configuration.
 */
export async function loadRepoForCli(
  io: Io,
  opts: { repo?: string; color?: boolean; format?: string; cache?: boolean },
  listing?: RepoListing,
): Promise<Repo | { exitCode: number }> {
  const root = findRoot(io.cwd, opts.repo);
  const progress = makeProgress(io, 'kam: loading');
  let result;
  try {
    result = await loadRepo(root, { ...loadOptionsFromEnv(io.env, io), cache: cacheWanted(opts, io), onProgress: progress.update, ...(listing ? { listing } : {}) });
  } finally {
    progress.end();
  }
  if (result.ok) return result.repo;
  const formatter = opts.format === 'json' ? findingsFormatters.json : findingsFormatters.stylish;
  const report = { findings: result.findings, summary: summarize(result.findings, 0, 0), root, cwd: io.cwd, chalk: makeChalk(io, opts.color) };
  (opts.format === 'json' ? io.stdout : io.stderr).write(formatter(report));
  io.stderr.write('kam: kam.yaml is invalid; fix the problems above first\n');
  return { exitCode: 2 };
}

/**
 * Internal switches for tests and the bench (documented in docs/architecture.md, not for users):
 * KAM_WORKERS=<n> forces n worker threads (0: none); KAM_STATS=1 prints what the load did.
 */
function loadOptionsFromEnv(env: NodeJS.ProcessEnv, io: Io): LoadOptions {
  const options: LoadOptions = {};
  if (env.KAM_WORKERS !== undefined && /^\d+$/.test(env.KAM_WORKERS)) options.workers = Number(env.KAM_WORKERS);
  if (env.KAM_STATS === '1')
    options.onStats = (s) => io.stderr.write(`kam: stats: ${s.files} files, ${s.cached} cached, ${s.cachedByHash} cached by hash, ${s.parsed} parsed, ${s.workers} workers\n`);
  return options;
}
