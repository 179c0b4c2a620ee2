import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'main', include: ['tests/**/*.test.ts'], exclude: ['**/node_modules/**', 'tests/browser/**'] } },
      // Real headless Chromium: its globalSetup installs Debian's chromium when it is missing.
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/browser/globalSetup.ts'] } },
    ],
  },
});
