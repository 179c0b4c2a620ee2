// Installs Debian's Chromium (scripts/ensure-chromium.sh) before the browser test, so `npm test`
// works on a fresh machine. When it cannot be installed the run fails here, loudly: a browser
// test that silently skips would prove nothing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';

export default function setup(): void {
  const script = fileURLToPath(new URL('../../scripts/ensure-chromium.sh', import.meta.url));
  const run = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15 * 60_000 });
  if (run.status !== 0) {
    throw new Error(
      `The browser test needs Chromium at ${CHROMIUM}, and scripts/ensure-chromium.sh could not install it ` +
        `(exit ${run.status ?? run.signal}).\n${run.stderr || run.stdout}\n` +
        'Install it (Debian/Ubuntu: sudo apt-get install -y chromium) and run npm test again.',
    );
  }
}
