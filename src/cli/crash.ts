// What happens when kam itself fails: one line on stderr and exit 70, never a raw stack trace
// (KAM_DEBUG=1 adds it). main() catches what actions throw; installProcessHandlers() catches
// the rest (errors in callbacks and timers, unhandled rejections) and a closed stdout pipe.

export const EXIT_INTERNAL = 70;

/** The text kam prints for an unexpected error: one line with a hint, the stack first when debugging. */
export function internalErrorText(err: unknown, env: NodeJS.ProcessEnv): string {
  const message = (err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err)).split('\n')[0];
  const stack = env.KAM_DEBUG === '1' ? `${err instanceof Error && err.stack ? err.stack : String(err)}\n` : '';
  return `${stack}kam: internal error: ${message} (this is a bug in kam: please report it with the command you ran; KAM_DEBUG=1 shows details)\n`;
}

type Proc = Pick<NodeJS.Process, 'on' | 'exit' | 'env'> & { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream };

/**
 * Process-wide safety nets, installed once by bin/kam.js. When stdout is a pipe that closes early
 * (`kam check | head -1`), the rest of the output is dropped quietly and kam still exits with
 * its own code; any other stream error is an internal error.
 */
export function installProcessHandlers(proc: Proc = process): void {
  const die = (err: unknown) => {
    try {
      proc.stderr.write(internalErrorText(err, proc.env));
    } finally {
      proc.exit(EXIT_INTERNAL);
    }
  };
  proc.on('uncaughtException', die);
  proc.on('unhandledRejection', die);
  proc.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') {
      // Nobody reads any more: drop what is left instead of raising an error on every write.
      proc.stdout.write = (() => true) as never;
      return;
    }
    if (err.code === 'ENOSPC' || err.code === 'EDQUOT' || err.code === 'EIO' || err.code === 'EFBIG') {
      // Output redirected to a full disk: an I/O problem to fix, not a bug in kam (exit 2).
      try {
        proc.stderr.write(`kam: cannot write to standard output (${err.code}: ${err.message.replace(/^[A-Z]+: /, '').split(',')[0]}); free some space or redirect the output elsewhere\n`);
      } finally {
        proc.exit(2);
      }
      return;
    }
    die(err);
  });
  proc.stderr.on('error', () => proc.exit(EXIT_INTERNAL));
}

/**
 * Internal test hook, not a feature: KAM_TEST_CRASH makes kam fail on purpose so the tests can
 * prove that failures stay one line. `throw` fails inside main, `async` in a timer callback,
 * `rejection` as an unhandled promise rejection.
 */
export function crashForTest(kind: string): void {
  const err = new TypeError(`test crash (KAM_TEST_CRASH=${kind})`);
  if (kind === 'async') setTimeout(() => { throw err; }, 0);
  else if (kind === 'rejection') void Promise.reject(err);
  else throw err;
}
