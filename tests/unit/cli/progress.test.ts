import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { Io } from '../../../src/cli/io.js';
import { makeProgress } from '../../../src/cli/progress.js';
import { EXAMPLE } from '../../helpers/kam.js';

function fakeIo(env: Record<string, string>, tty: boolean): Io & { err: () => string; out: () => string } {
  let out = '';
  let err = '';
  return {
    cwd: EXAMPLE,
    env: { NO_COLOR: '1', ...env },
    stdout: { write: (s: string) => (out += s), isTTY: tty },
    stderr: { write: (s: string) => (err += s), isTTY: tty },
    stdin: Readable.from([]) as Io['stdin'],
    err: () => err,
    out: () => out,
  };
}

describe('progress while loading', () => {
  it('shows a \\r-updated line on a terminal for a slow load and clears it at the end', async () => {
    const io = fakeIo({ KAM_PROGRESS_DELAY_MS: '0' }, true);
    expect(await main(['validate', '--no-cache'], io)).toBe(0);
    expect(io.err()).toMatch(/^\rkam: loading \d+\/22 files/);
    expect(io.err().endsWith('\r\x1b[K')).toBe(true);
    expect(io.out()).toContain('no problems');
  });

  it('shows nothing for a load faster than the delay', async () => {
    const io = fakeIo({ KAM_PROGRESS_DELAY_MS: '600000' }, true);
    expect(await main(['validate', '--no-cache'], io)).toBe(0);
    expect(io.err()).toBe('');
  });

  it('shows nothing in CI or when stderr is not a terminal', async () => {
    for (const io of [fakeIo({ KAM_PROGRESS_DELAY_MS: '0', CI: 'true' }, true), fakeIo({ KAM_PROGRESS_DELAY_MS: '0' }, false)]) {
      expect(await main(['validate', '--no-cache'], io)).toBe(0);
      expect(io.err()).toBe('');
    }
  });

  it('redraws at most every 100 ms', () => {
    const io = fakeIo({ KAM_PROGRESS_DELAY_MS: '0' }, true);
    const progress = makeProgress(io, 'kam: loading');
    for (let i = 1; i <= 1000; i++) progress.update(i, 1000);
    progress.end();
    expect(io.err()).toBe('\rkam: loading 1/1000 files\r\x1b[K');
  });
});
