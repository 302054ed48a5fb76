import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const alias = {
  '@shared': resolve(import.meta.dirname, 'src/shared'),
  '@main': resolve(import.meta.dirname, 'src/main'),
  '@renderer': resolve(import.meta.dirname, 'src/renderer/src')
}

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default on a 2-core machine is one worker. The database suites wait on PostgreSQL (another
    // process) and on I/O as much as they compute, so two workers there take the suite from about 9.5 to
    // about 6.5 minutes; every test is written to hold on a loaded machine.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      // The main process on the embedded engine (PGlite)…
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/shared/**/*.test.ts', 'src/main/**/*.test.ts', 'scripts/**/*.test.ts'],
          env: { MINI_TEST_ENGINE: 'pglite' },
          // Generous: each test copies a template database, which a loaded machine can make slow.
          testTimeout: 120_000,
          hookTimeout: 120_000
        }
      },
      // …and the same database-backed tests on a real PostgreSQL server (a throwaway cluster, or
      // TEST_DATABASE_URL): services, router, database, fuzz, concurrency.
      {
        resolve: { alias },
        test: {
          name: 'node-postgres',
          environment: 'node',
          include: ['src/main/**/*.test.ts', 'tests/concurrency/**/*.test.ts', 'tests/server/**/*.test.ts'],
          exclude: ['src/main/app/**', 'src/main/services/forms/**'],
          env: { MINI_TEST_ENGINE: 'postgres' },
          globalSetup: ['src/main/testing/vitest-postgres-setup.ts'],
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 120_000,
          hookTimeout: 120_000
        }
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts', 'tests/concurrency/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto'],
          env: { MINI_TEST_ENGINE: 'pglite' },
          testTimeout: 120_000,
          hookTimeout: 120_000
        }
      },
      {
        plugins: [vue()],
        resolve: { alias },
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['src/renderer/**/*.test.ts'],
          setupFiles: ['src/renderer/src/test-setup.ts'],
          testTimeout: 30_000
        }
      }
    ]
  }
})
