import { localToday } from '../../util/dates.js';
import { plural } from '../../util/plural.js';
import { KamError } from '../../errors.js';
import { findRoot } from '../../repoFs/findRoot.js';
import { cachedRun } from '../runCache.js';
import { explainAccount } from '../../score/explain.js';
import type { RankedScore } from '../../score/score.js';
import { resolveAccount } from '../../accounts/resolveAccount.js';
import { accountsContext, select } from '../../analysis/select.js';
import { noSuchAccount } from '../../accounts/resolveAccount.js';
import { makeChalk } from '../color.js';
import { leftOutText } from '../format/leftOut.js';
import { explainJson, explainText } from '../format/score/explain.js';
import { scoreFormatters, type ScoreFormat } from '../format/score/index.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import type { Analysis } from '../../analysis/analyze.js';

export interface ScoreOptions extends GlobalOptions {
  format: ScoreFormat;
  tier?: string;
  manager?: string;
  top?: number;
  explain?: string;
}

/** `kam score`: the analysis's portfolio (cached: config, portfolio and index), selected, then formatted. */
export async function runScore(opts: ScoreOptions, io: Io): Promise<number> {
  if (opts.explain !== undefined) return explain(opts.explain, await analyzeRepo(opts, io), opts, io);
  const root = findRoot(io.cwd, opts.repo);
  const { sliceCodec } = await import('../../analysis/slices.js');
  const { config, portfolio, index } = await cachedRun({ io, opts, root, command: 'score', options: {}, codec: sliceCodec('config', 'portfolio', 'index') }, async () => {
    const analysis = await analyzeRepo(opts, io);
    return { config: analysis.repo.config, portfolio: analysis.portfolio, index: analysis.index };
  });

  for (const bad of portfolio.invalid) io.stderr.write(`kam: ${leftOutText(bad)}\n`);
  const selection = select(index, { tier: opts.tier, manager: opts.manager }, { root, cwd: io.cwd });
  // Ranks stay those of the whole portfolio, so --tier "Tier 2" still shows where each account stands.
  let rows: RankedScore[] = portfolio.accounts.map((a, i) => ({ ...a, rank: i + 1 })).filter((a) => selection.has(a.id));
  if (opts.top !== undefined) rows = rows.slice(0, opts.top);
  const filtered = selection.filtered || opts.top !== undefined;
  io.stdout.write(scoreFormatters[opts.format]({ rows, portfolio, config, chalk: makeChalk(io, opts.color), filtered }));
  return 0;
}

/** The loader (with the parsers and schemas) loads only when needed: a cached run never needs it. Scores need no git. */
async function analyzeRepo(opts: ScoreOptions, io: Io): Promise<Analysis> {
  const { analyzeForCli } = await import('./loadForCli.js');
  return analyzeForCli(io, opts, { today: localToday(), dates: false });
}

function explain(ref: string, analysis: Analysis, opts: ScoreOptions, io: Io): number {
  if (opts.tier !== undefined || opts.manager !== undefined || opts.top !== undefined)
    throw new KamError('--explain shows one account: leave out --tier, --manager and --top');
  if (opts.format !== 'table' && opts.format !== 'json') throw new KamError(`--explain prints a table or json, not ${opts.format}; use --format json for machines`);
  const { repo, portfolio } = analysis;
  const context = accountsContext(analysis.index, { root: repo.root, cwd: io.cwd });
  const id = resolveAccount(ref, context).id;
  const ranked = portfolio.accounts.find((a) => a.id === id);
  const bad = portfolio.invalid.find((a) => a.id === id);
  if (!ranked && bad) throw new KamError(`${bad.file} has ${plural(bad.errors, 'error')}, so it has no score; fix it first (run "kam validate")`);
  const loaded = repo.accounts.find((a) => a.id === id && a.value && !portfolio.invalid.some((i) => i.file === a.file));
  if (!loaded) throw noSuchAccount(ref, context);
  const explanation = explainAccount(id, loaded.value!, repo.config);
  io.stdout.write(opts.format === 'json' ? explainJson(explanation) : explainText(explanation, repo.config, makeChalk(io, opts.color)));
  return 0;
}
