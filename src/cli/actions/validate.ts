import { join, relative } from 'node:path';
import { applySeverities, configRuleSettings, summarize } from '../../findings/severity.js';
import { makeChalk } from '../color.js';
import { findingsFormatters, type FindingsFormat } from '../format/findings/index.js';
import { limitFindings } from '../format/findings/limit.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { loadRepoForCli } from './loadForCli.js';
import { staleSchemaFiles } from '../../schema/schemaDrift.js';

export async function runValidate(opts: GlobalOptions & { format: FindingsFormat; maxFindings?: number }, io: Io): Promise<number> {
  const repo = await loadRepoForCli(io, opts);
  const findings = applySeverities(repo.findings, configRuleSettings(repo.config));
  const summary = summarize(findings, repo.accounts.length, repo.plans.length);
  const listed = limitFindings(findings, opts.format, opts.maxFindings);
  io.stdout.write(findingsFormatters[opts.format]({ ...listed, summary, root: repo.root, cwd: io.cwd, chalk: makeChalk(io, opts.color) }));
  const stale = staleSchemaFiles(repo.root, repo.config);
  if (stale.length > 0)
    io.stderr.write(
      `kam: ${stale.join(', ')} ${stale.length === 1 ? 'no longer matches' : 'no longer match'} kam.yaml, so editors may reject valid files or miss new keys; refresh with: kam schema --out ${relative(io.cwd, join(repo.root, 'schema')) || '.'}${opts.repo ? ` -C ${opts.repo}` : ''}\n`,
    );
  return summary.errors > 0 ? 1 : 0;
}
