import { resolveAccount } from '../../accounts/resolveAccount.js';
import { accountsContext, select } from '../../analysis/select.js';
import { localToday } from '../../util/dates.js';
import { KamError } from '../../errors.js';
import type { Repo } from '../../load/loadRepo.js';
import { totalsOf } from '../../numbers/portfolio.js';
import { makeChalk } from '../color.js';
import { explainPipelineJson, explainPipelineText, pipelineFormatters, type PipelineFormat } from '../format/pipeline/index.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { analyzeForCli } from './loadForCli.js';

export interface PipelineOptions extends GlobalOptions {
  format: PipelineFormat;
  manager?: string;
  tier?: string;
  explain?: string;
  today?: string;
}

/** `kam pipeline`: the analysis's numbers (src/numbers/), selected as every command selects, then formatted. */
export async function runPipeline(refs: string[], opts: PipelineOptions, io: Io): Promise<number> {
  const today = opts.today ?? localToday();
  const chalk = makeChalk(io, opts.color);
  const analysis = await analyzeForCli(io, opts, { today, dates: false });
  const { repo, numbers } = analysis;
  const where = { root: repo.root, cwd: io.cwd };

  if (opts.explain !== undefined) {
    if (refs.length || opts.tier !== undefined || opts.manager !== undefined) throw new KamError('--explain shows one account: leave out account names, --tier and --manager');
    if (opts.format !== 'table' && opts.format !== 'json') throw new KamError(`--explain prints a table or json, not ${opts.format}; use --format json for machines`);
    const id = resolveAccount(opts.explain, accountsContext(analysis.index, where)).id;
    const row = numbers.accounts.find((r) => r.id === id) ?? withoutNumbers(id, repo);
    io.stdout.write(opts.format === 'json' ? explainPipelineJson(row, numbers.currency) : explainPipelineText(row, numbers.currency, repo.config.renewals.assess_days, chalk));
    return 0;
  }

  const selection = select(analysis.index, { accounts: refs, tier: opts.tier, manager: opts.manager }, where);
  for (const id of selection.resolved.accounts) if (!numbers.accounts.some((r) => r.id === id)) withoutNumbers(id, repo);
  const rows = numbers.accounts.filter((r) => selection.has(r.id));
  const view = { numbers: { ...numbers, accounts: rows, totals: selection.filtered ? totalsOf(rows) : numbers.totals }, filtered: selection.filtered, total: numbers.accounts.length, chalk };
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
