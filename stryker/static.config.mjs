// @ts-check
// The same run with static mutants included (module-level data: the catalogue tables, CLAUSES,
// DECISIONS, message tables). Slow: every static mutant reruns the whole rules suite in a fresh
// module environment. Run per file, with its own incremental file so the main one is kept:
//   npx stryker run stryker/static.config.mjs --mutate src/shared/rules/vin.ts
import base from '../stryker.config.mjs'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  ignoreStatic: false,
  incrementalFile: 'reports/mutation/stryker-incremental-static.json',
  jsonReporter: { fileName: 'reports/mutation/rules-static.json' }
}
