import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { KAM_BIN } from '../helpers/kam.js';
import { tmpDir } from '../helpers/tmpRepo.js';

/** An Io whose stdin and stdout claim to be a terminal; `input` is what the user types. */
function terminalIo(cwd: string, input: string, env: NodeJS.ProcessEnv = {}) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  stdin.end(input);
  let out = '';
  let err = '';
  const io: Io = {
    cwd,
    env: { NO_COLOR: '1', ...env },
    stdin,
    stdout: { isTTY: true, write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
  };
  return { io, out: () => out, err: () => err };
}

describe('kam init on a terminal', () => {
  it('asks for the organization and currency, re-asks on a bad currency', async () => {
    const dir = tmpDir();
    const t = terminalIo(dir, 'Crème Brûlée AG\neuro\nchf\n');
    expect(await main(['init', '--no-git'], t.io)).toBe(0);
    expect(t.out()).toContain('Organization (the supplier: you) (My Company): ');
    expect(t.out().match(/Currency of revenue figures \(USD\): /g)).toHaveLength(2);
    expect(t.out()).toContain('a currency is a three-letter ISO 4217 code');
    const text = readFileSync(join(dir, 'kam.yaml'), 'utf8');
    expect(text).toContain('organization: Crème Brûlée AG');
    expect(text).toContain('currency: CHF');
  });

  it('takes the defaults on empty answers', async () => {
    const dir = tmpDir();
    const t = terminalIo(dir, '\n\n');
    expect(await main(['init', '--no-git'], t.io)).toBe(0);
    const text = readFileSync(join(dir, 'kam.yaml'), 'utf8');
    expect(text).toContain('organization: My Company');
    expect(text).toContain('currency: USD');
  });

  it('asks only what the options leave open', async () => {
    const dir = tmpDir();
    const t = terminalIo(dir, 'gbp\n');
    expect(await main(['init', '--no-git', '--organization', 'Fixed'], t.io)).toBe(0);
    expect(t.out()).not.toContain('Organization');
    expect(readFileSync(join(dir, 'kam.yaml'), 'utf8')).toContain('currency: GBP');
  });

  it.each([
    ['--yes', ['--yes'], {}],
    ['CI', [], { CI: 'true' }],
  ])('asks nothing with %s', async (_name, args, env) => {
    const dir = tmpDir();
    const t = terminalIo(dir, 'Should Not Be Read\nEUR\n', env);
    expect(await main(['init', '--no-git', ...args], t.io)).toBe(0);
    expect(t.out()).not.toContain('Organization');
    expect(readFileSync(join(dir, 'kam.yaml'), 'utf8')).toContain('organization: My Company');
  });

  it('writes nothing when the input ends before an answer', async () => {
    const dir = tmpDir();
    const t = terminalIo(dir, 'Acme\n');
    expect(await main(['init', '--no-git'], t.io)).toBe(2);
    expect(t.err()).toContain('kam: no answer (input ended); nothing was written');
    expect(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout).toBe('');
  });

  it.skipIf(spawnSync('script', ['--version']).error !== undefined)('prompts in a real pseudo-terminal (script)', () => {
    const dir = tmpDir();
    // script gives kam a pty for stdin and stdout; the answers are typed into it.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(KAM_BIN)} init --no-git`;
    const run = spawnSync('script', ['-qfec', command, '/dev/null'], {
      cwd: dir,
      input: 'Pty Corp\nsek\n',
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: '' },
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Organization (the supplier: you) (My Company):');
    const text = readFileSync(join(dir, 'kam.yaml'), 'utf8');
    expect(text).toContain('organization: Pty Corp');
    expect(text).toContain('currency: SEK');
  });
});
