import { localToday } from '../../util/dates.js';
import { KamError } from '../../errors.js';
import { explainHealth } from '../../health/explain.js';
import type { Repo } from '../../load/loadRepo.js';
import { resolveAccount } from '../../accounts/resolveAccount.js';
import type { Analysis } from '../../analysis/analyze.js';
import { accountsContext, select, withBands } from '../../analysis/select.js';
import type { Slices } from '../../analysis/slices.js';
import { didYouMean } from '../../util/didYouMean.js';
import { makeChalk } from '../color.js';
import { explainHealthJson, explainHealthText } from '../format/health/explain.js';
import { healthFormatters, type HealthFormat } from '../format/health/index.js';
import type { Io } from '../io.js';
import { findRoot } from '../../repoFs/findRoot.js';
import { cachedRun } from '../runCache.js';
import type { GlobalOptions } from '../options.js';

export interface HealthCliOptions extends GlobalOptions {
  format: HealthFormat;
  manager?: string;
  tier?: string;
  band?: string;
  explain?: string;
  today?: string;
}

/** What the list needs: the analysis slices a cached run keeps (see cli/runCache.ts). */
type HealthRun = Pick<Slices, 'config' | 'health' | 'index'> & {
  /** Whether git history was read (plans without last_reviewed): such runs are not cached. */
  usedGit?: boolean;
};

export async function runHealth(refs: string[], opts: HealthCliOptions, io: Io): Promise<number> {
  const today = opts.today ?? localToday();
  const chalk = makeChalk(io, opts.color);
  if (opts.explain !== undefined) {
    if (refs.length || opts.tier !== undefined || opts.manager !== undefined || opts.band !== undefined)
      throw new KamError('--explain shows one account: leave out account ids, --tier, --manager and --band');
    if (opts.format !== 'table' && opts.format !== 'json') throw new KamError(`--explain prints a table or json, not ${opts.format}; use --format json for machines`);
    const analysis = await analyzeRepo(opts, io, today);
    const { repo } = analysis;
    const id = resolveAccount(opts.explain, accountsContext(analysis.index, { root: repo.root, cwd: io.cwd })).id;
    const h = analysis.health.find((x) => x.id === id) ?? unknownAccount(id, repo);
    const e = explainHealth(h, repo.config);
    const { objectiveProgress } = await import('../../numbers/objectives.js');
    const plan = repo.plans.find((p) => p.id === h.id)?.value;
    const objectives = plan ? objectiveProgress(plan) : [];
    io.stdout.write(opts.format === 'json' ? explainHealthJson(e, objectives) : explainHealthText(e, chalk, objectives));
    return 0;
  }

  const root = findRoot(io.cwd, opts.repo);
  const { sliceCodec } = await import('../../analysis/slices.js');
  const data: HealthRun = await cachedRun(
    { io, opts, root, command: 'health', options: { today }, codec: sliceCodec('config', 'health', 'index'), keep: (computed) => !computed.usedGit },
    async () => {
      const analysis = await analyzeRepo(opts, io, today);
      return { config: analysis.repo.config, health: analysis.health, index: analysis.index, usedGit: analysis.usedGit };
    },
  );
  const { config, health: all } = data;
  const selection = select(withBands(data.index, all), { accounts: refs, tier: opts.tier, manager: opts.manager, band: opts.band }, { root, cwd: io.cwd });
  for (const id of selection.resolved.accounts)
    if (!all.some((h) => h.id === id)) unknownAccount(id, (await analyzeRepo({ ...opts, cache: false }, io, today)).repo);
  const rows = all.filter((h) => selection.has(h.id));
  io.stdout.write(healthFormatters[opts.format]({ rows, total: all.length, filtered: selection.filtered, config, chalk }));
  return 0;
}

/** Why an account has no health: throws a usage error that says so. */
function unknownAccount(id: string, repo: Repo): never {
  const account = repo.accounts.find((a) => a.id === id);
  const plan = repo.plans.find((p) => p.id === id);
  if (account?.value && plan?.value) throw new KamError(`"${id}" has errors in its files, so it has no health; fix them first (run "kam validate")`);
  if (account) throw new KamError(`"${id}" has no valid plan, so it has no health; write plans/${id}.yaml ("kam new plan ${id}") or fix it ("kam validate")`);
  throw new KamError(`no account "${id}"${didYouMean(id, repo.accounts.map((a) => a.id))} (accounts are the files in accounts/; "kam health" lists those with a plan)`);
}

/** The loader (with the parsers and schemas) loads only when needed: a cached run never needs it. */
async function analyzeRepo(opts: HealthCliOptions, io: Io, today: string): Promise<Analysis> {
  const { analyzeForCli } = await import('./loadForCli.js');
  return analyzeForCli(io, opts, { today });
}
