import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // vitest's default is one worker less than the cores: one worker on a 2-core machine, which
    // then waits idle while a test's kam process or Chromium works. Most files spend their time
    // in such children or in I/O, so every core gets a worker.
    maxWorkers: Math.max(2, availableParallelism()),
    setupFiles: ['tests/helpers/setup.ts'],
    reporters: ['default'],
    projects: [
      // isolate: false: a worker runs its files in one module graph instead of a fresh process
      // per file (src/ is imported and compiled once per worker, not 150 times). Safe because no
      // test mocks modules, stubs globals or changes process.env or the working folder, and
      // src/ keeps no state between runs of main(); tests/helpers/setup.ts cleans up per file.
      { extends: true, test: { name: 'main', include: ['tests/**/*.test.ts'], exclude: ['**/node_modules/**', 'tests/browser/**'], isolate: false } },
      // Real headless Chromium: its globalSetup installs Debian's chromium when it is missing. Each
      // file launches its own browser and closes it in afterAll; isolate: false as above.
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/browser/globalSetup.ts'], isolate: false } },
    ],
  },
});
