// npm test, after the build: the type-check and the test suite side by side. The suite leaves a
// core idle for stretches (tests waiting on kam, git or Chromium), where the type-check's 10-15 s
// of CPU fit; one after the other they cost their sum. The type-check's report is printed after
// the suite's, and either failing fails the run. Arguments go to vitest (npm test -- <files>).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

/** Runs `command` with `args`; resolves to its exit code, and its output when `quiet` (kept for later). */
function run(command, args, quiet) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'] });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ code: 1, output: `${err.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

const [typecheck, suite] = await Promise.all([
  run(bin('tsc'), ['--noEmit'], true),
  run(bin('vitest'), ['run', ...process.argv.slice(2)], false),
]);
if (typecheck.code !== 0) process.stderr.write(`\ntype-check (tsc --noEmit) failed:\n${typecheck.output}`);
else process.stdout.write('type-check (tsc --noEmit): no errors\n');
process.exitCode = typecheck.code !== 0 ? typecheck.code : suite.code;
