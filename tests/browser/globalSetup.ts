// Installs Debian's Chromium (scripts/ensure-chromium.sh) before the browser test, so `npm test`
// works on a fresh machine. When it cannot be installed the run fails here, loudly: a browser
// test that silently skips would prove nothing. Then starts one Chromium for every browser test
// file (sharedBrowser() connects to it; each file works in its own pages and contexts), instead
// of one launch per file.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

export const CHROMIUM = '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The WebSocket address of the Chromium this setup started (playwright's launchServer). */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const script = fileURLToPath(new URL('../../scripts/ensure-chromium.sh', import.meta.url));
  const run = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15 * 60_000 });
  if (run.status !== 0) {
    throw new Error(
      `The browser test needs Chromium at ${CHROMIUM}, and scripts/ensure-chromium.sh could not install it ` +
        `(exit ${run.status ?? run.signal}).\n${run.stderr || run.stdout}\n` +
        'Install it (Debian/Ubuntu: sudo apt-get install -y chromium) and run npm test again.',
    );
  }
  const server = await chromium.launchServer({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
