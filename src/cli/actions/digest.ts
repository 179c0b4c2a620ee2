import { join, relative, resolve } from 'node:path';
import { agenda } from '../../agenda/agenda.js';
import { checkRepo } from '../../check/checkRepo.js';
import { localToday } from '../../check/dates.js';
import { buildDigest, digestPeople, resolvePerson, type Digest } from '../../digest/digest.js';
import { postJson } from '../../digest/post.js';
import { KamError } from '../../errors.js';
import type { Finding } from '../../findings/finding.js';
import { GitError } from '../../git/git.js';
import { repoHealth } from '../../health/portfolio.js';
import type { Repo } from '../../load/loadRepo.js';
import { scorePortfolio } from '../../score/portfolio.js';
import { slugify } from '../../util/slug.js';
import { writeGenerated } from '../../util/safeWrite.js';
import { DIGEST_EXT, digestFormatters, type DigestFormat } from '../format/digest/index.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { loadRepoForCli } from './loadForCli.js';

export interface DigestCliOptions extends GlobalOptions {
  person?: string;
  all?: boolean;
  since?: string;
  within: number;
  format: DigestFormat;
  today?: string;
  /** --post with a URL, or true for KAM_WEBHOOK_URL. */
  post?: string | boolean;
  timeout: number;
  out?: string;
  force?: boolean;
}

/** Load, compute once for the whole repo, build each person's digest, then print, write or post. */
export async function runDigest(opts: DigestCliOptions, io: Io): Promise<number> {
  if ((opts.person === undefined) === !opts.all) throw new KamError('name one person with --person NAME, or use --all for everyone who has something due');
  const webhook = opts.post === undefined ? undefined : typeof opts.post === 'string' ? opts.post : io.env.KAM_WEBHOOK_URL;
  if (opts.post !== undefined && !webhook) throw new KamError('--post without a URL posts to KAM_WEBHOOK_URL, which is not set; set it from your CI secret store, or give the URL: --post URL');
  if (webhook !== undefined && opts.format !== 'slack' && opts.format !== 'teams') throw new KamError(`--post sends a chat message: add --format slack or --format teams (not ${opts.format})`);
  const repo = await loadRepoForCli(io, opts);
  const today = opts.today ?? localToday();
  const digests = await computeDigests(repo, opts, today, io);

  if (webhook !== undefined) {
    for (const d of digests) {
      await postJson(webhook, digestFormatters[opts.format](d), { timeoutMs: opts.timeout * 1000 });
      io.stderr.write(`posted the digest for ${d.person}\n`);
    }
    if (digests.length === 0) io.stderr.write('kam: nothing to post: nobody has something due\n');
    return 0;
  }
  if (opts.out !== undefined) {
    if (opts.out.trim() === '') throw new KamError('--out needs a folder name (it was empty); e.g. --out digests');
    const dir = resolve(io.cwd, opts.out);
    for (const d of digests) {
      const path = join(dir, `${slugify(d.person)}.${DIGEST_EXT[opts.format]}`);
      const outcome = writeGenerated(path, digestFormatters[opts.format](d), { force: opts.force });
      const shown = relative(io.cwd, path) || path;
      if (outcome === 'kept') throw new KamError(`${shown} exists and kam did not write it; use --force to replace it, or another --out folder`);
      io.stderr.write(`${outcome} ${shown}\n`);
    }
    return 0;
  }
  if (opts.all && opts.format === 'json') io.stdout.write(`${JSON.stringify(digests, null, 2)}\n`);
  else if (opts.all && (opts.format === 'slack' || opts.format === 'teams')) throw new KamError(`--all --format ${opts.format} makes one message per person: post them with --post, or write them into a folder with --out DIR`);
  else io.stdout.write(digests.map((d) => digestFormatters[opts.format](d)).join(opts.format === 'markdown' ? '\n---\n\n' : '\n'));
  return 0;
}

async function computeDigests(repo: Repo, opts: DigestCliOptions, today: string, io: Io): Promise<Digest[]> {
  const { gitDatesFor } = await import('../../git/lastCommitDates.js');
  const lastCommitDate = await gitDatesFor(repo);
  const items = agenda(repo, { today, within: opts.within, lastCommitDate });
  const portfolio = scorePortfolio(repo);
  const health = repoHealth(repo, { today, lastCommitDate, portfolio });
  let findings: Finding[] = checkRepo(repo, { today, lastCommitDate }).findings;
  let before: Parameters<typeof buildDigest>[0]['before'] = null;
  if (opts.since !== undefined) {
    const [{ findingsSince }, { loadRevision }] = await Promise.all([import('../../git/since.js'), import('../../git/snapshot.js')]);
    try {
      const base = await loadRevision(repo.root, opts.since);
      findings = (await findingsSince(repo.root, opts.since, findings, { today })).findings;
      // Health at the revision as it was then: its own kam.yaml, "today" its commit date, and
      // review dates from the commits before it.
      let thenHealth: ReturnType<typeof repoHealth> = [];
      if (base.repo) {
        thenHealth = repoHealth(base.repo, { today: base.date, lastCommitDate: await gitDatesFor({ plans: base.repo.plans, root: repo.root }, base.commit) });
      }
      before = { rev: base.rev, commit: base.commit, date: base.date, health: thenHealth };
    } catch (err) {
      if (!(err instanceof KamError && /not in a git (repository|work tree)/.test(err.message)) && !(err instanceof GitError)) throw err;
      io.stderr.write(`kam: ${repo.root} is not in a git repository: --since is left out (every current finding, no band change)\n`);
    }
  }
  const people = opts.all ? digestPeople(repo) : [resolvePerson(repo, opts.person!)];
  const digests = people.map((person) => buildDigest({ repo, person, today, within: opts.within, items, findings, health, before }));
  return opts.all ? digests.filter((d) => d.due.length > 0) : digests;
}
