import { KamError } from '../../errors.js';
import { findRoot } from '../../repoFs/findRoot.js';
import type { Repo } from '../../load/loadRepo.js';
import { cachedRun } from '../runCache.js';
import type { Config } from '../../schema/config.js';
import { explainAccount } from '../../score/explain.js';
import { scorePortfolio, type Portfolio } from '../../score/portfolio.js';
import { filterScores } from '../../score/select.js';
import { accountContext } from '../../accounts/repoAccounts.js';
import { noSuchAccount, resolveAccount } from '../../accounts/resolveAccount.js';
import { makeChalk } from '../color.js';
import { explainJson, explainText } from '../format/score/explain.js';
import { scoreFormatters, type ScoreFormat } from '../format/score/index.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';

export interface ScoreOptions extends GlobalOptions {
  format: ScoreFormat;
  tier?: string;
  manager?: string;
  top?: number;
  explain?: string;
}

/** What the ranked table needs: all a cached run keeps (see cli/runCache.ts). */
interface ScoreRun {
  config: Config;
  portfolio: Portfolio;
}

export async function runScore(opts: ScoreOptions, io: Io): Promise<number> {
  const chalk = makeChalk(io, opts.color);
  if (opts.explain !== undefined) {
    const repo = await loadRepo(opts, io);
    return explain(opts.explain, repo, scorePortfolio(repo), opts, io);
  }
  const root = findRoot(io.cwd, opts.repo);
  const { config, portfolio } = await cachedRun({ io, opts, root, command: 'score', options: {}, isValue: isScoreRun }, async (): Promise<ScoreRun> => {
    const repo = await loadRepo(opts, io);
    return { config: repo.config, portfolio: scorePortfolio(repo) };
  });

  for (const bad of portfolio.invalid) io.stderr.write(`kam: ${leftOutText(bad)}\n`);
  const filter = { tier: opts.tier, manager: opts.manager, top: opts.top };
  const rows = filterScores(portfolio.accounts, config, filter);
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
async function loadRepo(opts: ScoreOptions, io: Io): Promise<Repo> {
  const { loadRepoForCli } = await import('./loadForCli.js');
  return loadRepoForCli(io, opts);
}

/**
 * Whether a stored value is a ScoreRun (see cachedRun: anything else is a miss). The parts the
 * formatters read are checked; the config was valid when it was stored under the same key.
 */
function isScoreRun(v: unknown): v is ScoreRun {
  const obj = (x: unknown): x is Record<string, any> => !!x && typeof x === 'object' && !Array.isArray(x);
  const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  const numOrNull = (x: unknown) => x === null || num(x);
  const strOrNull = (x: unknown) => x === null || typeof x === 'string';
  if (!obj(v) || !obj(v.config) || !obj(v.portfolio)) return false;
  const { config, portfolio: p } = v;
  const configOk =
    obj(config.scoring) && Array.isArray(config.scoring.criteria) && Array.isArray(config.scoring.tiers) && typeof config.scoring.untiered === 'string' && obj(config.limits);
  const accountOk = (a: unknown) =>
    obj(a) && typeof a.id === 'string' && typeof a.name === 'string' && strOrNull(a.manager) && numOrNull(a.score) && numOrNull(a.current) &&
    numOrNull(a.potential) && strOrNull(a.tier) && typeof a.tiered === 'boolean' && strOrNull(a.quadrant) && Array.isArray(a.unrated) && obj(a.criteria);
  return (
    configOk && Array.isArray(p.accounts) && p.accounts.every(accountOk) &&
    Array.isArray(p.invalid) && p.invalid.every((i: unknown) => obj(i) && typeof i.id === 'string' && typeof i.file === 'string' && num(i.errors)) &&
    Array.isArray(p.tiers) && p.tiers.every((t: unknown) => obj(t) && typeof t.name === 'string' && numOrNull(t.min) && num(t.count)) &&
    num(p.unscored) && obj(p.keyAccounts) && num(p.keyAccounts.count) && num(p.keyAccounts.limit) && typeof p.keyAccounts.over === 'boolean' &&
    Array.isArray(p.managers) && p.managers.every((m: unknown) => obj(m) && typeof m.manager === 'string' && num(m.accounts)) && num(p.unmanaged)
  );
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
