// Few files are validated without zod's compiled fast path (schemaIssues.ts, jitlessFor), many with
// it: the two must find the same, value for value and finding for finding, or a repo's findings
// would depend on its size. Every file of the example, valid and broken in the ways plans break.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadText } from '../../../src/load/loadText.js';
import { accountSchema } from '../../../src/schema/account.js';
import { configSchema } from '../../../src/schema/config.js';
import { planSchema } from '../../../src/schema/plan.js';
import { EXAMPLE } from '../../helpers/kam.js';

const config = loadText(configSchema, 'kam', 'kam.yaml', readFileSync(join(EXAMPLE, 'kam.yaml'), 'utf8'), null).value!;
const shapes = { accounts: accountSchema(config), plans: planSchema(config) };

/** Ways a file goes wrong, each applied to every file's text. */
const breakages: [string, (text: string) => string][] = [
  ['as written', (t) => t],
  ['an unknown key', (t) => `${t}\nnotes_extra: 1\n`],
  ['a number as text', (t) => t.replace(/: (\d+)\n/, ': "$1x"\n')],
  ['a date that is no date', (t) => t.replace(/\d{4}-\d{2}-\d{2}/, '2026-13-45')],
  ['a list where a mapping goes', (t) => t.replace(/\n(\w+):\n/, '\n$1: [1, 2]\n')],
  ['a mapping where text goes', (t) => t.replace(/\nname: .*\n/, '\nname: { a: 1 }\n')],
  ['a key left empty', (t) => t.replace(/\n(\w+): .+\n/, '\n$1:\n')],
  ['a value out of its enum', (t) => t.replace(/stance: \w+/, 'stance: lukewarm')],
];

describe('validating with and without zod\'s compiled fast path', () => {
  for (const folder of ['accounts', 'plans'] as const) {
    for (const name of readdirSync(join(EXAMPLE, folder))) {
      const text = readFileSync(join(EXAMPLE, folder, name), 'utf8');
      it.each(breakages)(`${folder}/${name}, %s: the same value and findings`, (_, broken) => {
        const t = broken(text);
        const id = name.replace(/\.yaml$/, '');
        const without = loadText(shapes[folder], id, `${folder}/${name}`, t, id, { jitless: true });
        const withJit = loadText(shapes[folder], id, `${folder}/${name}`, t, id, { jitless: false });
        expect(JSON.stringify(without.findings)).toBe(JSON.stringify(withJit.findings));
        expect(JSON.stringify(without.value)).toBe(JSON.stringify(withJit.value));
      });
    }
  }

  it('the breakages do break files (the comparison is not only of clean ones)', () => {
    const text = readFileSync(join(EXAMPLE, 'plans', readdirSync(join(EXAMPLE, 'plans'))[0]!), 'utf8');
    const broken = breakages.slice(1).filter(([, b]) => loadText(shapes.plans, 'p', 'plans/p.yaml', b(text), 'p').findings.length > 0);
    expect(broken.length).toBeGreaterThanOrEqual(5);
  });
});
