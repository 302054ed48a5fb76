import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { addDays } from '../src/shared/rules'
import { DEMO_FLEET_SIZE, HARNESS_PORT, HARNESS_TODAY } from './env'
import { chooseLanguage } from './i18n-helpers'
import { expect, field, fleet, signIn, snapshot, test } from './fixtures'
import { vehiclesWhere, vinOf } from './issue16-helpers'

/**
 * Dated effects (issue 16): a termination takes effect on its date without anyone clicking, also when the
 * app was closed over the date. The spec runs its own harness on a database folder on disk: once on the
 * demo fleet's day, then, after it has quit, again a few weeks later. The month-of-notice showcase
 * (vehicle 9) is read on both days; a withdrawal made on the first day has its refund overdue on the second.
 *
 * The shared and electron projects have their own start-up (a server on PostgreSQL, the packaged app);
 * restarting them over a date is covered by the unit tests on both engines (dated-effects.test.ts).
 */
const ROOT = resolve(import.meta.dirname, '..')
const PORT = HARNESS_PORT + 2
const URL_ = `http://127.0.0.1:${PORT}/`
const pending = fleet.records[9]!.contract!
const LATER = addDays(pending.terminationEffectiveOn!, 1)
// A paid contract: a withdrawal of a basic (free) contract has nothing to refund, and its case closes at once.
const [withdrawn] = vehiclesWhere(
  300,
  400,
  (a, i) => (a.market === 'DK' || a.market === 'SE') && a.allowed && !a.requiresAcknowledgement && a.contractEffect === 'withdrawal' && (fleet.records[i]!.contract?.paid ?? 0) > 0
).slice(-1)

async function answers(): Promise<boolean> {
  return fetch(`${URL_}health`).then((r) => r.ok, () => false)
}

async function startHarness(dataDir: string, today: string): Promise<ChildProcess> {
  // Another process on the port would answer for this one and hide a harness that failed to start.
  if (await answers()) throw new Error(`port ${PORT} is in use: stop what runs there first`)
  const child = spawn('npx', ['tsx', 'e2e/harness/serve.ts'], {
    // Its own process group: npx, tsx and node are stopped together.
    detached: true,
    cwd: ROOT,
    env: {
      ...process.env,
      HARNESS_PORT: String(PORT),
      HARNESS_QUIET: '1',
      MINI_DATA_DIR: dataDir,
      MINI_TODAY: today,
      MINI_DEMO_FLEET_SIZE: String(DEMO_FLEET_SIZE),
      MINI_TELEMATICS_LATENCY_MS: '300-900',
      MINI_TELEMATICS_FAILURE_RATE: '0'
    },
    stdio: 'ignore'
  })
  // Ready when it answers; a machine busy with other suites may take a while to seed the fleet.
  const started = Date.now()
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the harness exited with ${child.exitCode}`)
    if (await answers()) return child
    if (Date.now() - started > 240_000) throw new Error('the harness did not start within 4 minutes')
    await new Promise((r) => setTimeout(r, 500))
  }
}

async function stopHarness(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise((r) => child.once('exit', r))
  process.kill(-child.pid, 'SIGTERM')
  await exited
  // The database folder is free once the node process under npx has gone too.
  while (await answers()) await new Promise((r) => setTimeout(r, 200))
}

async function openCard(page: Page, vin: string): Promise<void> {
  await page.getByTestId('search-input').fill(vin)
  await page.getByTestId('search-input').press('Enter')
  await expect(page.getByTestId('vehicle-card')).toBeVisible()
}

// Module scope, so that a test stopped by its timeout still stops the harness it started.
let harness: ChildProcess | null = null
let dataDir: string | null = null
test.afterEach(async () => {
  if (harness) await stopHarness(harness)
  harness = null
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  dataDir = null
})

test('a termination takes effect on its date while the app was closed; the card, the audit and the top bar show it', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'harness', 'restarts its own embedded harness over a date; the other projects start differently')
  test.setTimeout(600_000)
  expect(withdrawn).toBeDefined()
  dataDir = mkdtempSync(join(tmpdir(), 'mini-dated-'))
  {
    // Day 1: the termination is pending; a withdrawal is recorded (refund due in about two weeks).
    harness = await startHarness(dataDir, HARNESS_TODAY)
    await page.goto(URL_)
    await signIn(page, 'supervisor')
    await openCard(page, vinOf(9))
    // Pending until its date: the contract is active, and the card says when the termination takes effect.
    await expect(page.getByTestId('contract-status')).toHaveAttribute('data-status', 'active')
    await expect(page.getByTestId('contract-status')).toHaveText(/^Termination takes effect on \d{1,2} [A-Z][a-z]{2} \d{4}$/)
    await snapshot(page, 'dated-before-card')
    await page.getByTestId('agent-menu').click()
    await page.getByTestId('menu-bulk').click()
    await page.getByTestId('bulk-file').setInputFiles({ name: 'withdrawal.csv', mimeType: 'text/csv', buffer: Buffer.from(`${vinOf(withdrawn!)},deactivate\n`) })
    await page.getByTestId('bulk-start').click()
    await page.locator('.el-message-box .el-button--primary').click()
    await expect(page.getByTestId('bulk-job-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
    await expect(page.getByTestId('bulk-job-sim')).toContainText('Confirmed by the vehicle 1', { timeout: 30_000 })
    await expect(page.getByTestId('refunds-due')).toHaveCount(0)
    // The agent signs out and quits the app.
    await page.getByTestId('agent-menu').click()
    await page.getByTestId('sign-out').click()
    await expect(field(page, 'username')).toBeVisible()
    await stopHarness(harness)
    harness = null

    // The app is started again the day after the termination's date.
    harness = await startHarness(dataDir, LATER)
    await page.goto(URL_)
    await signIn(page, 'supervisor')
    await openCard(page, vinOf(9))
    await expect(page.getByTestId('contract-status')).toHaveAttribute('data-status', 'terminated')
    await expect(page.getByTestId('contract-status')).toHaveText(/^Terminated, ended on \d{1,2} [A-Z][a-z]{2} \d{4}$/)
    await expect(page.getByTestId('refunds-overdue')).toContainText('1 refund overdue')
    await snapshot(page, 'dated-after-card')

    await page.getByTestId('nav-audit').click()
    await field(page, 'audit-action').fill('contract.ended')
    await page.getByTestId('audit-apply').click()
    const rows = page.getByTestId('audit-rows')
    await expect(rows).toContainText('Contract ended on its termination date')
    await expect(rows).toContainText(vinOf(9))
    await expect(rows).toContainText('System')
    await snapshot(page, 'dated-after-audit')

    await chooseLanguage(page, 'da')
    try {
      await expect(rows).toContainText('Kontrakten ophørte på opsigelsesdatoen')
      await snapshot(page, 'da-dated-after-audit')
      await openCard(page, vinOf(9))
      await expect(page.getByTestId('contract-status')).toHaveText(/^Opsagt, ophørte \d{1,2}\. [a-zæøå]{3}\. \d{4}$/)
      await expect(page.getByTestId('refunds-overdue')).toContainText('1 tilbagebetaling forfalden')
      await snapshot(page, 'da-dated-after-card')
    } finally {
      await chooseLanguage(page, 'en')
    }
  }
})
