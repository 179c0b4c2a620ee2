import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWithYaml } from '../../../src/yaml/parseYaml.js';

const messages = (text: string) => parseWithYaml(text, 'plans/x.yaml', 'x').findings.map((f) => `${f.line}:${f.column} ${f.message}`);

describe('YAML errors with an obvious cause say how to fix it', () => {
  it('a list item under "key: []" (an uncommented example) is one finding that says to remove the []', () => {
    expect(messages('account: x\nstakeholders: []\n  - { name: Jane }\nanswers: {}\n')).toEqual([
      '3:1 a list item under "stakeholders: []", which already says the list is empty: remove the "[]" after "stakeholders:" (line 2) so the lines below belong to it',
    ]);
  });

  it('names the key of a nested list and a mapping too', () => {
    expect(messages('swot:\n  strengths: []\n    - good\n')).toEqual([
      '3:1 a list item under "strengths: []", which already says the list is empty: remove the "[]" after "strengths:" (line 2) so the lines below belong to it',
    ]);
    expect(messages('answers: {}\n  goals: grow\n')[0]).toContain('remove the "{}" after "answers:" (line 1)');
  });

  it.each([
    ['a: x\n\tb: 1\n', 'replace the tab with spaces'],
    ['a: "x\n', 'close the quote'],
    ['title: CFO: finance\n', 'must be quoted'],
    // A flow list over two lines: the walk of the lines declines, yaml's error is put in words.
    ['tags: [a,\n  b]\nrisks:\n  - x\n - y\n', 'a list item ("- ") where a key was expected: indent it like the other items of its list'],
  ])('hints at the fix for %j', (text, hint) => {
    expect(messages(text).join('\n')).toContain(hint);
  });
});

describe('an indentation mistake is one finding, at the line that is wrong, with advice that fits', () => {
  const ACCOUNT = readFileSync(new URL('../../../examples/northwind-analytics/accounts/andes-agro.yaml', import.meta.url), 'utf8');
  const account = (from: string, to: string) => {
    expect(ACCOUNT).toContain(from);
    return ACCOUNT.replace(from, to);
  };

  it.each([
    [
      'an over-indented key under a key that has its value',
      account('\nregion: LATAM', '\n  region: LATAM'),
      '5:3 "region" is indented more than "industry" on line 4, which already has its value, so it cannot belong to it: line it up with "industry" (column 1), or if it belongs under it, remove the value after "industry:"',
    ],
    [
      'an under-indented key among its siblings',
      account('\n  renewal_likelihood: 3', '\nrenewal_likelihood: 3'),
      '11:1 "renewal_likelihood" is indented less than the lines above and below it (lines 10 and 12, column 3), so it ends the mapping of "ratings": indent it like them (2 spaces)',
    ],
    [
      'a key indented to no level at all',
      account('\n  renewal_likelihood: 3', '\n renewal_likelihood: 3'),
      '11:2 "renewal_likelihood" is indented 1 space, which lines up with no line above it: indent it like "current_revenue" on line 9 (column 3) or like "id" on line 2 (column 1), whichever it belongs with',
    ],
    [
      'a tab',
      account('\n  renewal_likelihood: 3', '\n\trenewal_likelihood: 3'),
      '11:1 a tab in the indentation: YAML indents with spaces only; replace the tab with spaces (line it up with "growth_potential" on line 10, or with the lines it belongs with)',
    ],
    [
      'an under-indented list item (yaml: "A block sequence may not be used as an implicit map key")',
      'account: x\nrisks:\n  - Budget freeze\n - Champion leaves\n',
      '4:2 the list item is indented 1 space, which lines up with no line above it: indent it like the list item on line 3 (column 3) or like "account" on line 1 (column 1), whichever it belongs with',
    ],
    [
      'a key among list items',
      'account: x\nrisks:\n  - Budget freeze\n  owner: Dana\n',
      '4:3 the key "owner" stands among the list items that start on line 3: a list holds only "- " items; make it an item ("- ..."), or indent it like the key the list belongs to',
    ],
    [
      'an over-indented key inside a list item',
      'account: x\nstakeholders:\n  - name: Bo\n     role: user\n',
      '4:6 "role" is indented more than "name" on line 3, which already has its value, so it cannot belong to it: line it up with "name" (column 5), or if it belongs under it, remove the value after "name:"',
    ],
  ])('%s', (_what, text, expected) => {
    expect(messages(text)).toEqual([expected]);
  });

  it('leaves errors that are not about indentation to yaml\'s message, and skips block scalars', () => {
    expect(messages('title: CFO: finance\n')[0]).toContain('must be quoted');
    expect(messages('notes: |\n  text: here\n    - more\nregion: x\n  a: 1\n')).toEqual([
      '5:3 "a" is indented more than "region" on line 4, which already has its value, so it cannot belong to it: line it up with "region" (column 1), or if it belongs under it, remove the value after "region:"',
    ]);
  });
});
