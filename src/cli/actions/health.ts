import { localToday } from '../../check/dates.js';
import { KamError } from '../../errors.js';
import { explainHealth } from '../../health/explain.js';
import { repoHealth, type PlanHealth } from '../../health/portfolio.js';
import { selectHealth } from '../../health/select.js';
import type { Repo } from '../../load/loadRepo.js';
import { scorePortfolio } from '../../score/portfolio.js';
import { didYouMean } from '../../util/didYouMean.js';
import { makeChalk } from '../color.js';
import { explainHealthJson, explainHealthText } from '../format/health/explain.js';
import { healthFormatters, type HealthFormat } from '../format/health/index.js';
import type { Io } from '../io.js';
import { findRoot } from '../../repoFs/findRoot.js';
import type { Config } from '../../schema/config.js';
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

/** Health of every account with a plan, computed from the repo on disk (and git for review dates). */
export async function computeRepoHealth(repo: Repo, today: string): Promise<PlanHealth[]> {
  const { gitDatesFor } = await import('../../git/lastCommitDates.js');
  // Freshness falls back on a plan's last commit when it has no last_reviewed, as stale_plan does.
  const lastCommitDate = await gitDatesFor(repo);
  return repoHealth(repo, { today, lastCommitDate, portfolio: scorePortfolio(repo) });
}

/** What the list needs: all a cached run keeps (see cli/runCache.ts). */
interface HealthRun {
  config: Config;
  health: PlanHealth[];
  /** Whether git history was read (plans without last_reviewed): such runs are not cached. */
  usedGit: boolean;
}

export async function runHealth(ids: string[], opts: HealthCliOptions, io: Io): Promise<number> {
  const today = opts.today ?? localToday();
  const chalk = makeChalk(io, opts.color);
  if (opts.explain !== undefined) {
    if (ids.length || opts.tier !== undefined || opts.manager !== undefined || opts.band !== undefined)
      throw new KamError('--explain shows one account: leave out account ids, --tier, --manager and --band');
    if (opts.format !== 'table' && opts.format !== 'json') throw new KamError(`--explain prints a table or json, not ${opts.format}; use --format json for machines`);
    const repo = await loadRepo(opts, io);
    const all = await computeRepoHealth(repo, today);
    const h = all.find((x) => x.id === opts.explain) ?? unknownAccount(opts.explain, repo);
    const e = explainHealth(h, repo.config);
    const { objectiveProgress } = await import('../../numbers/objectives.js');
    const plan = repo.plans.find((p) => p.id === h.id)?.value;
    const objectives = plan ? objectiveProgress(plan) : [];
    io.stdout.write(opts.format === 'json' ? explainHealthJson(e, objectives) : explainHealthText(e, chalk, objectives));
    return 0;
  }

  const data = await cachedRun(
    { io, opts, root: findRoot(io.cwd, opts.repo), command: 'health', options: { today }, isValue: isHealthRun, keep: (computed) => !computed.usedGit },
    async (): Promise<HealthRun> => {
      const [repo, { needsGitDates }] = await Promise.all([loadRepo(opts, io), import('../../git/lastCommitDates.js')]);
      return { config: repo.config, health: await computeRepoHealth(repo, today), usedGit: needsGitDates(repo) };
    },
  );
  const { config, health: all } = data;

  let rows = all;
  if (ids.length) {
    const byId = new Map(all.map((h) => [h.id, h]));
    const missing = ids.find((id) => !byId.has(id));
    if (missing !== undefined) {
      // Only now is the repo needed: to say why this account has no health.
      const repo = await loadRepo({ ...opts, cache: false }, io);
      unknownAccount(missing, repo);
    }
    const wanted = new Set(ids);
    rows = all.filter((h) => wanted.has(h.id));
  }
  rows = selectHealth(rows, config, { tier: opts.tier, manager: opts.manager, band: opts.band });
  const filtered = ids.length > 0 || opts.tier !== undefined || opts.manager !== undefined || opts.band !== undefined;
  io.stdout.write(healthFormatters[opts.format]({ rows, total: all.length, filtered, config, chalk }));
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
async function loadRepo(opts: HealthCliOptions, io: Io): Promise<Repo> {
  const { loadRepoForCli } = await import('./loadForCli.js');
  return loadRepoForCli(io, opts);
}

/**
 * Whether a stored value is a HealthRun (see cachedRun: anything else is a miss): the parts the
 * formatters read are checked; the config was valid when it was stored under the same key.
 */
function isHealthRun(v: unknown): v is HealthRun {
  const obj = (x: unknown): x is Record<string, any> => !!x && typeof x === 'object' && !Array.isArray(x);
  const numOrNull = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x));
  const strOrNull = (x: unknown) => x === null || typeof x === 'string';
  if (!obj(v) || v.usedGit !== false || !obj(v.config) || !obj(v.config.health) || !Array.isArray(v.health)) return false;
  return v.health.every(
    (h: unknown) =>
      obj(h) && typeof h.id === 'string' && typeof h.file === 'string' && typeof h.name === 'string' && strOrNull(h.tier) && strOrNull(h.manager) && numOrNull(h.health) &&
      (h.band === null || h.band === 'green' || h.band === 'amber' || h.band === 'red') && obj(h.components) &&
      Object.values(h.components).every((c) => obj(c) && typeof c.value === 'number' && typeof c.weight === 'number') && Array.isArray(h.left_out) && Array.isArray(h.details),
  );
}
