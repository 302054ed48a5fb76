import type { Page } from '@playwright/test'
import { fleet, PASSWORDS, test, expect, snapshot } from './fixtures'

/**
 * Keyboard-first (issue 13, Add 6): a hotline agent signs in, looks a vehicle up, verifies the caller and
 * deactivates the SIM with the keyboard alone. Not one pointer event reaches the page (counted from the
 * first script of the page on). Vehicle 295 of the demo fleet (DK, handed over, legal eCall), which no
 * other spec touches.
 */
const index = 295
const record = fleet.records[index]!
const customer = fleet.customers.find((c) => c.id === record.vehicle.customerId)!

/** The test id of the element that has the focus, or of its nearest ancestor that has one. */
const focusedTestId = (page: Page) => page.evaluate(() => (document.activeElement?.closest('[data-testid]') as HTMLElement | null)?.dataset['testid'] ?? null)

/** Presses Tab until the focus is on `testId` (a person tabs through the dialog the same way). */
async function tabTo(page: Page, testId: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if ((await focusedTestId(page)) === testId) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`${testId} was not reached with ${limit} presses of Tab (focus on ${await focusedTestId(page)})`)
}

test('lookup → verify → deactivate, with the keyboard only', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { pointerEvents: number }
    w.pointerEvents = 0
    for (const type of ['pointerdown', 'mousedown', 'wheel', 'touchstart']) window.addEventListener(type, () => w.pointerEvents++, true)
  })
  await page.goto('/')
  await expect(page.getByTestId('sign-in')).toBeVisible()
  await tabTo(page, 'username')
  await page.keyboard.type('hotline')
  await page.keyboard.press('Tab')
  await page.keyboard.type(PASSWORDS.hotline)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'idle')

  // Lookup: the search box has the focus; the last 7 of the VIN, then Enter.
  await expect(page.getByTestId('search-input')).toBeFocused()
  await page.keyboard.type(record.vehicle.vin.slice(-7))
  await expect(page.getByTestId('result-vin').first()).toHaveText(record.vehicle.vin)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('vehicle-vin')).toHaveText(record.vehicle.vin)
  await expect(page.getByTestId('vehicle-model')).toBeFocused()

  // "d" opens the deactivation; the caller is verified in the dialog.
  await page.keyboard.press('d')
  const dialog = page.getByTestId('deactivate-dialog')
  await expect(dialog.getByTestId('target-state')).toHaveAttribute('data-state', 'ECALL_ONLY')
  await tabTo(page, 'caller-first-name')
  await page.keyboard.type(customer.firstName!)
  await page.keyboard.press('Tab')
  await page.keyboard.type(customer.lastName!)
  await page.keyboard.press('Tab')
  await page.keyboard.type(record.vehicle.vin)
  await tabTo(page, 'caller-fact')
  await page.keyboard.type(customer.customerNumber)
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('caller-verified')).toBeVisible()
  await snapshot(page, 'keyboard-verified')

  // What was read out, then the confirmation.
  await tabTo(page, 'read-out')
  await page.keyboard.press('Space')
  await expect(dialog.getByTestId('confirm')).toBeEnabled()
  await tabTo(page, 'confirm')
  await snapshot(page, 'keyboard-confirm-focused')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('sim-command')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 })
  await expect(page.getByTestId('vehicle-card').getByTestId('sim-state').first()).toHaveAttribute('data-state', 'ECALL_ONLY')
  await snapshot(page, 'keyboard-deactivated')

  expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0)
})
