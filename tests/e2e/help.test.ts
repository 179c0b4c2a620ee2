import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandFactories } from '../../src/cli/commands/index.js';
import { processIo } from '../../src/cli/io.js';
import { kam } from '../helpers/kamInProcess.js';

/** Every command path kam has ("check", "new account", ...), read from the commands themselves. */
function commandPaths(): string[][] {
  const paths: string[][] = [];
  const walk = (cmd: Command, path: string[]) => {
    paths.push(path);
    for (const sub of cmd.commands) walk(sub, [...path, sub.name()]);
  };
  for (const factory of commandFactories) {
    const cmd = factory(() => {}, processIo());
    walk(cmd, [cmd.name()]);
  }
  return paths;
}

const tooLong = (text: string, max: number) =>
  text.split('\n').filter((line) => [...line].length > max).map((line) => `${[...line].length}: ${line}`);

describe('help texts fit a terminal of 80 columns (issue #23)', () => {
  const paths = commandPaths();

  it('knows every command, subcommands included', () => {
    expect(paths.length).toBeGreaterThanOrEqual(commandFactories.length + 3);
    expect(paths).toContainEqual(['new', 'account']);
    expect(paths).toContainEqual(['import', 'contacts']);
  });

  for (const path of [[], ...paths]) {
    it(`kam ${[...path, '--help'].join(' ')} has no line over 80 columns`, async () => {
      const plain = await kam([...path, '--help']);
      expect(plain.code).toBe(0);
      expect(plain.stdout).toContain('Usage: kam');
      expect(tooLong(plain.stdout, 80)).toEqual([]);
      // A wider terminal gets the same 80 columns; a narrower one its own width.
      const wide = await kam([...path, '--help'], { tty: { columns: 200 } });
      expect(tooLong(wide.stdout, 80)).toEqual([]);
      expect(wide.stdout).toBe(plain.stdout);
    });
  }

  it('a usage error shows help on stderr within 80 columns too', async () => {
    const run = await kam(['new']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: kam new');
    expect(tooLong(run.stderr, 80)).toEqual([]);
  });
});
