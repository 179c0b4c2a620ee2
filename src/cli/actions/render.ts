import { join, relative, resolve } from 'node:path';
import { checkRepo } from '../../check/checkRepo.js';
import { localToday } from '../../check/dates.js';
import { lastCommitDateLookup } from '../../git/lastCommitDates.js';
import { KamError } from '../../errors.js';
import type { Repo } from '../../load/loadRepo.js';
import { buildPlanModel, buildPortfolioModel } from '../../render/model.js';
import { createRenderer, type DocFormat } from '../../render/render.js';
import { didYouMean } from '../../util/didYouMean.js';
import { accountContext } from '../../accounts/repoAccounts.js';
import { resolveAccount } from '../../accounts/resolveAccount.js';
import { removeStaleTemps } from '../../util/atomicWrite.js';
import { writeGenerated } from '../../util/safeWrite.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { loadRepoForCli } from './loadForCli.js';

export interface RenderOptions extends GlobalOptions {
  all?: boolean;
  portfolio?: boolean;
  format: DocFormat;
  out?: string;
  template?: string;
  today?: string;
  force?: boolean;
}

const PORTFOLIO = 'portfolio';

/** The accounts to render: named ones (which must exist and be valid) and, with --all, every planned one. */
function selectAccounts(repo: Repo, refs: string[], all: boolean, cwd: string): { ids: string[]; skipped: string[] } {
  const context = accountContext(repo, cwd);
  const chosen: string[] = [];
  for (const ref of refs) {
    const id = resolveAccount(ref, context).id;
    const account = repo.accounts.find((a) => a.id === id);
    if (!account) throw new KamError(`no account "${id}": plans/${id}.yaml exists but accounts/${id}.yaml does not; create the account with "kam new account" or fix the plan`);
    if (!account.value) throw new KamError(`${account.file} has errors; run "kam validate" and fix them first`);
    const plan = repo.plans.find((p) => p.id === id);
    if (plan && !plan.value) throw new KamError(`${plan.file} has errors; run "kam validate" and fix them first`);
    if (!chosen.includes(id)) chosen.push(id);
  }
  const skipped: string[] = [];
  if (all) {
    for (const plan of repo.plans) {
      if (chosen.includes(plan.id)) continue;
      const account = repo.accounts.find((a) => a.id === plan.id);
      if (plan.value && account?.value) chosen.push(plan.id);
      else skipped.push(!plan.value ? plan.file : account ? account.file : `${plan.file} (no account "${plan.id}")`);
    }
  }
  return { ids: chosen, skipped };
}

export async function runRender(ids: string[], opts: RenderOptions, io: Io): Promise<number> {
  if (ids.length === 0 && !opts.all && !opts.portfolio)
    throw new KamError('name the accounts to render, or use --all (every plan) or --portfolio (the overview)');
  const repo = await loadRepoForCli(io, opts);
  if ('exitCode' in repo) return repo.exitCode;
  const today = opts.today ?? localToday();
  const selected = selectAccounts(repo, ids, Boolean(opts.all), io.cwd);
  const count = selected.ids.length + (opts.portfolio ? 1 : 0);
  if (opts.out === undefined && count > 1)
    throw new KamError(`${count} documents to render but only one can go to stdout; write them into a folder with --out <dir>`);
  if (opts.portfolio && selected.ids.includes(PORTFOLIO))
    throw new KamError(`account "${PORTFOLIO}" and the portfolio overview would both be ${PORTFOLIO}.${opts.format}; render them in separate runs`);

  const renderer = createRenderer({ format: opts.format, currency: repo.config.currency, userDir: join(repo.root, 'templates'), cwd: io.cwd });
  const template = opts.template ?? 'plan';
  if (selected.ids.length > 0 && !renderer.names.includes(template))
    throw new KamError(
      `no template "${template}.${opts.format}.hbs"${didYouMean(template, renderer.names)}; templates for --format ${opts.format}: ${renderer.names.join(', ')}`,
    );

  // Render everything before writing anything: a template error leaves the output folder as it was.
  // The same inputs as `kam check`, so a document never disagrees with the reviewer.
  const check = checkRepo(repo, { today, lastCommitDate: await lastCommitDateLookup(repo.root) });
  const docs = selected.ids.map((id) => ({ name: id, text: renderer.render(template, buildPlanModel(repo, id, check, today)) }));
  if (opts.portfolio) docs.push({ name: PORTFOLIO, text: renderer.render(PORTFOLIO, buildPortfolioModel(repo, check, today)) });

  for (const skipped of selected.skipped) io.stderr.write(`kam: skipped ${skipped}: it has errors (run "kam validate")\n`);
  const failed = selected.skipped.length > 0 ? 1 : 0;
  if (opts.out === undefined) {
    if (docs[0]) io.stdout.write(docs[0].text);
    return failed;
  }
  const outDir = resolve(io.cwd, opts.out);
  // A run killed mid-write (SIGKILL, power cut) leaves a hidden temp file, never a half document:
  // tidy those of dead runs away. Readers never take them for outputs (dot names, .tmp).
  removeStaleTemps(outDir);
  let kept = 0;
  for (const doc of docs) {
    const path = join(outDir, `${doc.name}.${opts.format}`);
    const outcome = writeGenerated(path, doc.text, { force: opts.force });
    const shown = relative(io.cwd, path) || path;
    if (outcome === 'kept') {
      kept++;
      io.stderr.write(`kam: kept ${shown}: it was not written by kam (use --force to replace it)\n`);
    } else io.stderr.write(`${outcome} ${shown}\n`);
  }
  if (docs.length === 0) io.stderr.write('kam: nothing to render: no account has a valid plan\n');
  return kept > 0 ? 2 : failed;
}
