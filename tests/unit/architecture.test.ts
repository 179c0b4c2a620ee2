import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/**
 * Every module under src/ (repo-relative to src, `/`), with the src modules it imports (static,
 * dynamic and type-only; with `runtime`, without the `import type` / `export type` statements,
 * which leave nothing in the bundle).
 */
function importGraph({ runtime = false } = {}): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s(type\s)?[^'"]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/g)]
          .filter((m) => !(runtime && m[1]))
          .map((m) => (m[2] ?? m[3])!);
        const local = specs.filter((s) => s.startsWith('.')).map((s) => relative(SRC, resolve(dirname(path), s)).replace(/\.js$/, '.ts').split('\\').join('/'));
        graph.set(relative(SRC, path).split('\\').join('/'), local);
      }
    }
  };
  walk(SRC);
  return graph;
}

/** The import cycles of `graph` (each as the path that closes it), found by depth-first search. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (m: string) => {
    state.set(m, 'open');
    stack.push(m);
    for (const dep of graph.get(m) ?? []) {
      if (state.get(dep) === 'open') found.push([...stack.slice(stack.indexOf(dep)), dep]);
      else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(m, 'done');
  };
  for (const m of [...graph.keys()].sort()) if (!state.has(m)) visit(m);
  return found;
}

/** The folder of a module: its first path segment under src/ (a file at the top is its own). */
const folderOf = (m: string) => m.split('/')[0]!;

/**
 * The folder graph of `graph`: folder -> the other folders its modules import, each edge with the
 * first module import behind it (so a cycle can be shown as the files that make it).
 */
function folderGraph(graph: Map<string, string[]>): { folders: Map<string, string[]>; why: Map<string, string> } {
  const folders = new Map<string, string[]>();
  const why = new Map<string, string>();
  for (const [m, deps] of [...graph].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const from = folderOf(m);
    if (!folders.has(from)) folders.set(from, []);
    for (const d of deps) {
      const to = folderOf(d);
      if (to === from || why.has(`${from} -> ${to}`)) continue;
      folders.get(from)!.push(to);
      why.set(`${from} -> ${to}`, `${m} -> ${d}`);
    }
  }
  return { folders, why };
}

/** The folder cycles of `graph`, each step with the import that makes it: "check -> health (check/rules/no_actions.ts -> health/health.ts)". */
function folderCycles(graph: Map<string, string[]>): string[][] {
  const { folders, why } = folderGraph(graph);
  return cycles(folders).map((c) => c.slice(1).map((to, i) => `${c[i]} -> ${to} (${why.get(`${c[i]} -> ${to}`)})`));
}

/** Every file under src/ but `except` whose text matches `pattern`, as "file: the match". */
function filesMatching(graph: Map<string, string[]>, pattern: RegExp, except: readonly string[]): string[] {
  return [...graph.keys()].sort().flatMap((m) => {
    if (except.includes(m)) return [];
    const hit = readFileSync(join(SRC, m), 'utf8').match(pattern);
    return hit ? [`${m}: ${hit[0]}`] : [];
  });
}

describe('the layers of src/', () => {
  const graph = importGraph();

  it('reads the imports it checks (the graph is not empty, and every import resolves to a module)', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('cli/main.ts')).toContain('errors.ts');
    const missing = [...graph].flatMap(([m, deps]) => deps.filter((d) => !graph.has(d)).map((d) => `${m} -> ${d}`));
    expect(missing).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']]]))).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('uses yaml/ only through yaml/index.ts outside the folder', () => {
    const inner = [...graph].flatMap(([m, deps]) => (m.startsWith('yaml/') ? [] : deps.filter((d) => d.startsWith('yaml/') && d !== 'yaml/index.ts').map((d) => `${m} -> ${d}`)));
    expect(inner).toEqual([]);
  });

  it('imports cli/ only from cli/: the core never reaches up to the edge', () => {
    const up = [...graph].flatMap(([m, deps]) => (m.startsWith('cli/') ? [] : deps.filter((d) => d.startsWith('cli/')).map((d) => `${m} -> ${d}`)));
    expect(up).toEqual([]);
  });

  it('writes the list of control characters once, in util/terminal.ts (every writer that drops them imports it)', () => {
    const list = String.raw`\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069`;
    const copies = [...graph.keys()].filter((m) => m !== 'util/terminal.ts' && readFileSync(join(SRC, m), 'utf8').includes(list));
    expect(readFileSync(join(SRC, 'util/terminal.ts'), 'utf8')).toContain(list);
    expect(copies).toEqual([]);
  });

  it('computes the portfolio in one place: no command scores, checks, measures health or builds the agenda for itself', () => {
    // The analysis (analysis/analyze.ts) is the one caller of these; actions ask it.
    const computing = /\b(scorePortfolio|checkRepo|repoHealth|repoNumbers|healthOfPlans)\(|\bagenda\(repo\b/;
    const offenders = [...graph.keys()].filter((m) => m.startsWith('cli/') && computing.test(readFileSync(join(SRC, m), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('decides whether git dates are needed in one place (git/lastCommitDates.ts needsGitDates)', () => {
    const inline = /plans\.some\(\(\w+\) => \w+\.value !== undefined && !\w+\.value\.last_reviewed\)/;
    const copies = [...graph.keys()].filter((m) => m !== 'git/lastCommitDates.ts' && inline.test(readFileSync(join(SRC, m), 'utf8')));
    expect(copies).toEqual([]);
  });

  it('selects accounts one way: no action compares tiers or managers itself', () => {
    const own = /\.tier!?\.trim\(\)\.toLowerCase\(\)|samePerson\(\w+, opts\.(manager|owner|tier)/;
    const offenders = [...graph.keys()].filter((m) => m.startsWith('cli/') && own.test(readFileSync(join(SRC, m), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('has no import cycle between folders (a folder is the first path segment under src/)', () => {
    expect(folderCycles(graph)).toEqual([]);
  });

  it('lists every folder in docs/architecture.md bottom-up, each importing only folders above it', () => {
    const doc = readFileSync(join(SRC, '../docs/architecture.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Folders and layers'), doc.indexOf('\n## ', doc.indexOf('## Folders and layers') + 1));
    // Each item names its folders first, in backticks: "- `codeowners/`, `export/`, `import/`: ...".
    const order = [...section.matchAll(/^- ((?:`[^`]+`(?:, )?)+):/gm)].flatMap((m) => [...m[1]!.matchAll(/`([^`/]+)\/?`/g)].map((f) => f[1]!));
    const { folders } = folderGraph(graph);
    expect([...order].sort()).toEqual([...folders.keys()].sort());
    const upward = [...folders].flatMap(([f, deps]) => deps.filter((d) => order.indexOf(d) > order.indexOf(f)).map((d) => `${f} -> ${d}`));
    expect(upward).toEqual([]);
  });

  it('finds a folder cycle that no file-level cycle shows (the check itself can fail)', () => {
    const files = new Map([
      ['a/x.ts', ['b/y.ts']],
      ['b/y.ts', []],
      ['b/z.ts', ['a/w.ts']],
      ['a/w.ts', []],
    ]);
    expect(cycles(files)).toEqual([]);
    expect(folderCycles(files)).toEqual([['a -> b (a/x.ts -> b/y.ts)', 'b -> a (b/z.ts -> a/w.ts)']]);
  });

  // Documents, the site and the formatters get their data handed to them: they run no git and
  // load no repo (a type from there is fine: it leaves nothing in the bundle).
  it('imports nothing from git/, history/ or load/ in render/, site/ and cli/format/ but types', () => {
    const runtime = importGraph({ runtime: true });
    const offenders = [...runtime]
      .filter(([m]) => /^(render|site|cli\/format)\//.test(m))
      .flatMap(([m, deps]) => deps.filter((d) => /^(git|history|load)\//.test(d)).map((d) => `${m} -> ${d}`))
      .sort();
    expect(offenders).toEqual([]);
    // The check sees through types: the loader's Repo type is imported by render/, at no cost.
    expect(graph.get('render/model.ts')).toContain('load/loadRepo.ts');
    expect(runtime.get('render/model.ts')).not.toContain('load/loadRepo.ts');
  });

  it('defines plural, the Markdown, XML and ICS escapes once, and writes no counted noun by hand', () => {
    // One definition each (a second escape or plural is a second rule that can drift).
    expect(filesMatching(graph, /(?:function|const|let)\s+(?:plural|pluralize|pluralWord)\b/, ['util/plural.ts'])).toEqual([]);
    expect(filesMatching(graph, /(?:function|const|let)\s+(?:escape\w*Markdown\w*|escapeMd\w*|md)\s*[(=]/, ['util/markdown.ts', 'cli/format/diff/markdown.ts'])).toEqual([]);
    expect(readFileSync(join(SRC, 'cli/format/diff/markdown.ts'), 'utf8')).toMatch(/function md\(text: string\): string \{\n {2}return escapeControl\(escapeMarkdown\(text\)\);/);
    // Entities are written by util/xml.ts and util/markdown.ts; Slack's mrkdwn has its own three (&, <, >, and no quotes).
    expect(filesMatching(graph, /&amp;|&lt;|&quot;/, ['util/xml.ts', 'util/markdown.ts', 'cli/format/digest/slack.ts'])).toEqual([]);
    // RFC 5545 TEXT escapes (\; \, \n) are written by agenda/ics.ts alone.
    expect(filesMatching(graph, /'\\\\[;,]'|\\\\; /, ['agenda/ics.ts'])).toEqual([]);
    // "n === 1 ? '' : 's'" is util/plural.ts's job.
    expect(filesMatching(graph, /=== 1 \? '' : 's'/, [])).toEqual([]);
  });

  it('finds a second plural or escape when there is one (the scans can fail)', () => {
    const fake = new Map([['util/plural.ts', []], ['util/dates.ts', []]]);
    expect(filesMatching(fake, /export function plural\b/, [])).toEqual(['util/plural.ts: export function plural']);
    expect(filesMatching(fake, /export function plural\b/, ['util/plural.ts'])).toEqual([]);
    expect(filesMatching(fake, /=== 1 \? one : many/, [])).toEqual(['util/plural.ts: === 1 ? one : many']);
  });
});
