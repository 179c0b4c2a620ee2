// Runs before every test file (vitest setupFiles), also when a worker runs many files in one
// module graph (isolate: false in vitest.config.ts): each file removes its own temporary folders.
import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll } from 'vitest';
import { removeTmpDirs } from './tmpRepo.js';

afterAll(removeTmpDirs);

// KAM_TEST_CPU_LOG=<file>: appends each test file's CPU seconds (this worker's own, and that of the
// processes it spawned and waited for: kam, git, Chromium) to <file>, to see where the suite's time goes.
const log = process.env.KAM_TEST_CPU_LOG;
if (log) {
  const ticks = () => {
    // /proc/self/stat fields 14-17: utime, stime, cutime, cstime (clock ticks, 100 per second).
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
  };
  const start = ticks(); // this file runs again before each test file, before it is imported
  // eslint-disable-next-line no-empty-pattern -- vitest reads hook arguments as fixtures: the context must be destructured
  afterAll(({}, suite) => {
    const end = ticks();
    const file = 'filepath' in suite ? suite.filepath : suite.file.filepath;
    appendFileSync(log, `${((end.own - start.own) / 100).toFixed(2)}\t${((end.children - start.children) / 100).toFixed(2)}\t${file}\n`);
  });
}
