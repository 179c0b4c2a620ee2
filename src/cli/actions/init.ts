import { existsSync, statSync } from 'node:fs';
import { pluralWord } from '../../util/plural.js';
import { join, relative, resolve } from 'node:path';
import { localToday } from '../../util/dates.js';
import { gitInit, gitState } from '../../init/git.js';
import type { CiKind } from '../../init/ciKinds.js';
import { CI_FILES, DEFAULT_ORGANIZATION, GITHUB_PAGES_FILE, initConfig, initFiles, writeInitFiles, type InitFile, type InitWriteResult } from '../../init/init.js';
import { KamError } from '../../errors.js';
import { CONFIG_FILE } from '../../repoFs/findRoot.js';
import { loadConfig } from '../../load/loadRepo.js';
import { DEFAULT_CURRENCY } from '../../schema/defaults.js';
import type { Config } from '../../schema/config.js';
import { makeChalk } from '../color.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { ask, canPrompt } from '../prompt.js';
import { VERSION } from '../../version.js';

export interface InitOptions extends GlobalOptions {
  organization?: string;
  currency?: string;
  yes?: boolean;
  withChecklist?: boolean;
  git: boolean;
  dryRun?: boolean;
  force?: boolean;
  format: 'text' | 'json';
  ci?: CiKind;
  /** Also publish the portfolio site (kam site) with GitHub or GitLab Pages. */
  pages?: boolean;
}

type GitOutcome = 'initialized' | 'would_initialize' | 'inside_repo' | 'skipped' | 'unavailable' | 'failed';

export async function runInit(dir: string | undefined, opts: InitOptions, io: Io): Promise<number> {
  const root = resolve(io.cwd, dir ?? '.');
  if (existsSync(root) && !statSync(root).isDirectory()) throw new KamError(`${dir}: exists and is not a folder; pick another folder for the plan repo`);

  if (opts.pages && opts.ci === 'none') throw new KamError('--pages publishes the site from CI: use it with --ci github (GitHub Pages) or --ci gitlab (GitLab Pages), not --ci none');
  const config = await chooseConfig(root, opts, io);
  const files = initFiles(config, { withChecklist: opts.withChecklist, today: localToday(), version: VERSION, ci: opts.ci, pages: opts.pages });
  // Asked before writing: the new files must not make a fresh folder look like anything else.
  const state = opts.git ? gitState(root) : undefined;
  const result = writeInitFiles(root, files, { force: opts.force, dryRun: opts.dryRun });

  let git: GitOutcome = 'skipped';
  if (state === 'inside') git = 'inside_repo';
  else if (state === 'unavailable') git = 'unavailable';
  else if (state === 'outside' && opts.dryRun) git = 'would_initialize';
  else if (state === 'outside') {
    const error = gitInit(root);
    git = error ? 'failed' : 'initialized';
    if (error) io.stderr.write(`kam: warning: git init failed (${error}); the plan repo works without it\n`);
  }
  if (git === 'unavailable') io.stderr.write('kam: warning: git is not installed, so no git repository was created; the plan repo works without it\n');

  const shownRoot = relative(io.cwd, root) || '.';
  if (opts.format === 'json') {
    io.stdout.write(`${JSON.stringify({ root: shownRoot, dryRun: Boolean(opts.dryRun), ...result, git }, null, 2)}\n`);
  } else {
    io.stdout.write(textReport(result, { root: shownRoot, git, dryRun: opts.dryRun, chalk: makeChalk(io, opts.color), ci: opts.ci ?? 'github', pages: opts.pages, packageLine: packageLine(files, result) }));
  }
  if (result.kept.length === 0) return 0;
  io.stderr.write(
    `kam: kept ${result.kept.length} existing ${pluralWord(result.kept.length, 'file')} unchanged: ${result.kept.join(', ')}; ` +
      'use --force to replace them with the defaults\n',
  );
  return 2;
}

/**
 * Where the written pipeline names the package CI installs (`KAM_PACKAGE: github:your-org/kam#v…`):
 * its line and value, for the next step that says what to edit. Undefined without a pipeline, or
 * when an existing pipeline file was kept (its lines are the user's).
 */
function packageLine(files: InitFile[], result: InitWriteResult): { line: number; value: string } | undefined {
  const file = files.find((f) => Object.values(CI_FILES).some((ci) => ci?.path === f.path));
  if (!file || result.kept.includes(file.path)) return undefined;
  const lines = file.content.split('\n');
  const index = lines.findIndex((l) => /^\s*KAM_PACKAGE:/.test(l));
  if (index < 0) return undefined;
  return { line: index + 1, value: lines[index]!.replace(/^\s*KAM_PACKAGE:\s*/, '').replace(/^"(.*)"$/, '$1') };
}

/** A kept kam.yaml stays the repo's config; otherwise the defaults with the organization and currency. */
async function chooseConfig(root: string, opts: InitOptions, io: Io): Promise<Config> {
  if (existsSync(join(root, CONFIG_FILE)) && !opts.force) {
    const loaded = await loadConfig(root);
    if (loaded.ok) return loaded.config.value!;
    io.stderr.write(`kam: warning: the existing ${CONFIG_FILE} is invalid ("kam validate" shows why); the example files follow kam's defaults\n`);
  }
  const currency = opts.currency === undefined ? undefined : parseCurrency(opts.currency);
  if (currency !== undefined && 'error' in currency) throw new KamError(`--currency ${opts.currency}: ${currency.error}`);
  let organization = opts.organization?.trim() || undefined;
  let code = currency?.value;
  if (canPrompt(io, opts) && !opts.dryRun && opts.format !== 'json' && (organization === undefined || code === undefined)) {
    const questions = [];
    if (organization === undefined)
      questions.push({ label: 'Organization (the supplier: you)', defaultValue: DEFAULT_ORGANIZATION, parse: (a: string) => ({ value: a }) });
    if (code === undefined) questions.push({ label: 'Currency of revenue figures', defaultValue: DEFAULT_CURRENCY, parse: parseCurrency });
    const answers = await ask(io, questions);
    if (organization === undefined) organization = answers.shift();
    if (code === undefined) code = answers.shift();
  }
  return initConfig(organization ?? DEFAULT_ORGANIZATION, code ?? DEFAULT_CURRENCY);
}

export function parseCurrency(input: string): { value: string } | { error: string } {
  const code = input.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? { value: code } : { error: 'a currency is a three-letter ISO 4217 code such as USD, EUR or GBP' };
}

function textReport(
  result: InitWriteResult,
  ctx: { root: string; git: GitOutcome; dryRun?: boolean; chalk: ReturnType<typeof makeChalk>; ci: CiKind; pages?: boolean; packageLine?: { line: number; value: string } },
): string {
  const { chalk } = ctx;
  const where = ctx.root === '.' ? 'this folder' : ctx.root;
  const lines = [ctx.dryRun ? `Dry run: nothing was written. kam init would write in ${where}:` : `kam plan repo in ${where}:`];
  const verb = (v: string, dry: string) => (ctx.dryRun ? dry : v);
  for (const path of result.created) lines.push(`  ${chalk.green(verb('created  ', 'create   '))}${path}`);
  for (const path of result.updated) lines.push(`  ${chalk.green(verb('replaced ', 'replace  '))}${path}`);
  for (const path of result.unchanged) lines.push(`  ${chalk.dim('unchanged')}${' '}${path}`);
  for (const path of result.kept) lines.push(`  ${chalk.yellow('kept     ')}${path} ${chalk.dim('(exists; --force replaces it)')}`);
  const git: Record<GitOutcome, string | undefined> = {
    initialized: 'Initialized a git repository.',
    would_initialize: 'Would run git init.',
    inside_repo: undefined,
    skipped: undefined,
    unavailable: undefined,
    failed: undefined,
  };
  if (git[ctx.git]) lines.push(git[ctx.git]!);
  if (!ctx.dryRun) {
    lines.push('', 'Next steps:');
    if (ctx.root !== '.') lines.push(`  cd ${/\s/.test(ctx.root) ? JSON.stringify(ctx.root) : ctx.root}`);
    lines.push(
      '  kam check                          review the example plan (its warnings show what is still open)',
      '  kam score                          rank and tier the accounts',
      '  kam new account "Customer Name"    add your own account, then rate it',
      '  kam new plan <id>                  a plan for a key account: the plan file is the checklist',
    );
    const pipeline = CI_FILES[ctx.ci]?.path;
    // The one thing kam cannot know: where the organisation's CI installs kam from.
    if (pipeline && ctx.packageLine) {
      const { line, value } = ctx.packageLine;
      const repo = /^github:([^#]+)#/.exec(value)?.[1];
      lines.push(
        `  set KAM_PACKAGE in ${pipeline}, line ${line}, to your kam repository: the one edit before`,
        `    the first push passes (now ${value}${repo ? `: replace ${repo}, keep the release tag` : ''})`,
      );
    } else if (pipeline) lines.push(`  set KAM_PACKAGE in ${pipeline} to where your CI installs kam from (the one step before the first push passes)`);
    if (ctx.pages && ctx.ci === 'github')
      lines.push(`  turn on Pages (Settings > Pages > Source: GitHub Actions); set KAM_PACKAGE in ${GITHUB_PAGES_FILE} too;`, '    on a public repo the site is public: see docs/site.md for private Pages');
    if (ctx.pages && ctx.ci === 'gitlab') lines.push('  the pages job publishes the site; on a public project it is public: set Pages to "Only project members" (docs/site.md)');
  }
  return `${lines.join('\n')}\n`;
}
