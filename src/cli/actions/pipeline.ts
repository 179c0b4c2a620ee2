import { accountContext } from '../../accounts/repoAccounts.js';
import { resolveAccount } from '../../accounts/resolveAccount.js';
import { localToday } from '../../util/dates.js';
import { KamError } from '../../errors.js';
import type { Repo } from '../../load/loadRepo.js';
import { repoNumbers, totalsOf } from '../../numbers/portfolio.js';
import { scorePortfolio } from '../../score/portfolio.js';
import { filterScores } from '../../score/select.js';
import { makeChalk } from '../color.js';
import { explainPipelineJson, explainPipelineText, pipelineFormatters, type PipelineFormat } from '../format/pipeline/index.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';

export interface PipelineOptions extends GlobalOptions {
  format: PipelineFormat;
  manager?: string;
  tier?: string;
  explain?: string;
  today?: string;
}

/** `kam pipeline`: the core's numbers (src/numbers/), filtered as `kam score` filters, then formatted. */
export async function runPipeline(refs: string[], opts: PipelineOptions, io: Io): Promise<number> {
  const today = opts.today ?? localToday();
  const chalk = makeChalk(io, opts.color);
  const { loadRepoForCli } = await import('./loadForCli.js');
  const repo = await loadRepoForCli(io, opts);
  const portfolio = scorePortfolio(repo);
  const numbers = repoNumbers(repo, today, portfolio);
  const context = accountContext(repo, io.cwd);

  if (opts.explain !== undefined) {
    if (refs.length || opts.tier !== undefined || opts.manager !== undefined) throw new KamError('--explain shows one account: leave out account names, --tier and --manager');
    if (opts.format !== 'table' && opts.format !== 'json') throw new KamError(`--explain prints a table or json, not ${opts.format}; use --format json for machines`);
    const id = resolveAccount(opts.explain, context).id;
    const row = numbers.accounts.find((r) => r.id === id) ?? withoutNumbers(id, repo);
    io.stdout.write(opts.format === 'json' ? explainPipelineJson(row, numbers.currency) : explainPipelineText(row, numbers.currency, repo.config.renewals.assess_days, chalk));
    return 0;
  }

  let rows = numbers.accounts;
  if (refs.length) {
    const wanted = new Set(refs.map((ref) => resolveAccount(ref, context).id));
    for (const id of wanted) if (!rows.some((r) => r.id === id)) withoutNumbers(id, repo);
    rows = rows.filter((r) => wanted.has(r.id));
  }
  // The tier and manager filter of `kam score` (one filter, one set of messages).
  if (opts.tier !== undefined || opts.manager !== undefined) {
    const kept = new Set(filterScores(portfolio.accounts, repo.config, { tier: opts.tier, manager: opts.manager }).map((s) => s.id));
    rows = rows.filter((r) => kept.has(r.id));
  }
  const filtered = refs.length > 0 || opts.tier !== undefined || opts.manager !== undefined;
  const view = { numbers: { ...numbers, accounts: rows, totals: filtered ? totalsOf(rows) : numbers.totals }, filtered, total: numbers.accounts.length, chalk };
  io.stdout.write(pipelineFormatters[opts.format](view));
  return 0;
}

/** Why an account has no row: throws a usage error that says so. */
function withoutNumbers(id: string, repo: Repo): never {
  const account = repo.accounts.find((a) => a.id === id);
  const plan = repo.plans.find((p) => p.id === id);
  if (account?.value && plan?.value) throw new KamError(`"${id}" has errors in its files, so it has no pipeline; fix them first (run "kam validate")`);
  throw new KamError(`"${id}" has no valid plan, so it has no pipeline; write plans/${id}.yaml ("kam new plan ${id}") or fix it ("kam validate")`);
}
