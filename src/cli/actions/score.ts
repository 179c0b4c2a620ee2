import { KamError } from '../../errors.js';
import { findRoot } from '../../repoFs/findRoot.js';
import type { RepoListing } from '../../repoFs/listFolder.js';
import type { Repo } from '../../load/loadRepo.js';
import { reuseOrCompute, runKey } from '../runCache.js';
import type { Config } from '../../schema/config.js';
import { explainAccount } from '../../score/explain.js';
import { scorePortfolio, type Portfolio } from '../../score/portfolio.js';
import { selectAccounts } from '../../score/select.js';
import { accountContext } from '../../accounts/repoAccounts.js';
import { noSuchAccount, resolveAccount } from '../../accounts/resolveAccount.js';
import { makeChalk } from '../color.js';
import { explainJson, explainText } from '../format/score/explain.js';
import { scoreFormatters, type ScoreFormat } from '../format/score/index.js';
import { cacheWanted, type Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { VERSION } from '../../version.js';

export interface ScoreOptions extends GlobalOptions {
  format: ScoreFormat;
  tier?: string;
  manager?: string;
  top?: number;
  explain?: string;
}

/** What the ranked table needs: all a cached run keeps (see load/runCache.ts). */
interface ScoreRun {
  config: Config;
  portfolio: Portfolio;
}

export async function runScore(opts: ScoreOptions, io: Io): Promise<number> {
  const chalk = makeChalk(io, opts.color);
  if (opts.explain !== undefined) {
    const repo = await loadRepo(opts, io);
    return 'exitCode' in repo ? repo.exitCode : explain(opts.explain, repo, scorePortfolio(repo), opts, io);
  }
  const run = cacheWanted(opts, io) ? await runKey(findRoot(io.cwd, opts.repo), 'score', VERSION, {}) : undefined;
  const data = await reuseOrCompute(run, async (listing): Promise<ScoreRun | { exitCode: number }> => {
    const repo = await loadRepo(opts, io, listing);
    return 'exitCode' in repo ? repo : { config: repo.config, portfolio: scorePortfolio(repo) };
  });
  if ('exitCode' in data) return data.exitCode;
  const { config, portfolio } = data;

  for (const bad of portfolio.invalid) io.stderr.write(`kam: ${leftOutText(bad)}\n`);
  const filter = { tier: opts.tier, manager: opts.manager, top: opts.top };
  const rows = selectAccounts(portfolio.accounts, config, filter);
  const filtered = Object.values(filter).some((v) => v !== undefined);
  io.stdout.write(scoreFormatters[opts.format]({ rows, portfolio, config, chalk, filtered }));
  return 0;
}

/** Why a file is not in the ranking, in one line. */
export function leftOutText(bad: Portfolio['invalid'][number]): string {
  if (bad.errors === 0) return `left out ${bad.file}: a second file for account "${bad.id}", which is ranked from ${bad.rankedFrom}; remove or rename one of them`;
  const also = bad.rankedFrom ? `; "${bad.id}" is ranked from ${bad.rankedFrom}` : '';
  return `left out ${bad.file} (${bad.errors} error${bad.errors === 1 ? '' : 's'}; run "kam validate")${also}`;
}

/** The loader (with the parsers and schemas) loads only when needed: a cached run never needs it. */
async function loadRepo(opts: ScoreOptions, io: Io, listing?: RepoListing): Promise<Repo | { exitCode: number }> {
  const { loadRepoForCli } = await import('./loadForCli.js');
  return loadRepoForCli(io, opts, listing);
}

function explain(ref: string, repo: Repo, portfolio: Portfolio, opts: ScoreOptions, io: Io): number {
  if (opts.tier !== undefined || opts.manager !== undefined || opts.top !== undefined)
    throw new KamError('--explain shows one account: leave out --tier, --manager and --top');
  if (opts.format !== 'table' && opts.format !== 'json') throw new KamError(`--explain prints a table or json, not ${opts.format}; use --format json for machines`);
  const id = resolveAccount(ref, accountContext(repo, io.cwd)).id;
  const ranked = portfolio.accounts.find((a) => a.id === id);
  const bad = portfolio.invalid.find((a) => a.id === id);
  if (!ranked && bad) throw new KamError(`${bad.file} has ${bad.errors} error${bad.errors === 1 ? '' : 's'}, so it has no score; fix it first (run "kam validate")`);
  const loaded = repo.accounts.find((a) => a.id === id && a.value && !portfolio.invalid.some((i) => i.file === a.file));
  if (!loaded) throw noSuchAccount(ref, accountContext(repo, io.cwd));
  const explanation = explainAccount(id, loaded.value!, repo.config);
  io.stdout.write(opts.format === 'json' ? explainJson(explanation) : explainText(explanation, repo.config, makeChalk(io, opts.color)));
  return 0;
}
