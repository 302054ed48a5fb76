import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, _electron, expect, type Locator, type Page } from '@playwright/test'
import { generateFleet, type Fleet } from '../src/shared/fleet/generate'
import { DEMO_FLEET_SIZE, ELECTRON_MISSING_REASON, electronLaunch, HARNESS_TODAY } from './env'

const ROOT = resolve(import.meta.dirname, '..')

/** The demo fleet the app under test seeded (same generator, size and date), for the specs' expectations. */
export const fleet: Fleet = generateFleet({ size: DEMO_FLEET_SIZE, referenceDate: HARNESS_TODAY })

/** Demo accounts (seeded with the demo fleet only). */
export const PASSWORDS = { supervisor: 'demo-supervisor', hotline: 'demo-hotline', 'dealer.dk': 'demo-dealer', 'dealer.se': 'demo-dealer', 'dealer.pt': 'demo-dealer', 'dealer.be': 'demo-dealer', 'dealer.lu': 'demo-dealer' } as const
export type DemoAccount = keyof typeof PASSWORDS

/**
 * The text input behind a test id: Element Plus puts attributes on the <input> itself for el-input and on
 * a wrapper for others (el-input-number), so both are accepted.
 */
export function field(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first()
}

export async function signIn(page: Page, account: DemoAccount): Promise<void> {
  await field(page, 'username').fill(account)
  await field(page, 'password').fill(PASSWORDS[account])
  await page.getByTestId('sign-in-submit').click()
  await expect(page.getByTestId('agent-name')).toBeVisible()
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'idle')
}

/**
 * The tool's language is kept with the account: a spec that switched it hands the account back in English,
 * so the next spec signing in with the same account starts where the specs expect.
 */
async function englishAgain(page: Page): Promise<void> {
  await page
    .evaluate(() => (window as unknown as { api?: { agentSetLanguage?: (r: { language: string }) => Promise<unknown> } }).api?.agentSetLanguage?.({ language: 'en' }))
    .catch(() => undefined)
}

export const test = base.extend<{ app: Page; account: DemoAccount; electronAvailable: void }>({
  account: ['hotline', { option: true }],
  // Runs before any other fixture, so a skipped Electron test never starts a browser it would not use.
  electronAvailable: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; there are none
    async ({}, use, testInfo) => {
      if (testInfo.project.name === 'electron') test.skip('missing' in electronLaunch(ROOT), ELECTRON_MISSING_REASON)
      await use()
    },
    { auto: true }
  ],
  app: async ({ page, account }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      // The unpacked app (Electron's binary and out/main) or, with MINI_E2E_EXECUTABLE, the packaged one.
      const target = electronLaunch(ROOT)
      if ('missing' in target) return test.skip(true, ELECTRON_MISSING_REASON)
      const dataDir = mkdtempSync(join(tmpdir(), 'mini-e2e-'))
      const app = await _electron.launch({
        executablePath: target.executablePath,
        args: target.args,
        env: { ...process.env, MINI_DATA_DIR: dataDir, MINI_TODAY: HARNESS_TODAY, MINI_DEMO_FLEET_SIZE: String(DEMO_FLEET_SIZE), MINI_TELEMATICS_LATENCY_MS: '300-900', MINI_TELEMATICS_FAILURE_RATE: '0' }
      })
      const window = await app.firstWindow()
      await signIn(window, account)
      await use(window)
      await englishAgain(window)
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
      return
    }
    await page.goto('/')
    await signIn(page, account)
    await use(page)
    await englishAgain(page)
  }
})

export { expect }

/** Saves a screenshot as a test artefact (attached to the report and kept under test-results/). */
export async function snapshot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await test.info().attach(name, { path, contentType: 'image/png' })
}

/** Opens the card of the demo fleet's vehicle at `index` through the search box, as an agent would. */
export async function openVehicle(app: Page, index: number): Promise<void> {
  await app.getByTestId('search-input').fill(fleet.records[index]!.vehicle.vin)
  await app.getByTestId('search-input').press('Enter')
  await expect(app.getByTestId('vehicle-card')).toBeVisible()
}
