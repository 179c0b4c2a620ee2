// npm run bench: times the built kam against node's own start-up and against the floor of merely
// reading and parsing the same files with yaml on one thread. Whole-process medians; writes
// bench/results.md. Not part of npm test (it takes minutes and depends on the machine).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRepo } from './gen.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const KAM = fileURLToPath(new URL('../bin/kam.js', import.meta.url));
const FLOOR = join(here, 'floor.mjs');
const TIME = '/usr/bin/time';
const rssFile = join(tmpdir(), `kam-bench-rss-${process.pid}`);
const quick = process.env.BENCH_QUICK === '1';
const cores = availableParallelism();
const loadStart = loadavg().map((l) => l.toFixed(1)).join(' ');

if (!existsSync(TIME)) {
  console.log('installing GNU time (Debian package "time") to measure peak memory…');
  spawnSync('sh', ['-c', 'apt-get install -y time >/dev/null 2>&1 || sudo apt-get install -y time >/dev/null 2>&1'], { stdio: 'inherit' });
}
const haveTime = existsSync(TIME);

/** One whole-process run: wall time (ms) and peak RSS (MiB, when GNU time is there). */
function once(args, { cwd = here, env = {}, before } = {}) {
  before?.();
  const cmd = haveTime ? [TIME, '-f', '%M', '-o', rssFile, process.execPath, ...args] : [process.execPath, ...args];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd, env: { ...process.env, NO_COLOR: '1', CI: '', ...env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const rss = haveTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
  return { ms, rss };
}

/**
 * Before a timed run, outside its time: what earlier runs wrote (20 MB of caches at 10,000
 * accounts) is flushed to disk, so that no run pays for the writeback of the one before it.
 */
const settle = () => spawnSync('sync');
/** The same, after removing the repo's cache: the next run is a cold one. */
function dropCacheOf(repo) {
  rmSync(join(repo, '.kam'), { recursive: true, force: true });
  settle();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/**
 * Runs each spec `runs` times, interleaved (a, b, c, a, b, c, ...), so that a machine busy with
 * something else slows all of them alike and the ratios stay fair. Returns medians by label.
 */
function measureAll(runs, specs) {
  const times = specs.map(() => []);
  for (let i = 0; i < runs; i++) specs.forEach((spec, k) => times[k].push(once(spec.args, spec)));
  return Object.fromEntries(
    specs.map((spec, k) => {
      const m = { label: spec.label, runs, ms: median(times[k].map((r) => r.ms)), rss: Math.max(...times[k].map((r) => r.rss)) };
      console.log(`  ${spec.label.padEnd(48)} ${(m.ms / 1000).toFixed(3)} s  (median of ${runs})  peak ${m.rss.toFixed(0)} MiB`);
      return [spec.key, m];
    }),
  );
}

const help = spawnSync(process.execPath, [KAM, '--help'], { encoding: 'utf8' }).stdout;
const has = (name) => new RegExp(`^\\s+${name}\\b`, 'm').test(help);
const checkCmd = has('check') ? 'check' : 'validate';
// `kam health` is held to the targets of `kam score`: the same loading, a little more per plan.
// BENCH_ONLY=health (a comma list) times only those commands, e.g. to try one new entry.
const only = process.env.BENCH_ONLY?.split(',');
const commands = [checkCmd, ...(has('score') ? ['score'] : []), ...(has('health') ? ['health'] : [])].filter((c) => !only || only.includes(c));
const rows = [];
const row = (what, value, ratio, target, ok) => rows.push({ what, value, ratio, target, ok });
const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`;

console.log('start-up');
const start = measureAll(quick ? 5 : 15, [
  { key: 'node', label: 'node -e 0', args: ['-e', '0'] },
  { key: 'version', label: 'kam --version', args: [KAM, '--version'] },
]);
const { node: node0, version } = start;
row('`kam --version` vs `node -e 0`', `${fmt(version.ms)} vs ${fmt(node0.ms)}`, version.ms / node0.ms, '≤ 1.5×', version.ms / node0.ms <= 1.5);

const sizes = process.env.BENCH_SIZE ? [[Number(process.env.BENCH_SIZE), 1]] : quick ? [[1000, 3]] : [[1000, 7], [10000, 7]];
const perFile = [];
for (const [accounts, runs] of sizes) {
  const repo = generateRepo(join(here, 'repos', `accounts-${accounts}`), accounts);
  const files = accounts + 300;
  const dropCache = () => dropCacheOf(repo);
  // The everyday case between two runs: one plan edited (a comment line added or changed).
  const edited = join(repo, 'plans', readdirSync(join(repo, 'plans')).sort()[0]);
  const original = readFileSync(edited, 'utf8');
  let edits = 0;
  const editPlan = () => {
    writeFileSync(edited, `${original}# edit ${++edits}\n`);
    settle();
  };
  console.log(`${accounts} accounts + 300 plans (${files} files)`);
  const specs = [{ key: 'floor', label: 'floor: read + yaml parseDocument, 1 thread', args: [FLOOR, repo] }];
  for (const cmd of commands) {
    specs.push(
      { key: `${cmd}-cold`, label: `kam ${cmd}, cold (no cache)`, args: [KAM, cmd, '-C', repo], before: dropCache },
      { key: `${cmd}-one`, label: `kam ${cmd}, cold, one thread (KAM_WORKERS=0)`, args: [KAM, cmd, '-C', repo], before: dropCache, env: { KAM_WORKERS: '0' } },
      { key: `${cmd}-pool`, label: `kam ${cmd}, cold, ${cores} threads (KAM_WORKERS=${cores - 1})`, args: [KAM, cmd, '-C', repo], before: dropCache, env: { KAM_WORKERS: String(cores - 1) } },
      // The run before leaves a fresh cache; the first warm run makes its entries trusted.
      { key: `${cmd}-prime`, label: `kam ${cmd}, first run after a cold one`, args: [KAM, cmd, '-C', repo] },
      { key: `${cmd}-warm`, label: `kam ${cmd}, warm (cached)`, args: [KAM, cmd, '-C', repo] },
      { key: `${cmd}-edit`, label: `kam ${cmd}, one plan edited since the last run`, args: [KAM, cmd, '-C', repo], before: editPlan },
    );
  }
  const m = measureAll(runs, specs);
  writeFileSync(edited, original);
  const floor = m.floor;
  const size = `${accounts.toLocaleString('en')} accounts`;
  for (const cmd of commands) {
    const cold = m[`${cmd}-cold`];
    const inThread = m[`${cmd}-one`];
    const pool = m[`${cmd}-pool`];
    const warm = m[`${cmd}-warm`];
    row(`\`kam ${cmd}\` cold, ${size}`, `${fmt(cold.ms)} vs floor ${fmt(floor.ms)}`, cold.ms / floor.ms, '≤ 0.6×', cold.ms / floor.ms <= 0.6);
    row(`\`kam ${cmd}\` cold forced onto one thread, ${size}`, fmt(inThread.ms), inThread.ms / floor.ms, '—', null);
    row(`\`kam ${cmd}\` cold forced onto ${cores} threads, ${size}`, fmt(pool.ms), pool.ms / floor.ms, '—', null);
    row(`\`kam ${cmd}\` warm, ${size}`, fmt(warm.ms), warm.ms / floor.ms, '≤ 0.12×', warm.ms / floor.ms <= 0.12);
    row(`\`kam ${cmd}\` after one plan was edited, ${size}`, fmt(m[`${cmd}-edit`].ms), m[`${cmd}-edit`].ms / floor.ms, '—', null);
    if (cmd === checkCmd && commands[0] === checkCmd) perFile.push({ files, cold: cold.ms - version.ms, warm: warm.ms - version.ms, rss: Math.max(cold.rss, warm.rss) });
  }
}

if (!quick && !process.env.BENCH_SIZE) {
  console.log('50,000 accounts + 300 plans (memory)');
  const repo = generateRepo(join(here, 'repos', 'accounts-50000'), 50000);
  const dropCache = () => dropCacheOf(repo);
  const m = measureAll(1, [
    { key: 'floor', label: 'floor: read + yaml parseDocument, 1 thread', args: [FLOOR, repo] },
    { key: 'cold', label: `kam ${checkCmd}, cold (no cache)`, args: [KAM, checkCmd, '-C', repo], before: dropCache },
    { key: 'prime', label: `kam ${checkCmd}, first run after a cold one`, args: [KAM, checkCmd, '-C', repo] },
    { key: 'warm', label: `kam ${checkCmd}, warm (cached)`, args: [KAM, checkCmd, '-C', repo] },
  ]);
  const { floor, cold, prime, warm } = m;
  const peak = Math.max(cold.rss, prime.rss, warm.rss);
  row(`\`kam ${checkCmd}\` peak memory, 50,000 accounts`, `${peak.toFixed(0)} MiB (cold ${cold.rss.toFixed(0)}, warm ${warm.rss.toFixed(0)})`, null, '< 1024 MiB', haveTime ? peak < 1024 : null);
  row(`\`kam ${checkCmd}\` cold, 50,000 accounts (1 run)`, `${fmt(cold.ms)} vs floor ${fmt(floor.ms)}`, cold.ms / floor.ms, '≤ 0.6×', cold.ms / floor.ms <= 0.6);
  row(`\`kam ${checkCmd}\` warm, 50,000 accounts (1 run)`, fmt(warm.ms), warm.ms / floor.ms, '≤ 0.12×', warm.ms / floor.ms <= 0.12);
  perFile.push({ files: 50300, cold: cold.ms - version.ms, warm: warm.ms - version.ms, rss: peak });
}

const linear = perFile.map((p) => `${p.files.toLocaleString('en')} files: ${((p.cold / p.files) * 1000).toFixed(0)} µs/file cold, ${((p.warm / p.files) * 1000).toFixed(0)} µs/file warm, peak ${p.rss.toFixed(0)} MiB`).join('; ');
const machine = `${availableParallelism()} cores (nproc), ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}; ${new Date().toISOString().slice(0, 10)}; load average ${loadStart} at the start, ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`;
const table = rows
  .map((r) => `| ${r.what} | ${r.value} | ${r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`} | ${r.target} | ${r.ok === null ? '' : r.ok ? 'yes' : '**no**'} |`)
  .join('\n');
const md = `# kam benchmark results

Generated by \`npm run bench\` (bench/run.mjs). Machine: ${machine}.

Whole-process wall-clock medians (runs per measurement in the log below), started from node with
stdout discarded. "Floor" is reading every file and parsing it with \`yaml\`'s \`parseDocument\` on
one thread (bench/floor.mjs) — what any tool built on \`yaml\` pays before doing anything. Cold runs
start without a cache (\`.kam/\` deleted; the run writes it); warm runs reuse it (\`check\`,
\`score\` and \`health\` reuse their last result; "one plan edited" reuses every other file's parse). Repos are generated
by bench/gen.mjs: N small account files plus 300 full plans copied from the example repo.
${checkCmd === 'validate' ? '\n`kam check` was not on this branch when this was run, so `kam validate` (the same loading path) stands in for it.\n' : ''}
| measurement | time | ratio | target | met |
|---|---|---|---|---|
${table}

Growth with repo size (start-up subtracted): ${linear}.
`;
// A partial run (BENCH_ONLY, BENCH_SIZE) prints its numbers but keeps the full run's results.md.
if (!only && !process.env.BENCH_SIZE) writeFileSync(join(here, 'results.md'), md);
console.log(`\n${md}`);
rmSync(rssFile, { force: true });
