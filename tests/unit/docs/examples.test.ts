import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsCommands, HISTORY_MARKER, quotedMatches, refreshedLines, runArgs, runsInHistory, shellWords, shownLines, type DocsCommand } from '../../../scripts/docsExamples.mjs';
import { buildExampleHistory } from '../../../scripts/example-history.mjs';
import { EXAMPLE, kam } from '../../helpers/kamInProcess.js';
import { copyRepo, tmpDir } from '../../helpers/tmpRepo.js';

// Every `$ kam ...` of a ```console block in docs/ and the example's README runs against the
// bundled example (a copy: commands may write), and the output the page quotes must be what kam
// prints: the docs cannot drift. After a change to kam or the example: npm run docs:refresh.
// A page with HISTORY_MARKER runs in the example's git history (scripts/example-history.mjs).
const ROOT = new URL('../../../', import.meta.url).pathname;
const PAGES = [...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), 'examples/northwind-analytics/README.md'];
const HISTORY_PAGES = new Set(PAGES.filter((page) => runsInHistory(readFileSync(join(ROOT, page), 'utf8'))));
const COMMANDS: [string, DocsCommand][] = PAGES.flatMap((page) => docsCommands(readFileSync(join(ROOT, page), 'utf8')).map((c) => [page, c] as [string, DocsCommand]));
const repo = copyRepo(EXAMPLE);
let history: string | undefined;
const repoFor = (page: string) => (HISTORY_PAGES.has(page) ? (history ??= buildExampleHistory(tmpDir('kam-docs-history-'))) : repo);

describe('the kam commands the docs show', () => {
  it('finds the quoted examples (health, the power map, the example README)', () => {
    const quoted = COMMANDS.filter(([, c]) => c.quoted !== null).map(([page, c]) => `${page} ${c.args[0]}`);
    expect(quoted).toEqual(expect.arrayContaining(['docs/health.md health', 'docs/relationships.md map', 'examples/northwind-analytics/README.md health']));
  });

  it('runs docs/history.md in the example history', () => {
    expect([...HISTORY_PAGES]).toEqual(['docs/history.md']);
    expect(COMMANDS.filter(([page, c]) => page === 'docs/history.md' && c.args.includes('--since') && !c.skip).length).toBeGreaterThan(2);
  });

  it.each(COMMANDS.map(([page, c]) => [`${page}:${c.line} $ ${c.command}${c.skip ? ` (not run: ${c.skip})` : ''}`, c, page] as const))('%s', async (_name, c, page) => {
    if (c.skip) return;
    const run = await kam(runArgs(c), { cwd: repoFor(page) });
    if (c.quoted === null || c.redirected) {
      expect([0, 1], `exit ${run.code}: ${run.stderr}`).toContain(run.code);
      return;
    }
    const actual = shownLines(run.stdout, run.stderr);
    expect(quotedMatches(c.quoted, actual), `the page quotes:\n${c.quoted.join('\n')}\n\nkam prints:\n${actual.join('\n')}\n\n(npm run docs:refresh rewrites it)`).toBe(true);
  });
});

describe('the docs example conventions', () => {
  const page = ['intro', '```console', '$ kam health   # worst first', 'a', 'b', '...', 'z', '$ kam agenda --owner "Omar Haddad" -f ics > omar.ics', '```', '```console', '$ kam render x -f pdf', '```', ''].join('\n');

  it('reads commands, their quoted output, comments, quotes and redirections', () => {
    const found = docsCommands(page);
    expect(found.map((c) => [c.line, c.args, c.quoted, c.redirected, c.skip !== undefined])).toEqual([
      [3, ['health'], ['a', 'b', '...', 'z'], false, false],
      [8, ['agenda', '--owner', 'Omar Haddad', '-f', 'ics'], null, true, false],
      [11, ['render', 'x', '-f', 'pdf'], null, false, true],
    ]);
    expect(runArgs(found[0]!)).toEqual(['health', '--today', '2026-11-23']);
    expect(runArgs(found[2]!)).toEqual(['render', 'x', '-f', 'pdf', '--today', '2026-11-23']);
    expect(shellWords("kam map 'a b' --x").args).toEqual(['kam', 'map', 'a b', '--x']);
  });

  it('runs --since in a page that declares the example history, and skips it elsewhere', () => {
    const block = ['```console', '$ kam trend --since v2026-q3', '```', ''].join('\n');
    expect(docsCommands(block)[0]!.skip).toBeDefined();
    expect(runsInHistory(`${HISTORY_MARKER}\n${block}`)).toBe(true);
    expect(docsCommands(`${HISTORY_MARKER}\n${block}`)[0]!.skip).toBeUndefined();
    expect(runArgs(docsCommands(`${HISTORY_MARKER}\n${block}`)[0]!)).toEqual(['trend', '--since', 'v2026-q3', '--today', '2026-11-23']);
  });

  it('"..." stands for lines left out, and nowhere else', () => {
    expect(quotedMatches(['a', 'b', '...', 'z'], ['a', 'b', 'c', 'd', 'z'])).toBe(true);
    expect(quotedMatches(['a', 'b', '...', 'z'], ['a', 'b', 'z'])).toBe(true);
    expect(quotedMatches(['a', '...'], ['a', 'x'])).toBe(true);
    expect(quotedMatches(['a', 'b'], ['a', 'b', 'c'])).toBe(false);
    expect(quotedMatches(['a', '...', 'z'], ['b', 'z'])).toBe(false);
    expect(quotedMatches(['a', '...', 'z'], ['a', 'y'])).toBe(false);
    expect(shownLines('x  \ny\n\n', 'warn\n')).toEqual(['x', 'y', '', 'warn']);
  });

  it('refreshing keeps as many head and tail lines as the page quotes', () => {
    expect(refreshedLines(['a', 'b', '...'], ['A', 'B', 'C'])).toEqual(['A', 'B', '...']);
    expect(refreshedLines(['a', '...', 'z'], ['A', 'B', 'C', 'Z'])).toEqual(['A', '...', 'Z']);
    expect(refreshedLines(['a'], ['A', 'B'])).toEqual(['A', 'B']);
  });
});
