import { describe, expect, it } from 'vitest';
import { BEGIN_MARKER, currentBlock, END_MARKER, handleOf, withBlock } from '../../../src/codeowners/codeowners.js';
import { configSchema } from '../../../src/schema/config.js';

const block = `${BEGIN_MARKER}\n/kam.yaml @leads\n${END_MARKER}\n`;

describe('CODEOWNERS block', () => {
  it.each([
    ['no file', undefined, block],
    ['an empty file', '', block],
    ['a file without the block: appended last (the last matching pattern wins)', '* @admins\n', `* @admins\n\n${block}`],
    ['a file without a final newline', '* @admins', `* @admins\n\n${block}`],
    ['an old block between other lines: replaced in place', `* @admins\n${BEGIN_MARKER}\n/old @x\n${END_MARKER}\n/docs/ @writers\n`, `* @admins\n${block}/docs/ @writers\n`],
  ])('%s', (_what, existing, expected) => {
    expect(withBlock(existing, block)).toEqual({ text: expected });
    expect(currentBlock(expected)).toBe(block);
  });

  it('refuses broken markers instead of guessing', () => {
    expect(withBlock(`${BEGIN_MARKER}\n/x @y\n`, block)).toEqual({ problem: expect.stringContaining('without "# END kam codeowners" after it') });
    expect(withBlock(`/x @y\n${END_MARKER}\n`, block)).toEqual({ problem: expect.stringContaining('without the BEGIN line') });
  });

  it('finds handles ignoring case and runs of spaces, in both forms of people:', () => {
    const config = configSchema.parse({ version: 1, people: { 'Dana Whitfield': '@dana', 'Omar Haddad': { handle: '@omar' }, 'Lee Park': { email: 'lee@example.com' }, 'No One': {} } });
    expect(handleOf(config, '  dana   WHITFIELD ')).toBe('@dana');
    expect(handleOf(config, 'Omar Haddad')).toBe('@omar');
    expect(handleOf(config, 'Lee Park')).toBe('lee@example.com');
    expect(handleOf(config, 'No One')).toBeUndefined();
    expect(handleOf(config, 'Stranger')).toBeUndefined();
  });
});
