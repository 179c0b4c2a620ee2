import { isCI, type Io } from './io.js';

/** Loads shorter than this show no progress at all. */
const DEFAULT_DELAY_MS = 500;
/** Redraw at most this often. */
const REDRAW_MS = 100;

export interface Progress {
  update(done: number, total: number): void;
  /** Clears the progress line, if one was shown. */
  end(): void;
}

/**
 * A `\r`-redrawn progress line on stderr for slow loads, shown only on an interactive terminal
 * (never when piped or in CI) and only once the load has taken longer than half a second.
 * KAM_PROGRESS_DELAY_MS (internal, for tests) changes that delay.
 */
export function makeProgress(io: Io, label: string): Progress {
  if (!io.stderr.isTTY || isCI(io.env)) return { update() {}, end() {} };
  const delay = Number(io.env.KAM_PROGRESS_DELAY_MS ?? DEFAULT_DELAY_MS);
  const start = Date.now();
  let shown = false;
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - start < delay || now - last < REDRAW_MS) return;
      last = now;
      shown = true;
      io.stderr.write(`\r${label} ${done}/${total} files`);
    },
    end() {
      if (shown) io.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
