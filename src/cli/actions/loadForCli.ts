import { findRoot } from '../../load/findRoot.js';
import { loadRepo, type Repo } from '../../load/loadRepo.js';
import { makeChalk } from '../color.js';
import { findingsFormatters } from '../format/findings/index.js';
import type { Io } from '../io.js';
import { summarize } from '../../check/severity.js';

/**
 * Finds and loads the repo for a command. An invalid kam.yaml is printed as located findings and
 * becomes exit 2: no command can work without its configuration.
 */
export async function loadRepoForCli(io: Io, opts: { repo?: string; color?: boolean; format?: string }): Promise<Repo | { exitCode: number }> {
  const root = findRoot(io.cwd, opts.repo);
  const result = await loadRepo(root);
  if (result.ok) return result.repo;
  const formatter = opts.format === 'json' ? findingsFormatters.json : findingsFormatters.stylish;
  const report = { findings: result.findings, summary: summarize(result.findings, 0, 0), root, cwd: io.cwd, chalk: makeChalk(io, opts.color) };
  (opts.format === 'json' ? io.stdout : io.stderr).write(formatter(report));
  io.stderr.write('kam: kam.yaml is invalid; fix the problems above first\n');
  return { exitCode: 2 };
}

