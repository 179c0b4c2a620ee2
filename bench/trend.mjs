// node bench/trend.mjs (after npm run build): kam trend over 52 weekly points of a year of git
// history on the bench repo (10,000 accounts + 300 plans, a commit a week touching a few files)
// against one cold `kam check` of the same repo (spec 1.2, section 8: at most 3x). Medians of
// whole processes, interleaved; prints the figure docs/performance.md quotes. BENCH_TREND_RUNS
// sets the number of runs (default 3).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRepo } from './gen.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const KAM = fileURLToPath(new URL('../bin/kam.js', import.meta.url));
const runs = Number(process.env.BENCH_TREND_RUNS ?? 3);
const WEEKS = 52;
const START = Date.UTC(2025, 11, 1); // a Monday; the commits are dated a week apart from here

function git(dir, args, date) {
  const when = date && `${date}T12:00:00+00:00`;
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com', ...(when ? { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when } : {}) };
  return execFileSync('git', ['-C', dir, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
}
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

/** The bench repo with a year of history: an initial commit, then each week 3 accounts re-rated and 1 plan reviewed. */
function historyRepo() {
  const dir = join(here, 'repos', 'trend-10000');
  const stamp = join(dir, '.git', 'kam-bench-trend');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === `${WEEKS} v1`) return dir;
  rmSync(dir, { recursive: true, force: true });
  generateRepo(dir, 10000);
  rmSync(join(dir, '.generated'));
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'Initial plans'], day(START - 86400000));
  const accounts = readdirSync(join(dir, 'accounts')).sort();
  const plans = readdirSync(join(dir, 'plans')).sort();
  for (let w = 0; w < WEEKS; w++) {
    const date = day(START + w * 7 * 86400000);
    for (let k = 0; k < 3; k++) {
      const file = join(dir, 'accounts', accounts[(w * 37 + k * 1009) % accounts.length]);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/(  fit: )(\d)/, (_m, key, v) => `${key}${(Number(v) % 5) + 1}`));
    }
    const plan = join(dir, 'plans', plans[w % plans.length]);
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^last_reviewed: .*$/m, `last_reviewed: ${date}`));
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', `Week ${w + 1}`], date);
  }
  writeFileSync(stamp, `${WEEKS} v1`);
  return dir;
}

function once(args, cwd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [KAM, '--no-cache', ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '' }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`kam ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms, stdout: r.stdout.toString('utf8') };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log('building the bench repo with a year of weekly commits (once; kept in bench/repos/trend-10000)…');
const repo = historyRepo();
const today = day(START + WEEKS * 7 * 86400000);
const trendArgs = ['trend', '--every', 'week', '--since', day(START), '--today', today, '-f', 'json'];
const check = [];
const trend = [];
let points = 0;
for (let i = 0; i < runs; i++) {
  check.push(once(['check', '--today', today], repo).ms);
  const t = once(trendArgs, repo);
  trend.push(t.ms);
  points = JSON.parse(t.stdout).points.length;
}
const c = median(check);
const t = median(trend);
console.log(`kam check, cold:                 ${(c / 1000).toFixed(2)} s (median of ${runs})`);
console.log(`kam trend --every week, ${points} points: ${(t / 1000).toFixed(2)} s (median of ${runs})`);
console.log(`ratio: ${(t / c).toFixed(2)}x (target <= 3x) on ${availableParallelism()} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`);
