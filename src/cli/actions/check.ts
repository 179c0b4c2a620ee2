import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CheckResult } from '../../check/checkRepo.js';
import { localToday } from '../../check/dates.js';
import { configRuleSettings, summarize, type RuleSettings } from '../../findings/severity.js';
import { KamError } from '../../errors.js';
import type { Finding } from '../../findings/finding.js';
import { CONFIG_FILE, findRoot } from '../../repoFs/findRoot.js';
import type { RepoListing } from '../../repoFs/listFolder.js';
import { REPO_FILE_RE } from '../../repoFs/repoFiles.js';
import { reuseOrCompute, runKey } from '../runCache.js';
import { RULE_IDS } from '../../schema/rules.js';
import { resolveAccount } from '../../accounts/resolveAccount.js';
import { atomicWrite } from '../../util/atomicWrite.js';
import { makeChalk } from '../color.js';
import { findingsFormatters, type FindingsFormat } from '../format/findings/index.js';
import { limitFindings } from '../format/findings/limit.js';
import { cacheWanted, type Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { VERSION } from '../../version.js';

export interface CheckCliOptions extends GlobalOptions {
  format: FindingsFormat;
  maxWarnings?: number;
  maxFindings?: number;
  today?: string;
  rule?: RuleSettings;
  output?: string;
}

/** What a report is made of: all a cached run keeps (see load/runCache.ts). */
interface CheckRun {
  findings: Finding[];
  completeness: CheckResult['completeness'];
  accounts: { id: string; file: string; name?: string }[];
  plans: { id: string; file: string }[];
  configRules: RuleSettings;
  /** Whether git history was read (stale plans without last_reviewed): such runs are not cached. */
  usedGit: boolean;
}

export async function runCheck(paths: string[], opts: CheckCliOptions, io: Io): Promise<number> {
  const root = findRoot(io.cwd, opts.repo);
  const today = opts.today ?? localToday();
  const run = cacheWanted(opts, io) ? await runKey(root, 'check', VERSION, { today, rules: opts.rule ?? {} }) : undefined;
  const data = await reuseOrCompute(run, (listing) => computeCheck(today, opts, io, listing), (computed) => !computed.usedGit);
  if ('exitCode' in data) return data.exitCode;

  // paths... limit the report, never what the rules see: a missing plan is still found. The
  // summary counts the accounts and plans in scope: "1 plan" for kam check plans/acme.yaml.
  const inScope = scopeFilter(paths, root, io.cwd, data);
  const findings = data.findings.filter((f) => inScope(f.file));
  const summary = summarize(findings, data.accounts.filter((a) => inScope(a.file)).length, data.plans.filter((p) => inScope(p.file)).length);
  const planFiles = new Map(data.plans.map((p) => [p.id, p.file]));
  const completeness = Object.fromEntries(Object.entries(data.completeness).filter(([id]) => inScope(planFiles.get(id) ?? '')));
  const accounts = [...new Set([...data.accounts, ...data.plans].filter((f) => inScope(f.file)).map((f) => f.id))];
  const settings = { ...data.configRules, ...opts.rule };
  const listed = limitFindings(findings, opts.format, opts.maxFindings);

  const report = findingsFormatters[opts.format]({
    ...listed,
    summary,
    root,
    cwd: io.cwd,
    chalk: makeChalk(io, opts.output === undefined ? opts.color : false),
    completeness,
    accounts,
    rules: RULE_IDS.filter((id) => settings[id] !== 'off'),
  });
  if (opts.output === undefined) io.stdout.write(report);
  else writeReport(resolve(io.cwd, opts.output), opts.output, report, root);

  const tooManyWarnings = opts.maxWarnings !== undefined && summary.warnings > opts.maxWarnings;
  if (tooManyWarnings) io.stderr.write(`kam: ${summary.warnings} warnings, more than --max-warnings ${opts.maxWarnings} allows\n`);
  return summary.errors > 0 || tooManyWarnings ? 1 : 0;
}

/** Loads the repo and runs the rules. The loader, parsers and schemas load only now: a cached run never needs them. */
async function computeCheck(today: string, opts: CheckCliOptions, io: Io, listing?: RepoListing): Promise<CheckRun | { exitCode: number }> {
  const [{ loadRepoForCli }, { checkRepo }, { lastCommitDateLookup }] = await Promise.all([
    import('./loadForCli.js'),
    import('../../check/checkRepo.js'),
    import('../../git/lastCommitDates.js'),
  ]);
  const repo = await loadRepoForCli(io, opts, listing);
  if ('exitCode' in repo) return repo;
  // stale_plan falls back on the date of a plan's last commit when it has no last_reviewed; git
  // (a process and a walk of the history) is asked only when a plan needs it.
  const usedGit = repo.plans.some((p) => p.value !== undefined && !p.value.last_reviewed);
  const lastCommitDate = usedGit ? await lastCommitDateLookup(repo.root) : undefined;
  const result = checkRepo(repo, { today, rules: opts.rule, lastCommitDate });
  const ids = (files: { id: string; file: string }[]) => files.map(({ id, file }) => ({ id, file }));
  return {
    findings: result.findings,
    completeness: result.completeness,
    accounts: repo.accounts.map(({ id, file, value }) => (value ? { id, file, name: value.name } : { id, file })),
    plans: ids(repo.plans),
    configRules: configRuleSettings(repo.config),
    usedGit,
  };
}

/**
 * Which repo files the report covers. Each path may be relative to the working folder or to the
 * repo root; no paths means the whole repo. Anything that is not a file or folder names an
 * account (its id or name), which covers its account and plan files.
 */
function scopeFilter(paths: string[], root: string, cwd: string, data: Pick<CheckRun, 'accounts' | 'plans'>): (file: string) => boolean {
  if (paths.length === 0) return () => true;
  const accountIds = new Set(data.accounts.map((a) => a.id));
  const context = { root, cwd, accounts: data.accounts, planIds: data.plans.filter((p) => !accountIds.has(p.id)).map((p) => p.id) };
  const prefixes = paths.flatMap((p) => {
    const abs = [resolve(cwd, p), resolve(root, p)].find((candidate) => existsSync(candidate));
    if (!abs) {
      let id: string;
      try {
        id = resolveAccount(p, context).id;
      } catch (err) {
        if (/[\\/]|\.ya?ml$/i.test(p))
          throw new KamError(`${p}: no such file or folder (paths are relative to the current folder or to the plan repo; an account can also be named by its id or name)`);
        throw err;
      }
      return [...data.accounts, ...data.plans].filter((f) => f.id === id).map((f) => f.file);
    }
    const rel = relative(root, abs);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new KamError(`${p} is outside the plan repo ${root}; name files or folders inside it`);
    return rel.split(sep).join('/');
  });
  return (file) => prefixes.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`));
}

function writeReport(path: string, shown: string, report: string, root: string): void {
  // A slip of the keyboard (-o plans/acme.yaml) must not replace a plan with a report.
  const rel = relative(root, path).split(sep).join('/');
  if (rel === CONFIG_FILE || REPO_FILE_RE.test(rel)) throw new KamError(`${shown} is one of the plan repo's own files; kam check will not write a report over it: pick another file name`);
  try {
    atomicWrite(path, report);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new KamError(`cannot write the report to ${shown} (${code ?? String(err)}); check that its folder is writable and it is not a folder`);
  }
}
