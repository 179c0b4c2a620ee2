import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { plural } from '../../util/plural.js';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { localToday } from '../../util/dates.js';
import { configRuleSettings, summarize, type RuleSettings } from '../../findings/severity.js';
import { KamError } from '../../errors.js';
import { CONFIG_FILE, findRoot } from '../../repoFs/findRoot.js';
import { REPO_FILE_RE } from '../../repoFs/repoFiles.js';
import { cachedRun } from '../runCache.js';
import { RULE_IDS } from '../../schema/rules.js';
import { select, selectionNote } from '../../analysis/select.js';
import type { Slices } from '../../analysis/slices.js';
import { atomicWrite } from '../../util/atomicWrite.js';
import { refuseWriteOut } from '../../repoFs/writeGuard.js';
import { makeChalk } from '../color.js';
import { findingsFormatters, type FindingsFormat } from '../format/findings/index.js';
import { limitFindings } from '../format/findings/limit.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import type { Finding } from '../../findings/finding.js';

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

/** What a report is made of: the analysis slices a cached run keeps (see cli/runCache.ts). */
type CheckRun = Pick<Slices, 'findings' | 'completeness' | 'index' | 'configRules'> & {
  /** Whether git history was read (plans without last_reviewed): such runs are not cached. */
  usedGit?: boolean;
};

export async function runCheck(paths: string[], opts: CheckCliOptions, io: Io): Promise<number> {
  if (opts.output !== undefined && opts.output.trim() === '') throw new KamError('-o/--output needs a file name (it was empty); e.g. -o report.sarif, or leave it out to print to standard output');
  const root = findRoot(io.cwd, opts.repo);
  const today = opts.today ?? localToday();
  const { sliceCodec } = await import('../../analysis/slices.js');
  const data: CheckRun = await cachedRun(
    { io, opts, root, command: 'check', options: { today, rules: opts.rule ?? {} }, codec: sliceCodec('findings', 'completeness', 'index', 'configRules'), keep: (computed) => !computed.usedGit },
    () => computeCheck(today, opts, io),
  );

  // paths..., --manager and --tier limit the report, never what the rules see: a missing plan is
  // still found. The summary counts the accounts and plans in scope: "1 plan" for kam check plans/acme.yaml.
  const selection = select(data.index, { paths, manager: opts.manager, tier: opts.tier }, { root, cwd: io.cwd });
  let findings = data.findings.filter(selection.hasFinding);
  const notes: string[] = [];
  let since: Awaited<ReturnType<typeof sinceOf>> | undefined;
  if (opts.since !== undefined) {
    since = await sinceOf(root, opts, findings, today);
    findings = since.findings;
    notes.push(`${plural(since.existing, 'finding')} that already existed at ${since.rev} left out (--since)`);
  }
  const planFiles = new Map(data.index.plans.map((p) => [p.id, p.file]));
  const inReport = (f: { id: string; file: string }) => selection.hasFile(f.file) && selection.has(f.id);
  const accountFiles = data.index.accounts.filter(inReport);
  const planFilesInReport = data.index.plans.filter(inReport);
  const summary = summarize(findings, accountFiles.length, planFilesInReport.length);
  const note = selectionNote(selection, '--manager/--tier');
  if (note) notes.push(note);
  const completeness = Object.fromEntries(
    Object.entries(data.completeness).filter(([id]) => selection.hasFile(planFiles.get(id) ?? '') && selection.has(id)),
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

/** Loads the repo and analyses it. The loader, parsers and schemas load only now: a cached run never needs them. */
async function computeCheck(today: string, opts: CheckCliOptions, io: Io): Promise<CheckRun> {
  const [{ loadRepoForCli }, { analyze }] = await Promise.all([import('./loadForCli.js'), import('../../analysis/analyze.js')]);
  const repo = await loadRepoForCli(io, opts);
  const analysis = await analyze(repo, { today, rules: opts.rule });
  if (analysis.usedGit) await warnIfShallow(repo.root, io);
  const { findings, completeness } = analysis.check;
  return { findings, completeness, index: analysis.index, configRules: configRuleSettings(repo.config), usedGit: analysis.usedGit };
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
