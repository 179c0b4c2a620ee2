// node bench/trend.mjs (after npm run build): kam trend over 52 weekly points of a year of git
// history on the bench repo (10,000 accounts + 300 plans, a commit a week touching a few files)
// against one cold `kam check` of the same repo (spec 1.2, section 8: at most 3x). Medians of
// whole processes, interleaved; prints the figure docs/performance.md quotes. BENCH_TREND_RUNS
// sets the number of runs (default 3).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
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

const TIME = '/usr/bin/time';
const cpuFile = join(tmpdir(), `kam-bench-trend-cpu-${process.pid}`);
/** One whole process: wall time and, with GNU time, CPU time (user + sys, git children included) in ms. */
function once(args, cwd) {
  const cmd = existsSync(TIME) ? [TIME, '-f', '%U %S', '-o', cpuFile, process.execPath] : [process.execPath];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd[0], [...cmd.slice(1), KAM, '--no-cache', ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '' }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`kam ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const cpu = existsSync(TIME) ? readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').reduce((n, x) => n + Number(x) * 1000, 0) : NaN;
  return { ms, cpu, stdout: r.stdout.toString('utf8') };
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
  check.push(once(['check', '--today', today], repo));
  const t = once(trendArgs, repo);
  trend.push(t);
  points = JSON.parse(t.stdout).points.length;
}
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const [cw, tw, cc, tc] = [median(check.map((r) => r.ms)), median(trend.map((r) => r.ms)), median(check.map((r) => r.cpu)), median(trend.map((r) => r.cpu))];
console.log(`kam check, cold:                   wall ${s(cw)}, CPU ${s(cc)} (medians of ${runs})`);
console.log(`kam trend --every week, ${points} points: wall ${s(tw)}, CPU ${s(tc)}`);
console.log(`ratio: wall ${(tw / cw).toFixed(2)}x, CPU ${(tc / cc).toFixed(2)}x (target <= 3x) on ${availableParallelism()} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
