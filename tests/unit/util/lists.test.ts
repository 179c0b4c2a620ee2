// Lists of any length (src/util/lists.ts): `Math.max(...list)` and `push(...list)` put one
// argument per item on the stack and threw "Maximum call stack size exceeded" at 200,000 items.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { github } from '../../../src/cli/format/findings/github.js';
import { stylish } from '../../../src/cli/format/findings/stylish.js';
import { sparkline } from '../../../src/cli/format/sparkline.js';
import { compareFindings } from '../../../src/findings/finding.js';
import { makeFinding } from '../../../src/findings/makeFinding.js';
import { RULES_BY_ID } from '../../../src/check/registry.js';
import { summarize } from '../../../src/findings/severity.js';
import { maxOf, minOf, pushAll } from '../../../src/util/lists.js';

const HUGE = 200_000;

describe('maxOf, minOf, pushAll', () => {
  it('take 1,000,000 items', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(maxOf(values)).toBe(values.reduce((a, b) => (b > a ? b : a)));
    expect(minOf(values)).toBe(0);
    expect(pushAll([1, 2], values)).toHaveLength(1_000_002);
  });

  it('give the empty value for no items, and the one value for one', () => {
    expect(maxOf([])).toBe(-Infinity);
    expect(maxOf([], 0)).toBe(0);
    expect(minOf([])).toBe(Infinity);
    expect(maxOf([-5], 0)).toBe(-5);
    expect(minOf(new Set([3, -2, 9]))).toBe(-2);
  });
});

describe('formatters over 200,000 items', () => {
  const findings = Array.from({ length: HUGE }, (_, i) =>
    makeFinding(RULES_BY_ID.action_overdue, { file: 'plans/big.yaml', account: 'big', line: i + 1, column: 3, path: ['actions', i, 'due'] }, `action ${i} is overdue`),
  ).sort(compareFindings);
  const report = { findings, summary: summarize(findings, 1, 1), root: '/repo', cwd: '/repo', chalk: new Chalk({ level: 0 }) };

  it('the stylish listing with --max-findings all', () => {
    const out = stylish({ ...report, maxRows: Infinity });
    expect(out.split('\n').filter((l) => l.includes('is overdue'))).toHaveLength(HUGE);
    expect(out).toContain(`  ${String(HUGE)}:3 `);
  });

  it('the github format past the annotation limit', () => {
    const out = github(report);
    expect(out).toContain(`kam: ${HUGE - 10} more findings, beyond what GitHub shows as annotations:`);
  });

  it('a sparkline of 200,000 points', () => {
    const line = sparkline(Array.from({ length: HUGE }, (_, i) => (i % 3 === 0 ? null : i % 100)));
    expect([...line]).toHaveLength(HUGE);
    expect(line.startsWith(' ▁')).toBe(true);
  });
});

describe('src/ spreads no list into a call', () => {
  it('has no Math.max(...x), Math.min(...x) or .push(...x) (use maxOf, minOf, pushAll)', () => {
    const src = fileURLToPath(new URL('../../../src', import.meta.url));
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (e.name.endsWith('.ts'))
          readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
            if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
            if (/Math\.(max|min)\([^)]*\.\.\.|\.(push|unshift)\([^)]*\.\.\.[A-Za-z_]/.test(line.replace(/\[[^\]]*\]|\{[^}]*\}/g, ''))) found.push(`${relative(src, path)}:${i + 1}: ${line.trim()}`);
          });
      }
    };
    walk(src);
    expect(found).toEqual([]);
  });
});
