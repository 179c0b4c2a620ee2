// Which points of history kam trend evaluates (spec 1.2, section 8): each commit that changed the
// plan repo, or the last commit at or before the end of each week (ending Sunday) or calendar
// month; and always, last, the work tree as it is now.
import { dateOfDay, dayNumber, isRealDate, MAX_DATE, monthEnd } from '../util/dates.js';
import { KamError } from '../errors.js';
import { CONFIG_FILE } from '../repoFs/findRoot.js';
import { gitText, resolveCommit, SHALLOW_HINT, type GitRepo } from '../git/git.js';

export type Every = 'commit' | 'week' | 'month';

/** One point of history: a commit, or the work tree (`commit` null). */
export interface HistoryPoint {
  /** "Today" at this point: the committer date, the period's last day, or today for the work tree. */
  date: string;
  /** Full sha; null for the work tree. */
  commit: string | null;
  /** git's unique abbreviation of the sha (at least 7 characters), as the JSON shows it. */
  short: string | null;
  /** The commit's subject line (empty for the work tree). */
  subject: string;
}

export interface PointSelection {
  points: HistoryPoint[];
  /** Said on stderr: history starts later than asked (a --since before the first commit, a shallow clone). */
  notes: string[];
}

interface LogCommit {
  commit: string;
  short: string;
  date: string;
  subject: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** --since: a YYYY-MM-DD date (on or after) or a revision (that commit and what follows it). */
export type Since = { date: string } | { rev: string } | undefined;

export function parseSince(value: string | undefined): Since {
  if (value === undefined) return undefined;
  return DATE_RE.test(value) ? { date: value } : { rev: value };
}

/** The points to evaluate, oldest first, the work tree last (dated `today`). */
export async function selectPoints(repo: GitRepo, opts: { every: Every; since: Since; today: string }): Promise<PointSelection> {
  await resolveCommit(repo, 'HEAD');
  const notes: string[] = [];
  let range = 'HEAD';
  let from: LogCommit | undefined;
  if (opts.since && 'rev' in opts.since) {
    const commit = await resolveCommit(repo, opts.since.rev);
    range = `${commit}..HEAD`;
    from = (await log(repo, [commit, '-1', '--'])).at(0);
  }
  const touching = (await log(repo, [range, '--', CONFIG_FILE, 'accounts', 'plans'])).reverse();
  const all = from ? [from, ...touching] : touching;
  const first = (await log(repo, ['HEAD', '--max-parents=0', '--'])).reduce<string | undefined>((min, c) => (min === undefined || c.date < min ? c.date : min), undefined);
  const startDate = opts.since && 'date' in opts.since ? opts.since.date : (from?.date ?? all[0]?.date ?? first ?? opts.today);
  if (first !== undefined && opts.since && 'date' in opts.since && opts.since.date < first)
    notes.push(repo.shallow
      ? `this is a shallow clone: its history goes back to ${first} only, so the trend starts there; ${SHALLOW_HINT}`
      : `--since ${opts.since.date} is before the first commit (${first}): the trend starts there`);
  else if (repo.shallow) notes.push(`this is a shallow clone: its history goes back to ${first} only, so the trend may start late; ${SHALLOW_HINT}`);
  let commits: LogCommit[];
  const sinceDate = opts.since && 'date' in opts.since ? opts.since.date : undefined;
  if (opts.every === 'commit') commits = sinceDate === undefined ? all : all.filter((c) => c.date >= sinceDate);
  else {
    // Newest first, as git log lists them: the first at or before a period's end is its last commit.
    const newestFirst = [...all].reverse();
    commits = [];
    for (const end of periodEnds(startDate, opts.today, opts.every)) {
      const c = newestFirst.find((x) => x.date <= end);
      if (c) commits.push({ ...c, date: end });
    }
  }
  const points: HistoryPoint[] = commits.map((c) => ({ date: c.date, commit: c.commit, short: c.short, subject: c.subject }));
  points.push({ date: opts.today, commit: null, short: null, subject: '' });
  return { points, notes };
}

/**
 * The last days of the weeks (Sunday) or calendar months from the one holding `start` up to the
 * last that ends before `today` (the period still running is the work tree's point).
 */
export function periodEnds(start: string, today: string, every: 'week' | 'month'): string[] {
  const ends: string[] = [];
  if (!isRealDate(start)) throw new KamError(`--since ${start} is not a date of the calendar; write it YYYY-MM-DD`);
  if (every === 'week') {
    // The Sunday on or after start (day 0, 1970-01-01, was a Thursday), then every seventh day.
    const first = dayNumber(start) + ((((3 - dayNumber(start)) % 7) + 7) % 7);
    for (let n = first; dateOfDay(n) < today && n <= dayNumber(MAX_DATE); n += 7) ends.push(dateOfDay(n));
  } else {
    let y = Number(start.slice(0, 4));
    let m = Number(start.slice(5, 7));
    for (let end = monthEnd(y, m); end < today; end = monthEnd(y, m)) {
      ends.push(end);
      if (m === 12) {
        if (y === 9999) break;
        y++;
        m = 1;
      } else m++;
    }
  }
  return ends;
}

/** `git log` of commits (newest first) with sha, short sha, committer date and subject. */
async function log(repo: GitRepo, args: string[]): Promise<LogCommit[]> {
  const out = await gitText(repo.root, ['log', '--format=%H%x1f%h%x1f%cs%x1f%s', ...args]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit = '', short = '', date = '', subject = ''] = line.split('\x1f');
      return { commit, short, date, subject };
    });
}
