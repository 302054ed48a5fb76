// @ts-check
// Mutation testing of the market rules (`npm run test:mutation`; README "Mutation testing").
// Not part of `npm test`: a full run takes minutes on two cores.
//
// Stryker 9.6 and its vitest runner, not 10.x: Stryker 10 pulls Babel 8, which needs Node 22, and
// this project supports Node 20.19 (package.json engines). The 9.6 vitest runner drives vitest 4.1
// (it checks for `>=4.1.0` itself), so no other runner is needed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'stryker/vitest.config.ts', related: true },
  mutate: ['src/shared/rules/**/*.ts', '!src/shared/rules/**/*.test.ts', '!src/shared/rules/test-fixtures.ts'],
  // Only what the run needs is copied to the sandbox (the rules import nothing outside themselves).
  ignorePatterns: ['/*', '!/src', '/src/*', '!/src/shared', '/src/shared/*', '!/src/shared/rules', '!/stryker', '!/package.json', '!/tsconfig*.json'],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level data evaluated once at import: the catalogue tables, CLAUSES,
  // DECISIONS, 817 of them) each rerun the whole suite in a fresh module environment: about ten a
  // minute on two shared cores, well over an hour. They are left out of the run; the data is stated
  // by catalogue.test.ts, clauses.test.ts and every outcome's exact clause list.
  // `stryker/static.config.mjs` measures them (README "Mutation testing"; Stryker's CLI has no flag
  // that turns ignoreStatic off).
  ignoreStatic: true,
  // The machine is shared (2 cores); a run per file: `npm run test:mutation -- --mutate src/shared/rules/vin.ts`.
  concurrency: 2,
  timeoutMS: 20_000,
  timeoutFactor: 3,
  // A rerun tests only mutants whose code or covering tests changed. The incremental file is NOT
  // committed (reports/ is ignored): it records this machine's absolute project path, holds a copy
  // of every mutated file and test (megabytes), and is rewritten by every run, so branches would
  // conflict on it. A fresh checkout runs in full once; `-- --force` does the same on purpose.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/rules.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
