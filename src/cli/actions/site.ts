import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { localToday } from '../../util/dates.js';
import { KamError } from '../../errors.js';
import type { Finding } from '../../findings/finding.js';
import { GitError } from '../../git/git.js';
import { healthAt } from '../../analysis/analyze.js';
import { parseSince } from '../../history/points.js';
import { computeTrend, type TrendData } from '../../history/trend.js';
import { createRenderer } from '../../render/render.js';
import { OUT_ELSEWHERE, refuseWriteOut } from '../../repoFs/writeGuard.js';
import type { Portfolio } from '../../score/portfolio.js';
import type { Repo } from '../../load/loadRepo.js';
import type { SiteSince } from '../../site/model.js';
import { buildSite, type SiteFile } from '../../site/site.js';
import { removeStaleTemps } from '../../util/atomicWrite.js';
import { mapLimit } from '../../util/mapLimit.js';
import { GENERATED_MARKER, writeGeneratedAsync, type WriteOutcome } from '../../util/safeWrite.js';
import { cacheWanted, type Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { analyzeForCli } from './loadForCli.js';

export interface SiteOptions extends GlobalOptions {
  out: string;
  since?: string;
  within: number;
  today?: string;
  force?: boolean;
}

/** Files made and written at a time. */
const BATCH = 256;

/** Folders of the site that hold one generated file per account or person. */
const PER_ITEM_DIRS = ['accounts', 'people'];

export async function runSite(opts: SiteOptions, io: Io): Promise<number> {
  if (opts.out.trim() === '') throw new KamError('--out needs a folder name (it was empty); e.g. --out site, or leave it out for site/');
  const today = opts.today ?? localToday();
  const analysis = await analyzeForCli(io, opts, { today });
  const { repo, check, portfolio, health, lastCommitDate } = analysis;
  const items = analysis.agenda(opts.within);
  const { since, trend } = opts.since === undefined ? { since: null, trend: null } : await sinceParts(repo, portfolio, opts.since, check.findings, today, opts, io);

  // Templates are compiled (and a broken one reported) before anything is written; then the pages
  // are made and written a batch at a time, so memory stays bounded at any repo size.
  const userDir = join(repo.root, 'templates');
  const renderers = {
    site: createRenderer({ format: 'html', currency: repo.config.currency, userDir, cwd: io.cwd, mains: 'site' }),
    plan: createRenderer({ format: 'html', currency: repo.config.currency, userDir, cwd: io.cwd }),
  };
  const outDir = resolve(io.cwd, opts.out);
  refuseWriteOut(repo.root, outDir, { fix: OUT_ELSEWHERE, folder: true });
  for (const dir of PER_ITEM_DIRS) refuseWriteOut(repo.root, join(outDir, dir), { fix: OUT_ELSEWHERE, folder: true });
  for (const dir of ['', ...PER_ITEM_DIRS]) removeStaleTemps(join(outDir, dir));

  const written: { path: string; outcome: WriteOutcome }[] = [];
  let batch: SiteFile[] = [];
  const flush = async () => {
    for (const file of batch) refuseWriteOut(repo.root, join(outDir, file.path), { fix: OUT_ELSEWHERE });
    const outcomes = await mapLimit(batch, 16, (file) => writeGeneratedAsync(join(outDir, file.path), file.content, { force: opts.force }));
    batch.forEach((file, i) => written.push({ path: file.path, outcome: outcomes[i]! }));
    batch = [];
  };
  for (const file of buildSite({ repo, check, portfolio, health, items, horizon: opts.within, today, since, trend, lastCommitDate }, renderers)) {
    batch.push(file);
    if (batch.length >= BATCH) await flush();
  }
  await flush();

  const counts: Record<WriteOutcome, number> = { created: 0, updated: 0, unchanged: 0, kept: 0 };
  for (const { outcome } of written) counts[outcome]++;
  // Each written file is named when a few changed (a rebuild after an edit); a first build of a
  // big repo says how many. A kept file is always named: it is the user's to sort out.
  const named = counts.created + counts.updated <= 20;
  for (const { path, outcome } of written) {
    const shown = relative(io.cwd, join(outDir, path)) || path;
    if (outcome === 'kept') io.stderr.write(`kam: kept ${shown}: it was not written by kam (use --force to replace it)\n`);
    else if (outcome !== 'unchanged' && named) io.stderr.write(`${outcome} ${shown}\n`);
  }
  const removed = removeGone(outDir, new Set(written.map((f) => f.path)));
  for (const path of removed) io.stderr.write(`removed ${relative(io.cwd, join(outDir, path)) || path}\n`);
  const shownOut = relative(io.cwd, outDir) || '.';
  io.stderr.write(
    `kam site: ${written.length} files in ${shownOut}/ (${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged${counts.kept ? `, ${counts.kept} kept` : ''}${removed.length ? `, ${removed.length} removed` : ''}); open ${join(shownOut, 'index.html')}\n`,
  );
  return counts.kept > 0 ? 2 : 0;
}

/**
 * Pages and calendars of accounts and people the site no longer has (an account deleted or
 * renamed): removed when kam wrote them (they carry its marker), never a user's file.
 */
function removeGone(outDir: string, keep: Set<string>): string[] {
  const removed: string[] = [];
  for (const dir of PER_ITEM_DIRS) {
    let names: string[];
    try {
      names = readdirSync(join(outDir, dir), { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const path = `${dir}/${name}`;
      if (keep.has(path) || !/\.(html|ics)$/.test(name)) continue;
      try {
        if (!readFileSync(join(outDir, path)).includes(GENERATED_MARKER)) continue;
        rmSync(join(outDir, path), { force: true });
        removed.push(path);
      } catch {
        // unreadable or already gone: leave it
      }
    }
  }
  return removed;
}

/**
 * --since: the findings new since the revision, the health there (for band changes), and the
 * trend from it to now. Outside git the site has none of them, as the digest (spec 1.2, section 11).
 */
async function sinceParts(repo: Repo, portfolio: Portfolio, rev: string, findings: Finding[], today: string, opts: SiteOptions, io: Io): Promise<{ since: SiteSince | null; trend: TrendData | null }> {
  const [{ findingsSince }, { loadRevision }, { portfolioMoves }] = await Promise.all([import('../../git/since.js'), import('../../git/snapshot.js'), import('../../history/portfolioMoves.js')]);
  const root = repo.root;
  try {
    const base = await loadRevision(root, rev);
    const fresh = (await findingsSince(root, rev, findings, { today }, base.repo)).findings;
    const then = await healthAt(base);
    const trend = await computeTrend(root, { every: 'commit', since: parseSince(rev), today, cache: cacheWanted(opts, io) });
    for (const note of trend.notes) io.stderr.write(`kam: note: ${note}\n`);
    const { changesBetween } = await import('../../git/changes.js');
    const { positions } = portfolioMoves(base, changesBetween({ repo: base.repo, today: base.date }, { repo, today, portfolio }));
    return { since: { rev: base.rev, commit: base.commit, date: base.date, health: then, newFindings: fresh, positions }, trend };
  } catch (err) {
    if (!(err instanceof KamError && /not in a git (repository|work tree)/.test(err.message)) && !(err instanceof GitError)) throw err;
    io.stderr.write(`kam: ${root} is not in a git repository: --since is left out (no trend, no movement)\n`);
    return { since: null, trend: null };
  }
}
