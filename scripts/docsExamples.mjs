// The kam commands the docs show, with the output they quote: one parser for the docs test
// (tests/unit/docs/examples.test.ts, which runs them and compares) and for `npm run docs:refresh`
// (scripts/refresh-docs.mjs, which rewrites the quoted outputs from real runs). Plain JavaScript so
// that the script runs with node alone.
//
// The convention (docs/architecture.md, "Docs that cannot drift"): a fenced block whose info string
// is `console` and whose first line is `$ kam ...` holds commands run in the bundled example
// (examples/northwind-analytics). Each `$ kam` line is a command; the lines after it, up to the
// next `$ ` line or the end of the block, are its output as quoted. A line `...` stands for lines
// left out. A command with no lines after it is shown for its usage: it must run on the example
// (exit 0 or 1) but its output is not quoted. A trailing `# comment` is the reader's note, a
// `> file` redirection discards the output.
//
// A page holding the line HISTORY_MARKER runs its commands in the example's git history, as
// scripts/example-history.mjs builds it, instead of a plain copy: the history commands (kam trend,
// --since) have real commits to read there.

/** The day the example's quoted outputs are as of: given as --today to commands that take it. */
export const DOCS_TODAY = '2026-11-23';

/** Commands with --today (src/cli/options.ts todayOption): their output depends on the date. */
export const TAKES_TODAY = new Set(['check', 'health', 'agenda', 'diff', 'import', 'render', 'export', 'pipeline', 'trend', 'site']);

/** The line by which a page says its commands run in the example's git history (scripts/example-history.mjs). */
export const HISTORY_MARKER = '<!-- docs: the commands of this page run in the example history (node scripts/example-history.mjs) -->';

/** Whether a page's commands run in the example's git history rather than a plain copy. */
export const runsInHistory = (text) => text.split('\n').some((l) => l.trim() === HISTORY_MARKER);

/** Pages whose console blocks are examples: every page of docs/ and the example's README. */
export const EXAMPLE_PAGES_DIRS = ['docs', 'examples/northwind-analytics'];

const ELISION = '...';

/**
 * The commands of one page: `{ line, command, args, quoted, from, to, redirected, skip }`.
 * `from`/`to` are the indexes (0-based, `to` exclusive) of the quoted output lines in the page's
 * lines; `quoted` is null for a command shown without output. `skip` says why a command is not run.
 */
export function docsCommands(text) {
  const lines = text.split('\n');
  const history = runsInHistory(text);
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(```+|~~~+)console\s*$/.exec(lines[i]);
    if (!fence || !/^\$ kam(\s|$)/.test(lines[i + 1] ?? '')) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end].startsWith(fence[1])) end++;
    for (let j = i + 1; j < end; j++) {
      if (!lines[j].startsWith('$ ')) continue;
      let k = j + 1;
      while (k < end && !lines[k].startsWith('$ ')) k++;
      const { args, redirected } = shellWords(lines[j].slice(2));
      const quoted = k > j + 1 ? lines.slice(j + 1, k) : null;
      out.push({ line: j + 1, command: lines[j].slice(2), args: args.slice(1), quoted, from: j + 1, to: k, redirected, skip: skipReason(args.slice(1), history) });
      j = k - 1;
    }
    i = end;
  }
  return out;
}

/** Why a command is not run in the test: PDF needs a browser (tests/browser covers it), --since a git history (outside a history page). */
function skipReason(args, history) {
  const format = args.findIndex((a) => a === '-f' || a === '--format');
  if (format >= 0 && args[format + 1] === 'pdf') return 'writes PDF (needs a browser; tests/browser covers PDF)';
  if (args.includes('--since') && !history) return 'reads git history (the example is run from a copy without git)';
  return undefined;
}

/** The arguments of a shell line as a reader would type it: quotes, a `# comment`, `> file`. */
export function shellWords(line) {
  const args = [];
  let cur = null;
  let quote = null;
  let redirected = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      cur ??= '';
    } else if (/\s/.test(c)) {
      if (cur !== null) args.push(cur);
      cur = null;
    } else if (c === '#' && cur === null) break;
    else if (c === '>' && cur === null) {
      redirected = true;
      break;
    } else cur = (cur ?? '') + c;
  }
  if (cur !== null) args.push(cur);
  return { args, redirected };
}

/** The arguments kam is run with: the shown ones, plus --today for a command whose output depends on the date. */
export function runArgs(cmd) {
  const args = [...cmd.args];
  if (TAKES_TODAY.has(args[0]) && !args.includes('--today')) args.push('--today', DOCS_TODAY);
  return args;
}

/** What a run shows on a terminal, as the docs quote it: stdout then stderr, lines without trailing spaces. */
export function shownLines(stdout, stderr) {
  const text = `${stdout}${stderr}`.replace(/\n+$/, '');
  return text === '' ? [] : text.split('\n').map((l) => l.trimEnd());
}

/** Whether the quoted lines are the output, `...` standing for any lines (none or more). */
export function quotedMatches(quoted, actual) {
  const segments = [[]];
  for (const l of quoted) if (l === ELISION) segments.push([]); else segments.at(-1).push(l.trimEnd());
  if (segments.length === 1) return segments[0].join('\n') === actual.join('\n');
  const at = (seg, pos) => seg.every((l, k) => actual[pos + k] === l);
  if (!at(segments[0], 0)) return false;
  let pos = segments[0].length;
  for (const seg of segments.slice(1, -1)) {
    let found = -1;
    for (let p = pos; p + seg.length <= actual.length; p++) if (at(seg, p)) { found = p; break; }
    if (found < 0) return false;
    pos = found + seg.length;
  }
  const last = segments.at(-1);
  return actual.length - last.length >= pos && at(last, actual.length - last.length);
}

/** The quoted lines rewritten from a run: as many head and tail lines as quoted, `...` kept where it was. */
export function refreshedLines(quoted, actual) {
  const cut = quoted.indexOf(ELISION);
  if (cut < 0) return actual;
  const tail = quoted.length - 1 - quoted.lastIndexOf(ELISION);
  const head = actual.slice(0, cut);
  return tail > 0 ? [...head, ELISION, ...actual.slice(Math.max(cut, actual.length - tail))] : [...head, ELISION];
}
