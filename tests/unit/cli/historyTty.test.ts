import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { Io } from '../../../src/cli/io.js';
import { buildStory } from '../../e2e/git.fixture.js';

function fakeIo(cwd: string, isTTY: boolean): Io & { out: () => string } {
  let out = '';
  return {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => (out += s), isTTY },
    stderr: { write: () => true },
    stdin: new PassThrough(),
    out: () => out,
  };
}

describe('kam history on a terminal', () => {
  it('adds a sparkline of the score, only on a TTY and never in JSON', async () => {
    const { root } = buildStory();
    const tty = fakeIo(root, true);
    expect(await main(['history', 'acme'], tty)).toBe(0);
    expect(tty.out().trimEnd().split('\n').at(-1)).toBe('score ▁██  50.0 → 100.0');
    const pipe = fakeIo(root, false);
    await main(['history', 'acme'], pipe);
    expect(pipe.out()).not.toContain('score ▁');
    const json = fakeIo(root, true);
    await main(['history', 'acme', '-f', 'json'], json);
    expect(JSON.parse(json.out()).history).toHaveLength(3);
  });
});
