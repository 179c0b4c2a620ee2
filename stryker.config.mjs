// Mutation testing (npm run mutate): Stryker plants small bugs in the analysis core and runs the
// vitest suite against each; a mutant no test notices is a gap. Not part of npm test (it takes
// long). One folder: npm run mutate -- --mutate 'src/findings/**/*.ts'.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  mutate: ['src/score/**/*.ts', 'src/health/**/*.ts', 'src/check/**/*.ts', 'src/plan/**/*.ts', 'src/findings/**/*.ts', 'src/git/**/*.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
