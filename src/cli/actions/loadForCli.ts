import { analyze, type Analysis, type AnalyzeOptions } from '../../analysis/analyze.js';
import { KamError } from '../../errors.js';
import { compareFindings, type Finding } from '../../findings/finding.js';
import { summarize } from '../../findings/severity.js';
import { loadRepo, type LoadOptions, type Repo } from '../../load/loadRepo.js';
import { findRoot } from '../../repoFs/findRoot.js';
import { makeChalk } from '../color.js';
import { findingsFormatters } from '../format/findings/index.js';
import { cacheWanted, type Io } from '../io.js';
import { makeProgress } from '../progress.js';

/** What loading for a command needs of its options. */
export interface CliLoadOptions {
  repo?: string;
  color?: boolean;
  format?: string;
  cache?: boolean;
}

/**
 * Finds and loads the repo for a command. An invalid kam.yaml is printed as located findings and
 * becomes exit 2 (a KamError): no command can work without its configuration.
 */
export async function loadRepoForCli(io: Io, opts: CliLoadOptions): Promise<Repo> {
  const root = findRoot(io.cwd, opts.repo);
  const progress = makeProgress(io, 'kam: loading');
  let result;
  try {
    result = await loadRepo(root, { ...workersFromEnv(io.env), onStats: io.onLoadStats, cache: cacheWanted(opts, io), onProgress: progress.update });
  } finally {
    progress.end();
  }
  if (result.ok) return result.repo;
  throw configInvalid(io, opts, root, result.findings);
}

/**
 * Prints an invalid kam.yaml's findings (on stdout for --format json, else on stderr) and returns
 * the error that ends the command (exit 2).
 */
export function configInvalid(io: Io, opts: CliLoadOptions, root: string, findings: Finding[]): KamError {
  const sorted = [...findings].sort(compareFindings);
  const formatter = opts.format === 'json' ? findingsFormatters.json : findingsFormatters.stylish;
  const report = { findings: sorted, summary: summarize(sorted, 0, 0), root, cwd: io.cwd, chalk: makeChalk(io, opts.color) };
  (opts.format === 'json' ? io.stdout : io.stderr).write(formatter(report));
  return new KamError('kam.yaml is invalid; fix the problems above first');
}

/**
 * An internal switch for tests and the bench (documented in docs/architecture.md, not for users):
 * KAM_WORKERS=<n> forces n worker threads (0: none).
 */
function workersFromEnv(env: NodeJS.ProcessEnv): LoadOptions {
  return env.KAM_WORKERS !== undefined && /^\d+$/.test(env.KAM_WORKERS) ? { workers: Number(env.KAM_WORKERS) } : {};
}

/** Loads the repo and analyses it: the first two steps of every reporting command (load -> analyze -> select -> format). */
export async function analyzeForCli(io: Io, opts: CliLoadOptions, options: AnalyzeOptions): Promise<Analysis> {
  const repo = await loadRepoForCli(io, opts);
  return analyze(repo, options);
}
