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
    ['a: x\n\tb: 1\n', 'indent with spaces'],
    ['a: "x\n', 'close the quote'],
    ['title: CFO: finance\n', 'must be quoted'],
  ])('hints at the fix for %j', (text, hint) => {
    expect(messages(text).join('\n')).toContain(hint);
  });
});
