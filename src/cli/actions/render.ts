import { join, relative, resolve } from 'node:path';
import { localToday } from '../../util/dates.js';
import { KamError } from '../../errors.js';
import { portfolioMoves } from '../../history/portfolioMoves.js';
import { healthTrendOf } from '../../history/trend.js';
import { historySince } from '../../history/sinceRevision.js';
import type { Repo } from '../../load/loadRepo.js';
import { buildCustomerModel, buildCustomerQbrModel } from '../../render/customer.js';
import { buildPlanModel, buildPortfolioModel } from '../../render/model.js';
import { findBrowser, printPdf, type Paper } from '../../render/pdf.js';
import { buildQbrModel, DUE_NEXT_DAYS, qbrChanges } from '../../render/qbr.js';
import { accountsToRender } from '../../render/select.js';
import { createRenderer, type DocFormat } from '../../render/render.js';
import { didYouMean } from '../../util/didYouMean.js';
import { removeStaleTemps } from '../../util/atomicWrite.js';
import { writeGenerated } from '../../util/safeWrite.js';
import { OUT_ELSEWHERE, refuseWriteOut } from '../../repoFs/writeGuard.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { analyzeForCli } from './loadForCli.js';
import { select } from '../../analysis/select.js';

export interface RenderOptions extends GlobalOptions {
  all?: boolean;
  portfolio?: boolean;
  format: DocFormat | 'pdf';
  out?: string;
  template?: string;
  today?: string;
  force?: boolean;
  audience?: 'internal' | 'customer';
  since?: string;
  paper?: Paper;
  browser?: string;
  /** With --all: only this manager's accounts (case and runs of spaces ignored). */
  manager?: string;
  /** With --all: only this tier's accounts. */
  tier?: string;
}

const PORTFOLIO = 'portfolio';
const PLAN = 'plan';
const CUSTOMER = 'customer';
const QBR = 'qbr';
const CUSTOMER_QBR = 'customer-qbr';

/**
 * The file name (without extension) of an account's document: the plan document is `<id>`, the
 * customer's version `<id>.customer`, any other template `<id>.<template>` (`<id>.qbr`), and the
 * customer's version of another template `<id>.<template>.customer` (`<id>.qbr.customer`): two
 * documents of one account never share a file, whatever order they are rendered in.
 */
export function documentName(id: string, template: string, customer: boolean): string {
  if (!customer) return template === PLAN ? id : `${id}.${template}`;
  if (template === CUSTOMER) return `${id}.${CUSTOMER}`;
  return `${id}.${template === CUSTOMER_QBR ? QBR : template}.${CUSTOMER}`;
}

export async function runRender(ids: string[], opts: RenderOptions, io: Io): Promise<number> {
  if (ids.length === 0 && !opts.all && !opts.portfolio)
    throw new KamError('name the accounts to render, or use --all (every plan) or --portfolio (the overview)');
  const customer = opts.audience === CUSTOMER;
  // The customer's QBR has a template of its own, over the customer model (the allowlist), so
  // `--audience customer --template qbr` never shows what the internal QBR does.
  const template = customer ? (opts.template === undefined ? CUSTOMER : opts.template === QBR ? CUSTOMER_QBR : opts.template) : (opts.template ?? PLAN);
  if (customer && opts.portfolio) throw new KamError('--audience customer renders account plans only, never the portfolio overview; drop --portfolio (or render it in a separate run)');
  const qbr = template === QBR || template === CUSTOMER_QBR;
  if (opts.since !== undefined && !qbr && !opts.portfolio)
    throw new KamError(`--since goes with --template qbr (the quarter in review) or --portfolio (the moves on the matrix); add one of them or drop --since`);
  const pdf = opts.format === 'pdf';
  if (!pdf && (opts.browser !== undefined || (opts.paper !== undefined && opts.paper !== 'a4')))
    throw new KamError(`--paper and --browser go with --format pdf; add -f pdf or drop them`);
  if (pdf && opts.out === undefined && io.stdout.isTTY)
    throw new KamError('a PDF is binary and stdout is a terminal: write it into a folder with --out <dir>, or redirect stdout to a file');
  // Before any work, so a machine without a browser learns it at once and nothing is written.
  const browser = pdf ? findBrowser({ explicit: opts.browser, env: io.env, cwd: io.cwd }) : undefined;
  const format: DocFormat = pdf ? 'html' : (opts.format as DocFormat);
  const ext = opts.format;

  const today = opts.today ?? localToday();
  // The same analysis as `kam check`'s, so a document never disagrees with the reviewer.
  const analysis = await analyzeForCli(io, opts, { today });
  const { repo, check, lastCommitDate } = analysis;
  const selected = accountsToRender(repo, ids, Boolean(opts.all), io.cwd);
  if (opts.manager !== undefined || opts.tier !== undefined) {
    const selection = select(analysis.index, { manager: opts.manager, tier: opts.tier }, { root: repo.root, cwd: io.cwd });
    selected.ids = selected.ids.filter(selection.has);
  }
  const count = selected.ids.length + (opts.portfolio ? 1 : 0);
  if (opts.out === undefined && count > 1)
    throw new KamError(`${count} documents to render but only one can go to stdout; write them into a folder with --out <dir>`);
  if (opts.portfolio && selected.ids.includes(PORTFOLIO))
    throw new KamError(`account "${PORTFOLIO}" and the portfolio overview would both be ${PORTFOLIO}.${ext}; render them in separate runs`);
  if (customer)
    for (const id of selected.ids)
      if (!repo.plans.some((p) => p.id === id && p.value)) throw new KamError(`account "${id}" has no plan, so it has no customer version; create plans/${id}.yaml (kam new plan ${id}) or leave it out`);

  const renderer = createRenderer({ format, currency: repo.config.currency, userDir: join(repo.root, 'templates'), cwd: io.cwd });
  if (selected.ids.length > 0 && !renderer.names.includes(template))
    throw new KamError(
      `no template "${template}.${format}.hbs"${didYouMean(template, renderer.names)}; templates for --format ${opts.format}: ${renderer.names.join(', ')}`,
    );

  // Render everything before writing anything: a template error leaves the output folder as it was.
  // History since the revision --since names, read once for every document (documents never run
  // git): the changes (the run's portfolio reused) and, for the internal QBR, the health trend.
  const since = opts.since === undefined || (!(qbr && selected.ids.length > 0) && !opts.portfolio) ? undefined : await historySince(repo, opts.since, { today, portfolio: analysis.portfolio, trend: qbr && template === QBR });
  const qbrBase = qbr ? since?.base : undefined;
  const trend = since?.trend;
  for (const note of trend?.notes ?? []) io.stderr.write(`kam: note: ${note}\n`);
  const docs: { name: string; text: string | Uint8Array }[] = [];
  for (const id of selected.ids) {
    // The customer's version is built from an allowlist (src/render/customer.ts), whatever the template.
    const model = customer
      ? template === CUSTOMER_QBR
        ? buildCustomerQbrModel(repo, id, today, qbrBase, DUE_NEXT_DAYS)
        : buildCustomerModel(repo, id, today)
      : template === QBR
        ? buildQbrModel(repo, id, check, today, qbrBase === undefined ? null : qbrChanges(qbrBase, since!.changes, repo, id, trend ? healthTrendOf(trend, id) : null, await since!.agreedAt(id)))
        : buildPlanModel(repo, id, check, today, lastCommitDate);
    docs.push({ name: documentName(id, template, customer), text: renderer.render(template, model) });
  }
  if (opts.portfolio) {
    // --since: each account's place on the matrix at the revision (its own kam.yaml) and the tier changes.
    const moves = since === undefined ? undefined : portfolioMoves(since.base, since.changes);
    docs.push({ name: PORTFOLIO, text: renderer.render(PORTFOLIO, buildPortfolioModel(analysis, moves)) });
  }
  if (browser) for (const doc of docs) doc.text = await printPdf(doc.text as string, { browser, paper: opts.paper ?? 'a4' });

  for (const skipped of selected.skipped) io.stderr.write(`kam: skipped ${skipped}: it has errors (run "kam validate")\n`);
  const failed = selected.skipped.length > 0 ? 1 : 0;
  if (opts.out === undefined) {
    if (docs[0]) (io.stdout.write as (chunk: string | Uint8Array) => unknown)(docs[0].text);
    return failed;
  }
  if (opts.out.trim() === '') throw new KamError('--out needs a folder name (it was empty); e.g. --out docs, or leave it out to print to standard output');
  const outDir = resolve(io.cwd, opts.out);
  // Before the temp files are tidied: neither that nor a write may go through a committed link.
  refuseWriteOut(repo.root, outDir, { fix: OUT_ELSEWHERE, folder: true });
  for (const doc of docs) refuseWriteOut(repo.root, join(outDir, `${doc.name}.${ext}`), { fix: OUT_ELSEWHERE });
  // A run killed mid-write (SIGKILL, power cut) leaves a hidden temp file, never a half document:
  // tidy those of dead runs away. Readers never take them for outputs (dot names, .tmp).
  removeStaleTemps(outDir);
  let kept = 0;
  for (const doc of docs) {
    const path = join(outDir, `${doc.name}.${ext}`);
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
