import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'
import { HARNESS_PORT, HARNESS_TODAY, chromiumPath, DEMO_FLEET_SIZE, ELECTRON_MISSING_REASON, electronLaunch, SHARED_HARNESS_PORT } from './e2e/env'

const electronTarget = electronLaunch(import.meta.dirname)
if ('missing' in electronTarget) console.log(`electron project skipped: ${ELECTRON_MISSING_REASON}`)
else if (electronTarget.packaged) console.log(`electron project: the packaged app at ${electronTarget.executablePath}`)

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  }
}

const harnessEnv = {
  MINI_TODAY: HARNESS_TODAY,
  MINI_DEMO_FLEET_SIZE: String(DEMO_FLEET_SIZE),
  HARNESS_QUIET: '1',
  // A quick, reliable simulated telematics unit; specs that need failures change the setting in the UI.
  MINI_TELEMATICS_LATENCY_MS: '300-900',
  MINI_TELEMATICS_FAILURE_RATE: '0',
  MINI_TELEMATICS_TIMEOUT_MS: '8000'
}

/**
 * Three projects: `harness` drives the built renderer in Debian's Chromium against the real router over
 * HTTP (the embedded backend, PGlite); `shared` does the same with the harness as a client of a server
 * instance on PostgreSQL (the shared deployment, wire protocol and all); `electron` drives the real app
 * through Playwright's _electron where Electron's binary exists (the fixture skips it, with the reason,
 * where it does not), or the packaged app named by MINI_E2E_EXECUTABLE, and runs every spec.
 *
 * The two browser projects run side by side, one worker each (each has one backend whose state its specs
 * build on, in file order). The SIM commands, withdrawals, bulk jobs and the offline behaviour run in
 * both; every other spec runs in one of them, chosen to keep the two about as long, so that `npm test`
 * stays near its time budget on a 2-core machine.
 */
const IN_BOTH = ['sim', 'withdrawal', 'bulk', 'offline', 'i18n-screens' /* each language in one of them */]
const HARNESS_ONLY = ['a11y', 'dated-effects', 'search', 'desk-defects']
const SHARED_ONLY = ['a11y-desk', 'desk', 'i18n-languages', 'acknowledgement', 'keyboard']
const specs = (names: string[]) => names.map((name) => `**/${name}.spec.ts`)
const listed = new Set([...IN_BOTH, ...HARNESS_ONLY, ...SHARED_ONLY])
const unlisted = readdirSync(join(import.meta.dirname, 'e2e'))
  .filter((file) => file.endsWith('.spec.ts'))
  .map((file) => file.slice(0, -'.spec.ts'.length))
  .filter((name) => !listed.has(name))
if (unlisted.length > 0) throw new Error(`Specs in neither browser project: ${unlisted.join(', ')}. Add each to IN_BOTH, HARNESS_ONLY or SHARED_ONLY in playwright.config.ts.`)
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  // Under test-results/, next to other reports (the security scan's CSV), which Playwright would otherwise clean.
  outputDir: './test-results/e2e',
  fullyParallel: false,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${HARNESS_PORT}/`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1360, height: 900 }
  },
  projects: [
    { name: 'harness', use: chromium, workers: 1, testMatch: specs([...IN_BOTH, ...HARNESS_ONLY]) },
    { name: 'shared', use: { ...chromium, baseURL: `http://127.0.0.1:${SHARED_HARNESS_PORT}/` }, workers: 1, testMatch: specs([...IN_BOTH, ...SHARED_ONLY]) },
    { name: 'electron', workers: 1 }
  ],
  webServer: [
    {
      command: 'npx tsx e2e/harness/serve.ts',
      url: `http://127.0.0.1:${HARNESS_PORT}/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: { ...harnessEnv, HARNESS_PORT: String(HARNESS_PORT) }
    },
    {
      command: 'npx tsx e2e/harness/serve.ts',
      url: `http://127.0.0.1:${SHARED_HARNESS_PORT}/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: { ...harnessEnv, HARNESS_PORT: String(SHARED_HARNESS_PORT), HARNESS_MODE: 'shared' }
    }
  ]
})
