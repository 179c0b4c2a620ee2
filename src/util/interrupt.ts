// What kam must undo when it is stopped by a signal (a CI timeout's SIGTERM, Ctrl-C's SIGINT, a
// closed terminal's SIGHUP): Node's default is to die at once, which would leave a child process
// running and a temp folder on disk. One door for it: `whileRunning(cleanup)` around the work.

type Cleanup = () => void | Promise<void>;

const cleanups = new Set<Cleanup>();
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type Signal = keyof typeof SIGNALS;
let stopping = false;

const onSignal = (signal: Signal) => {
  // A second signal while cleaning up changes nothing: the cleanup is short and bounded.
  if (stopping) return;
  stopping = true;
  void Promise.allSettled([...cleanups].map((cleanup) => Promise.resolve().then(cleanup))).finally(() => process.exit(128 + SIGNALS[signal]));
};
const handlers = Object.fromEntries(Object.keys(SIGNALS).map((s) => [s, () => onSignal(s as Signal)])) as Record<Signal, () => void>;

/** process.exit() from elsewhere (or an internal error): the synchronous part of each cleanup still runs. */
const onExit = () => {
  for (const cleanup of cleanups)
    try {
      void Promise.resolve(cleanup()).catch(() => undefined);
    } catch {
      // exiting anyway
    }
};

/**
 * Runs `cleanup` if kam is stopped by SIGINT, SIGTERM or SIGHUP (then exits 128 + the signal's
 * number, as a shell reports it) or exits before the returned `release` is called. Call release
 * when the work is done (in a finally); the handlers are installed only while something needs them.
 */
export function whileRunning(cleanup: Cleanup): () => void {
  if (cleanups.size === 0) {
    for (const s of Object.keys(SIGNALS) as Signal[]) process.on(s, handlers[s]);
    process.on('exit', onExit);
  }
  cleanups.add(cleanup);
  return () => {
    if (!cleanups.delete(cleanup) || cleanups.size > 0) return;
    for (const s of Object.keys(SIGNALS) as Signal[]) process.off(s, handlers[s]);
    process.off('exit', onExit);
  };
}
