import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Every module under src/ (repo-relative to src, `/`), with the src modules it imports (static, dynamic and type-only). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => (m[1] ?? m[2])!);
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
});
