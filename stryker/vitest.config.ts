// The test run Stryker mutates against: the rules module's own tests only, in Node. The project's
// main vitest.config.ts runs three projects (node, integration, renderer); Stryker would start all of
// them for every mutant, although only these tests import src/shared/rules directly.
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const root = resolve(import.meta.dirname, '..')

export default defineConfig({
  root,
  resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
  test: {
    name: 'rules',
    environment: 'node',
    include: ['src/shared/rules/**/*.test.ts'],
    testTimeout: 60_000
  }
})
