import { defineConfig } from 'vitest/config';

// The suite as `npm run mutate` runs it: in-process tests only (tests/browser needs Chromium and
// tests/hostile spawns the built bin/kam.js, which Stryker's mutants never reach). MUTATE_TESTS
// (comma-separated globs) narrows it for a quick run on one folder.
const include = process.env.MUTATE_TESTS ? process.env.MUTATE_TESTS.split(',') : ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    include,
    setupFiles: ['tests/helpers/setup.ts'],
    exclude: ['**/node_modules/**', 'tests/browser/**', 'tests/hostile/**'],
  },
});
