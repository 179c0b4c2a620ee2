// npm run docs:refresh: rewrites the outputs the docs quote from real runs of kam on the bundled
// example, so that a change to kam or to examples/northwind-analytics only needs this (and a look
// at the diff). The same parser as the docs test (docsExamples.mjs); kam is the built bin/kam.js
// (the npm script builds first), run in a copy of the example so commands that write leave it
// untouched. Only the quoted output lines change; commands shown without output are left alone.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docsCommands, refreshedLines, runArgs, runsInHistory, shownLines } from './docsExamples.mjs';
import { buildExampleHistory } from './example-history.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KAM = join(ROOT, 'bin', 'kam.js');
const pages = [...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), 'examples/northwind-analytics/README.md'];

const copy = mkdtempSync(join(tmpdir(), 'kam-docs-'));
cpSync(join(ROOT, 'examples', 'northwind-analytics'), copy, { recursive: true, filter: (p) => basename(p) !== '.kam' });
const env = { ...process.env, NO_COLOR: '1' };
delete env.FORCE_COLOR;
delete env.CI;
let changed = 0;
// Pages that declare it run in the example's git history (built once, on first need).
let history;
try {
  for (const page of pages) {
    const path = join(ROOT, page);
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const cwd = runsInHistory(text) ? (history ??= buildExampleHistory(mkdtempSync(join(tmpdir(), 'kam-docs-history-')))) : copy;
    // Run in page order (a command may write, as kam signoff does, and the next read it), then
    // replace the quoted outputs from the last up, so earlier line numbers stay right.
    const runs = [];
    for (const cmd of docsCommands(text)) {
      if (cmd.quoted === null || cmd.redirected || cmd.skip) {
        if (!cmd.skip && (cmd.quoted === null || cmd.redirected)) spawnSync(process.execPath, [KAM, '--no-cache', ...runArgs(cmd)], { cwd, env, encoding: 'utf8' });
        continue;
      }
      const run = spawnSync(process.execPath, [KAM, '--no-cache', ...runArgs(cmd)], { cwd, env, encoding: 'utf8' });
      if (run.status !== 0 && run.status !== 1) {
        console.error(`${page}:${cmd.line}: "kam ${cmd.args.join(' ')}" failed (exit ${run.status}):\n${run.stderr}`);
        process.exitCode = 1;
        continue;
      }
      runs.push({ cmd, run });
    }
    for (const { cmd, run } of runs.reverse()) lines.splice(cmd.from, cmd.to - cmd.from, ...refreshedLines(cmd.quoted, shownLines(run.stdout, run.stderr)));
    const next = lines.join('\n');
    if (next !== text) {
      writeFileSync(path, next);
      changed++;
      console.log(`refreshed ${page}`);
    }
  }
} finally {
  rmSync(copy, { recursive: true, force: true });
  if (history) rmSync(history, { recursive: true, force: true });
}
console.log(changed ? `${changed} page(s) refreshed: review the diff` : 'every quoted output is current');
