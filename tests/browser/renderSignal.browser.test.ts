// A PDF render stopped by a signal (a CI timeout's SIGTERM, Ctrl-C's SIGINT) kills the browser
// it started and removes its temp folder: nothing keeps running, nothing is left in /tmp.
// (In the browser project, so Chromium is there; tests/hostile/renderKill.test.ts kills HTML renders.)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KAM_BIN } from '../helpers/kam.js';
import { meetingRepo } from '../helpers/meetingRepo.js';
import { tmpDir } from '../helpers/tmpRepo.js';
import { CHROMIUM } from './globalSetup.js';

/** Live processes (zombies excluded) whose command line mentions `text`. */
function processesWith(text: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) continue;
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text)) found.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Resolves once `check` returns something truthy (checked every 20 ms); the test's timeout bounds it. */
async function until<T>(check: () => T | undefined | false): Promise<T> {
  for (;;) {
    const value = check();
    if (value) return value;
    await new Promise((done) => setTimeout(done, 20));
  }
}

describe('kam render -f pdf stopped by a signal', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s while Chromium prints: the browser is killed, /tmp/kam-pdf-* removed, exit %i', async (signal, code) => {
    const root = meetingRepo();
    // A private TMPDIR: the folder kam makes there is this run's, and only this run's.
    const tmp = tmpDir('kam-signal-tmp-');
    const child = spawn(process.execPath, [KAM_BIN, 'render', '--all', '--portfolio', '-f', 'pdf', '--out', 'out', '--today', '2026-11-23'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp, KAM_BROWSER: CHROMIUM },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    // Wait until the browser runs with its profile in kam's temp folder, then stop kam.
    const profile = await until(() => readdirSync(tmp).find((n) => n.startsWith('kam-pdf-')));
    const browsers = await until(() => {
      const pids = processesWith(join(tmp, profile));
      return pids.length > 0 && pids;
    });
    child.kill(signal);
    expect(await exited, stderr).toBe(code);
    expect(readdirSync(tmp)).toEqual([]);
    // The browser kam started (its child: the first process with the profile) was waited for.
    expect(processesWith(join(tmp, profile))).not.toContain(browsers[0]);
    // The browser and its helpers got SIGKILL before kam exited; the kernel may take a moment to reap them.
    await until(() => processesWith(join(tmp, profile)).length === 0);
    expect(processesWith(join(tmp, profile))).toEqual([]);
  }, 120_000);
});
