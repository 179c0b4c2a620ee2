import { localToday } from '../../check/dates.js';
import { KamError } from '../../errors.js';
import { explainHealth } from '../../health/explain.js';
import { healthNeedsGit, repoHealth, type PlanHealth } from '../../health/portfolio.js';
import { selectHealth } from '../../health/select.js';
import type { Repo } from '../../load/loadRepo.js';
import { scorePortfolio } from '../../score/portfolio.js';
import { didYouMean } from '../../util/didYouMean.js';
import { makeChalk } from '../color.js';
import { explainHealthJson, explainHealthText } from '../format/health/explain.js';
import { healthFormatters, type HealthFormat } from '../format/health/index.js';
import type { Io } from '../io.js';
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
  const { lastCommitDateLookup } = await import('../../git/lastCommitDates.js');
  // Freshness falls back on a plan's last commit when it has no last_reviewed, as stale_plan does.
  const lastCommitDate = healthNeedsGit(repo) ? await lastCommitDateLookup(repo.root) : undefined;
  return repoHealth(repo, { today, lastCommitDate, portfolio: scorePortfolio(repo) });
}

export async function runHealth(ids: string[], opts: HealthCliOptions, io: Io): Promise<number> {
  const { loadRepoForCli } = await import('./loadForCli.js');
  const repo = await loadRepoForCli(io, opts);
  if ('exitCode' in repo) return repo.exitCode;
  const today = opts.today ?? localToday();
  const all = await computeRepoHealth(repo, today);
  const chalk = makeChalk(io, opts.color);
  const byId = new Map(all.map((h) => [h.id, h]));
  const known = (id: string) => {
    const h = byId.get(id);
    if (h) return h;
    const bad = repo.accounts.find((a) => a.id === id) ?? repo.plans.find((p) => p.id === id);
    if (bad && repo.plans.some((p) => p.id === id && p.value) && repo.accounts.some((a) => a.id === id && a.value))
      throw new KamError(`"${id}" has errors in its files, so it has no health; fix them first (run "kam validate")`);
    if (repo.accounts.some((a) => a.id === id)) throw new KamError(`"${id}" has no valid plan, so it has no health; write plans/${id}.yaml ("kam new plan ${id}") or fix it ("kam validate")`);
    throw new KamError(`no account "${id}"${didYouMean(id, repo.accounts.map((a) => a.id))} (accounts are the files in accounts/; "kam health" lists those with a plan)`);
  };

  if (opts.explain !== undefined) {
    if (ids.length || opts.tier !== undefined || opts.manager !== undefined || opts.band !== undefined)
      throw new KamError('--explain shows one account: leave out account ids, --tier, --manager and --band');
    if (opts.format !== 'table' && opts.format !== 'json') throw new KamError(`--explain prints a table or json, not ${opts.format}; use --format json for machines`);
    const e = explainHealth(known(opts.explain), repo.config);
    io.stdout.write(opts.format === 'json' ? explainHealthJson(e) : explainHealthText(e, chalk));
    return 0;
  }

  const wanted = ids.length ? new Set(ids.map((id) => known(id).id)) : undefined;
  let rows = wanted ? all.filter((h) => wanted.has(h.id)) : all;
  rows = selectHealth(rows, repo.config, { tier: opts.tier, manager: opts.manager, band: opts.band });
  const filtered = wanted !== undefined || opts.tier !== undefined || opts.manager !== undefined || opts.band !== undefined;
  io.stdout.write(healthFormatters[opts.format]({ rows, total: all.length, filtered, config: repo.config, chalk }));
  return 0;
}
