import { describe, expect, it } from 'vitest';
import { compareFindings } from '../../src/findings/finding.js';
import { loadText } from '../../src/load/loadText.js';
import { parseYaml } from '../../src/yaml/index.js';
import { accountSchema } from '../../src/schema/account.js';
import { configSchema, defaultConfig } from '../../src/schema/config.js';
import { planSchema } from '../../src/schema/plan.js';
import { makeRepo } from '../helpers/tmpRepo.js';
import { runHostile } from './harness.js';
import { stylishRows } from '../helpers/stylish.js';

const config = defaultConfig();
const polluted = () => [({} as Record<string, unknown>).polluted, ([] as unknown as Record<string, unknown>).polluted, (Object.prototype as Record<string, unknown>).polluted];

const hostile = `__proto__: { polluted: yes }
name: Proto Co
constructor: { prototype: { polluted: yes } }
revenue:
  __proto__: { polluted: yes }
ratings:
  prototype: { polluted: yes }
tags:
  - __proto__
`;

describe('no prototype pollution from __proto__, constructor and prototype keys', () => {
  it('yaml defines __proto__ as an own property of a plain object, never as the prototype', async () => {
    const { data, findings } = parseYaml('__proto__: { polluted: yes }\nnested:\n  __proto__: { polluted: yes }\n', 'accounts/x.yaml', 'x');
    expect(findings).toEqual([]);
    const obj = data as Record<string, unknown>;
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(obj)).toEqual(['__proto__', 'nested']);
    expect(Object.getOwnPropertyDescriptor(obj, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect(Object.getPrototypeOf(obj.nested)).toBe(Object.prototype);
    expect(polluted()).toEqual([undefined, undefined, undefined]);
  });

  it('reports each such key as unknown at its position, at every level', async () => {
    const loaded = loadText(accountSchema(config), 'x', 'accounts/x.yaml', hostile, 'x');
    expect(loaded.value).toBeUndefined();
    expect(loaded.findings.sort(compareFindings).map((f) => `${f.line}:${f.column} ${f.message.split(';')[0]}`)).toEqual([
      '1:1 unknown key "__proto__"',
      '3:1 unknown key "constructor"',
      '5:3 unknown key "__proto__" in "revenue"',
      '7:3 unknown key "prototype" in "ratings"',
    ]);
    expect(polluted()).toEqual([undefined, undefined, undefined]);
  });

  it('rejects them in plans (answers, nested lists) and kam.yaml too', async () => {
    const plan = loadText(planSchema(config), 'x', 'plans/x.yaml', 'account: x\nanswers:\n  __proto__: { polluted: yes }\nactions:\n  - title: T\n    constructor: { polluted: yes }\n', 'x');
    expect(plan.findings.sort(compareFindings).map((f) => [f.line, f.column, f.message.split(';')[0]])).toEqual([
      [3, 3, 'unknown key "__proto__" in "answers"'],
      [6, 5, 'unknown key "constructor" in actions item 1'],
    ]);
    const cfg = loadText(configSchema, 'kam', 'kam.yaml', 'version: 1\n__proto__: { polluted: yes }\nrules: { __proto__: off }\n', null);
    expect(cfg.findings.sort(compareFindings).map((f) => [f.line, f.column, f.message.split(';')[0]])).toEqual([
      [2, 1, 'unknown key "__proto__"'],
      [3, 10, 'unknown key "__proto__" in "rules"'],
    ]);
    expect(polluted()).toEqual([undefined, undefined, undefined]);
  });

  it('keeps validated data in plain objects whose prototype is Object.prototype', async () => {
    const loaded = loadText(accountSchema(config), 'x', 'accounts/x.yaml', 'name: Fine\nratings: { fit: 3 }\ntags: [a]\n', 'x');
    expect(loaded.findings).toEqual([]);
    expect(Object.getPrototypeOf(loaded.value)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(loaded.value!.ratings)).toBe(Object.prototype);
  });

  it('kam validate reports them and exits 1', async () => {
    const root = makeRepo({ 'accounts/proto.yaml': hostile });
    const run = await runHostile(root, ['validate'], 1);
    expect(stylishRows(run.stdout).join('\n')).toContain('  accounts/proto.yaml:1:1  error    unknown key "__proto__"; it is not one of the 13 keys allowed here (run "kam schema" to list them)  schema');
    expect(stylishRows(run.stdout).join('\n')).toContain('  accounts/proto.yaml:7:3  error    unknown key "prototype" in "ratings"');
    expect(run.stdout).toContain('✖ 4 problems (4 errors, 0 warnings) in 1 account, 0 plans');
  });
});
