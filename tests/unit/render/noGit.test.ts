// Documents never run git (issue 25): render/ takes history as data. A type-only import of a data
// type (AccountState, Changes) is allowed; a runtime import of git/ or history/ is not.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RENDER = fileURLToPath(new URL('../../../src/render', import.meta.url));

/** The git/ and history/ modules a file imports at runtime (static, dynamic or re-exported; not `import type`). */
function runtimeHistoryImports(text: string): string[] {
  const specs = [...text.matchAll(/(?:^|\n)\s*(import|export)\s+(?!type\s)[^'"]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => (m[2] ?? m[3])!);
  return specs.filter((s) => /(^|\/)(git|history)\//.test(s));
}

describe('render/', () => {
  it('imports nothing from git/ or history/ at runtime', () => {
    const found = readdirSync(RENDER).filter((f) => f.endsWith('.ts')).flatMap((f) => runtimeHistoryImports(readFileSync(join(RENDER, f), 'utf8')).map((s) => `${f} -> ${s}`));
    expect(found).toEqual([]);
  });

  it('the check tells runtime imports from type-only ones', () => {
    expect(runtimeHistoryImports("import type { Changes } from '../git/changes.js';\nimport { x } from '../util/y.js';")).toEqual([]);
    expect(runtimeHistoryImports("import { accountStates } from '../git/accountState.js';")).toEqual(['../git/accountState.js']);
    expect(runtimeHistoryImports("const m = await import('../history/trend.js');")).toEqual(['../history/trend.js']);
  });
});
