import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, KAM_BIN, runKam } from '../helpers/kam.js';
import { copyRepo, makeRepo, snapshotTree } from '../helpers/tmpRepo.js';
import { expectNoStackTrace } from './harness.js';

const ONE_LINE = /^kam: internal error: TypeError: test crash \(KAM_TEST_CRASH=\w+\) \(this is a bug in kam: please report it with the command you ran; KAM_DEBUG=1 shows details\)\n$/;

describe('an unexpected error is one line and exit 70, never a raw stack trace', () => {
  // KAM_TEST_CRASH is an internal test hook (src/cli/crash.ts): it makes kam fail on purpose.
  it.each(['throw', 'async', 'rejection'])('KAM_TEST_CRASH=%s', (kind) => {
    const root = copyRepo(EXAMPLE);
    const before = snapshotTree(root);
    const run = runKam(['validate'], { cwd: root, env: { KAM_TEST_CRASH: kind } });
    expect(run.code).toBe(70);
    expect(run.stderr).toMatch(ONE_LINE);
    expectNoStackTrace(run);
    expect(snapshotTree(root)).toEqual(before);
  });

  it.each(['throw', 'async', 'rejection'])('KAM_DEBUG=1 adds the stack for KAM_TEST_CRASH=%s', (kind) => {
    // --help: `kam --version` alone is answered before kam's code runs (bin/kam.js).
    const run = runKam(['--help'], { env: { KAM_TEST_CRASH: kind, KAM_DEBUG: '1' } });
    expect(run.code).toBe(70);
    expect(run.stderr).toMatch(/^TypeError: test crash .*\n(\s+at .+\n)+kam: internal error: TypeError: test crash/);
  });
});

describe('a closed stdout pipe (kam validate | head -1)', () => {
  it('stops quietly: no EPIPE trace, and the exit code is still kam’s own', () => {
    // Enough findings that the output outgrows the pipe buffer long after the reader has gone.
    const files = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`accounts/a${i}.yaml`, `name: A${i}\nmanger: X\nregoin: Y\nratings: { fit: 9, logo: 0 }\n`]));
    const root = makeRepo(files);
    const before = snapshotTree(root);
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${KAM_BIN}" validate --max-findings all | head -1; echo "kam exit: $?" >&2`], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stdout).toBe('accounts/a0.yaml\n');
    expect(result.stderr).not.toMatch(/EPIPE|Error|\s+at /);
    // With pipefail the pipeline's status is kam's: 1 for the error findings, not a crash.
    expect(result.stderr).toBe('kam exit: 1\n');
    expect(snapshotTree(root)).toEqual(before);
  });
});
