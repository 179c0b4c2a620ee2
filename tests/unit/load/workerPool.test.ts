import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { WORKER_THRESHOLD, workerCount } from '../../../src/load/workerPool.js';

describe('how many worker threads to start', () => {
  const cores = availableParallelism();

  it('uses none below the threshold, for false, or for nothing to parse', () => {
    expect(workerCount(WORKER_THRESHOLD - 1, undefined, 0)).toBe(0);
    expect(workerCount(100_000, false, 0)).toBe(0);
    expect(workerCount(0, 4, 0)).toBe(0);
  });

  it('obeys an explicit count, at most one thread per file', () => {
    expect(workerCount(10, 2, 99)).toBe(2);
    expect(workerCount(1, 3, 0)).toBe(1);
  });

  it('uses the idle extra cores only', () => {
    expect(workerCount(100_000, undefined, 0)).toBe(Math.min(cores - 1, 7));
    expect(workerCount(100_000, undefined, cores)).toBe(0); // every core busy already
    expect(workerCount(100_000, true, cores + 10)).toBe(0);
  });
});
