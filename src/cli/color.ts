import { Chalk, type ChalkInstance } from 'chalk';
import type { Io } from './io.js';

/**
 * Colour only on a TTY, honouring NO_COLOR, FORCE_COLOR and --color/--no-color (chalk 5 itself
 * ignores NO_COLOR). `flag` is commander's value of --color: true, false or undefined.
 */
export function colorLevel(io: Io, flag: boolean | undefined): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return flag === true ? 1 : 0;
    const n = Number(force);
    return Number.isInteger(n) && n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 1;
  }
  if (flag === true) return 1;
  if (io.env.NO_COLOR) return 0;
  if (!io.stdout.isTTY || io.env.TERM === 'dumb') return 0;
  return io.env.COLORTERM === 'truecolor' || io.env.COLORTERM === '24bit' ? 3 : 2;
}

export function makeChalk(io: Io, flag: boolean | undefined): ChalkInstance {
  return new Chalk({ level: colorLevel(io, flag) });
}
