import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { CheckResult } from '../../check/checkRepo.js';
import { localToday } from '../../check/dates.js';
import { configRuleSettings, summarize, type RuleSettings } from '../../findings/severity.js';
import { KamError } from '../../errors.js';
import type { Finding } from '../../findings/finding.js';
import { CONFIG_FILE, findRoot } from '../../repoFs/findRoot.js';
import { isWithin } from '../../repoFs/inside.js';
import { REPO_FILE_RE } from '../../repoFs/repoFiles.js';
import { isFinding } from '../../load/cache.js';
import { cachedRun } from '../runCache.js';
import { RULE_IDS } from '../../schema/rules.js';
import { resolveAccount } from '../../accounts/resolveAccount.js';
import { atomicWrite } from '../../util/atomicWrite.js';
import { refuseWriteOut } from '../../repoFs/writeGuard.js';
import { makeChalk } from '../color.js';
import { findingsFormatters, type FindingsFormat } from '../format/findings/index.js';
import { limitFindings } from '../format/findings/limit.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { didYouMean } from '../../util/didYouMean.js';
import { personKey } from '../../people/people.js';

export interface CheckCliOptions extends GlobalOptions {
  format: FindingsFormat;
  maxWarnings?: number;
  maxFindings?: number;
  today?: string;
  rule?: RuleSettings;
  output?: string;
  /** Errors only (ESLint's --quiet). */
  quiet?: boolean;
  /** Stylish: every finding on its own row. */
  verbose?: boolean;
  /** Only the accounts this manager manages (names match ignoring case and runs of spaces). */
  manager?: string;
  /** Only the accounts of this tier. */
  tier?: string;
  /** Only findings that are not found at this revision. */
  since?: string;
}

/** What a report is made of: all a cached run keeps (see cli/runCache.ts). */
interface CheckRun {
  findings: Finding[];
  completeness: CheckResult['completeness'];
  accounts: { id: string; file: string; name?: string }[];
  plans: { id: string; file: string }[];
  configRules: RuleSettings;
  /** Whether git history was read (stale plans without last_reviewed): such runs are not cached. */
  usedGit: boolean;
  /** Each account's manager and tier, for --manager and --tier. */
  owners: Record<string, { manager: string | null; tier: string | null }>;
  /** kam.yaml's tier names, highest first. */
  tiers: string[];
}

export async function runCheck(paths: string[], opts: CheckCliOptions, io: Io): Promise<number> {
  if (opts.output !== undefined && opts.output.trim() === '') throw new KamError('-o/--output needs a file name (it was empty); e.g. -o report.sarif, or leave it out to print to standard output');
  const root = findRoot(io.cwd, opts.repo);
  const today = opts.today ?? localToday();
  const data = await cachedRun(
    { io, opts, root, command: 'check', options: { today, rules: opts.rule ?? {} }, isValue: isCheckRun, keep: (computed) => !computed.usedGit },
    () => computeCheck(today, opts, io),
  );

  // paths..., --manager and --tier limit the report, never what the rules see: a missing plan is
  // still found. The summary counts the accounts and plans in scope: "1 plan" for kam check plans/acme.yaml.
  const inScope = scopeFilter(paths, root, io.cwd, data);
  const selected = selectAccounts(data, opts);
  const inSelection = (f: Finding) => selected === undefined || (f.account !== null ? selected.ids.has(f.account) : selected.managerMatches(f.manager));
  let findings = data.findings.filter((f) => inScope(f.file) && inSelection(f));
  const notes: string[] = [];
  let since: Awaited<ReturnType<typeof sinceOf>> | undefined;
  if (opts.since !== undefined) {
    since = await sinceOf(root, opts, findings, today);
    findings = since.findings;
    notes.push(`${since.existing} finding${since.existing === 1 ? '' : 's'} that already existed at ${since.rev} left out (--since)`);
  }
  const planFiles = new Map(data.plans.map((p) => [p.id, p.file]));
  const inReport = (f: { id: string; file: string }) => inScope(f.file) && (selected === undefined || selected.ids.has(f.id));
  const accountFiles = data.accounts.filter(inReport);
  const planFilesInReport = data.plans.filter(inReport);
  const summary = summarize(findings, accountFiles.length, planFilesInReport.length);
  if (selected) notes.push(selected.note);
  const completeness = Object.fromEntries(
    Object.entries(data.completeness).filter(([id]) => inScope(planFiles.get(id) ?? '') && (selected === undefined || selected.ids.has(id))),
  );
  const accounts = [...new Set([...accountFiles, ...planFilesInReport].map((f) => f.id))];
  const settings = { ...data.configRules, ...opts.rule };
  // --quiet lists errors only; the summary still counts the warnings.
  const listedFindings = opts.quiet ? findings.filter((f) => f.severity === 'error') : findings;
  if (opts.quiet && listedFindings.length < findings.length) notes.push(`${findings.length - listedFindings.length} warnings not listed (--quiet)`);
  const listed = limitFindings(listedFindings, opts.format, opts.maxFindings);

  const report = findingsFormatters[opts.format]({
    ...listed,
    summary,
    root,
    cwd: io.cwd,
    chalk: makeChalk(io, opts.output === undefined ? opts.color : false),
    completeness,
    accounts,
    rules: RULE_IDS.filter((id) => settings[id] !== 'off'),
    verbose: opts.verbose,
    notes,
    ...(since && { changedFiles: since.changedFiles, since: { rev: since.rev, commit: since.commit, existing: since.existing } }),
  });
  if (opts.output === undefined) io.stdout.write(report);
  else writeReport(resolve(io.cwd, opts.output), opts.output, report, root);
  if (opts.format === 'github' && io.env.GITHUB_STEP_SUMMARY) {
    const { appendStepSummary } = await import('../format/findings/stepSummary.js');
    appendStepSummary(io.env.GITHUB_STEP_SUMMARY, { findings, summary, root, cwd: io.cwd, notes }, io);
  }

  const tooManyWarnings = opts.maxWarnings !== undefined && summary.warnings > opts.maxWarnings;
  if (tooManyWarnings) io.stderr.write(`kam: ${summary.warnings} warnings, more than --max-warnings ${opts.maxWarnings} allows\n`);
  return summary.errors > 0 || tooManyWarnings ? 1 : 0;
}

/** Loads the repo and runs the rules. The loader, parsers and schemas load only now: a cached run never needs them. */
async function computeCheck(today: string, opts: CheckCliOptions, io: Io): Promise<CheckRun> {
  const [{ loadRepoForCli }, { checkRepo }, { gitDatesFor, needsGitDates }] = await Promise.all([
    import('./loadForCli.js'),
    import('../../check/checkRepo.js'),
    import('../../git/lastCommitDates.js'),
  ]);
  const repo = await loadRepoForCli(io, opts);
  // stale_plan falls back on the date of a plan's last commit when it has no last_reviewed; git
  // (a process and a walk of the history) is asked only when a plan needs it.
  const usedGit = needsGitDates(repo);
  const lastCommitDate = await gitDatesFor(repo);
  if (usedGit) await warnIfShallow(repo.root, io);
  const result = checkRepo(repo, { today, rules: opts.rule, lastCommitDate });
  const ids = (files: { id: string; file: string }[]) => files.map(({ id, file }) => ({ id, file }));
  const scores = new Map(result.portfolio.accounts.map((a) => [a.id, a]));
  const owners = Object.fromEntries(
    repo.accounts.map((a) => [a.id, { manager: a.value?.manager ?? null, tier: scores.get(a.id)?.tiered ? scores.get(a.id)!.tier : null }]),
  );
  return {
    findings: result.findings,
    completeness: result.completeness,
    accounts: repo.accounts.map(({ id, file, value }) => (value ? { id, file, name: value.name } : { id, file })),
    plans: ids(repo.plans),
    configRules: configRuleSettings(repo.config),
    usedGit,
    owners,
    tiers: repo.config.scoring.tiers.map((t) => t.name),
  };
}

/** Plans without last_reviewed are dated by their last commit, which a shallow clone may not have. */
async function warnIfShallow(root: string, io: Io): Promise<void> {
  const { openGitRepo, SHALLOW_HINT } = await import('../../git/git.js');
  const shallow = await openGitRepo(root).then((r) => r.shallow, () => false);
  if (shallow)
    io.stderr.write(`kam: warning: this is a shallow clone, so plans without last_reviewed may have no date of last change and go unchecked by stale_plan; ${SHALLOW_HINT}\n`);
}

/** --since: today's findings that are not found at the revision (loaded from git, its own kam.yaml included). */
async function sinceOf(root: string, opts: CheckCliOptions, findings: Finding[], today: string) {
  const { findingsSince } = await import('../../git/since.js');
  return findingsSince(root, opts.since!, findings, { today, rules: opts.rule });
}


/** --manager and --tier: the accounts they select, or undefined when neither is given. */
function selectAccounts(data: CheckRun, opts: CheckCliOptions): { ids: Set<string>; managerMatches: (m?: string) => boolean; note: string } | undefined {
  if (opts.manager === undefined && opts.tier === undefined) return undefined;
  const owners = data.owners ?? {};
  const entries = Object.entries(owners);
  const parts: string[] = [];
  let ids = new Set(entries.map(([id]) => id));
  let managerMatches = (_m?: string) => true;
  if (opts.manager !== undefined) {
    const wanted = personKey(opts.manager);
    const managers = [...new Set(entries.map(([, o]) => o.manager).filter((m): m is string => m !== null))].sort();
    const name = managers.find((m) => personKey(m) === wanted);
    if (name === undefined)
      throw new KamError(`--manager "${opts.manager}": no account is managed by that name${didYouMean(opts.manager, managers) || `; managers are ${managers.map((m) => `"${m}"`).join(', ')}`}`);
    ids = new Set([...ids].filter((id) => owners[id]!.manager !== null && personKey(owners[id]!.manager!) === wanted));
    managerMatches = (m?: string) => m !== undefined && personKey(m) === wanted;
    parts.push(`managed by ${name}`);
  }
  if (opts.tier !== undefined) {
    const tiers = data.tiers ?? [];
    const tier = tiers.find((t) => t.toLowerCase() === opts.tier!.trim().toLowerCase());
    if (tier === undefined) throw new KamError(`--tier "${opts.tier}" is not a tier${didYouMean(opts.tier, tiers) || `; tiers are ${tiers.map((t) => `"${t}"`).join(', ')}`}`);
    ids = new Set([...ids].filter((id) => owners[id]!.tier === tier));
    // Repo-wide findings (a manager's load) are about no one tier.
    managerMatches = () => false;
    parts.push(`in tier ${tier}`);
  }
  return { ids, managerMatches, note: `only the ${ids.size} account${ids.size === 1 ? '' : 's'} ${parts.join(' and ')} (--manager/--tier)` };
}

/** Whether a stored value is a CheckRun (see cachedRun: anything else is a miss). */
function isCheckRun(v: unknown): v is CheckRun {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<keyof CheckRun, unknown>;
  const idFiles = (x: unknown) => Array.isArray(x) && x.every((e) => e && typeof e === 'object' && typeof e.id === 'string' && typeof e.file === 'string' && (e.name === undefined || typeof e.name === 'string'));
  const plainObject = (x: unknown) => !!x && typeof x === 'object' && !Array.isArray(x);
  return (
    Array.isArray(r.findings) && r.findings.every(isFinding) &&
    plainObject(r.completeness) && Object.values(r.completeness as object).every((c) => plainObject(c)) &&
    idFiles(r.accounts) && idFiles(r.plans) &&
    plainObject(r.configRules) && Object.values(r.configRules as object).every((s) => s === 'error' || s === 'warning' || s === 'off') &&
    r.usedGit === false &&
    plainObject(r.owners) &&
    Object.values(r.owners as object).every((o) => plainObject(o) && (o.manager === null || typeof o.manager === 'string') && (o.tier === null || typeof o.tier === 'string')) &&
    Array.isArray(r.tiers) && r.tiers.every((t) => typeof t === 'string')
  );
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
    if (!isWithin(root, abs)) throw new KamError(`${p} is outside the plan repo ${root}; name files or folders inside it`);
    return relative(root, abs).split(sep).join('/');
  });
  return (file) => prefixes.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`));
}

function writeReport(path: string, shown: string, report: string, root: string): void {
  // A slip of the keyboard (-o plans/acme.yaml) must not replace a plan with a report. Compared
  // as real paths: a link, /proc/self/cwd or here/../ must not spell a repo file past the guard.
  const rel = relative(realPathOf(root), realPathOf(path)).split(sep).join('/');
  if (rel === CONFIG_FILE || REPO_FILE_RE.test(rel)) throw new KamError(`${shown} is one of the plan repo's own files; kam check will not write a report over it: pick another file name`);
  refuseWriteOut(root, path, { fix: 'or name a file outside the repo with -o' });
  try {
    atomicWrite(path, report);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new KamError(`cannot write the report to ${shown} (${code ?? String(err)}); check that its folder is writable and it is not a folder`);
  }
}

/**
 * Where `path` really is: symbolic links (to the file or any folder above it) resolved. A file
 * that does not exist yet is its real folder plus its name; a dangling link, where it leads.
 */
function realPathOf(path: string, hops = 0): string {
  try {
    return realpathSync(path);
  } catch {
    // Missing (or a dangling link): resolve the folder, then follow a link named `path` by hand.
    const parent = dirname(path);
    if (parent === path || hops > 40) return path;
    const base = join(realPathOf(parent, hops + 1), basename(path));
    try {
      if (lstatSync(base).isSymbolicLink()) return realPathOf(resolve(dirname(base), readlinkSync(base)), hops + 1);
    } catch {
      // not there at all
    }
    return base;
  }
}
