import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { addDays } from '../src/shared/rules'
import { HARNESS_TODAY } from './env'
import { field, fleet, test, expect, openVehicle, snapshot } from './fixtures'

/**
 * Withdrawal cases and the standard form through the real UI and backend (RULES.md §5, §9). Each test
 * uses showcase vehicles that the SIM spec leaves alone, or whose other contract it is.
 */
const record = (i: number) => fleet.records[i]!

async function setDate(app: Page, testId: string, iso: string): Promise<void> {
  const input = field(app.getByTestId('withdrawal-dialog'), testId)
  await input.fill(iso)
  await input.press('Enter')
}

test.describe('withdrawal cases', () => {
  test('DK Service Inclusive bought online: the live assessment, a pro-rata charge, and the case until the refund is paid', async ({ app }) => {
    const r = record(2)
    const purchase = r.purchases.find((p) => p.kind === 'service-inclusive')!
    await openVehicle(app, 2)
    await app.getByTestId('purchase-withdraw').first().click()
    const dialog = app.getByTestId('withdrawal-dialog')
    await expect(dialog.getByTestId('withdrawal-verdict')).toHaveAttribute('data-eligible', 'true')
    // Bought 6 days ago: day 14 is Sunday 29 November 2026, so the last day moves to Monday (D6).
    expect(addDays(purchase.purchasedAt, 14)).toBe('2026-11-29')
    await expect(dialog.getByTestId('withdrawal-deadline')).toContainText('30 Nov 2026')
    await expect(dialog.getByTestId('withdrawal-deadline-shift')).toContainText('Sunday')
    await expect(dialog.getByTestId('withdrawal-recipient')).toContainText('BMW Danmark A/S')
    await expect(dialog.getByTestId('withdrawal-charge')).toContainText('DKK 0.00')
    await dialog.getByTestId('withdrawal-start-requested').click()
    await expect(dialog.getByTestId('withdrawal-charge')).toContainText('price × days provided')
    await expect(dialog.getByTestId('withdrawal-charge')).not.toContainText('DKK 0.00')
    await snapshot(app, 'dialog-withdrawal-dk-service-inclusive')
    await dialog.getByTestId('withdrawal-save').click()

    await expect(app.getByTestId('case-view')).toBeVisible()
    await expect(app.getByTestId('case-status')).toHaveAttribute('data-status', 'refund-due')
    await expect(app.getByTestId('case-timeline')).toContainText('Withdrawal recorded')
    await snapshot(app, 'case-page-refund-due')

    // A partial payment leaves the case open with the rest shown; the rest closes it.
    await app.getByTestId('open-refund').click()
    await field(app, 'refund-amount').fill('100')
    await app.getByTestId('refund-save').click()
    await expect(app.getByTestId('case-refund-paid')).toContainText('DKK 100.00')
    await expect(app.getByTestId('case-status')).toHaveAttribute('data-status', 'refund-due')
    await expect(app.getByTestId('case-remaining')).toBeVisible()
    await app.getByTestId('open-refund').click()
    await app.getByTestId('refund-save').click()
    await expect(app.getByTestId('case-status')).toHaveAttribute('data-status', 'closed')
    await expect(app.getByTestId('case-timeline')).toContainText('Refund payment recorded')
  })

  test('PT: the MINI Connected contract withdrawn, the SIM kept for legal eCall, and the standard form downloaded', async ({ app }) => {
    await openVehicle(app, 8)
    await app.getByTestId('open-withdrawal').click()
    const dialog = app.getByTestId('withdrawal-dialog')
    await expect(dialog.getByTestId('withdrawal-verdict')).toHaveAttribute('data-eligible', 'true')
    await expect(dialog.getByTestId('withdrawal-recipient')).toContainText('BMW Portugal')
    await expect(dialog.getByTestId('withdrawal-sim')).toContainText('Legal eCall only')
    await field(dialog, 'withdrawal-consumer1').fill('Inês Magalhães')
    await dialog.getByTestId('withdrawal-two-consumers').click()
    await field(dialog, 'withdrawal-consumer2').fill('José Conceição')
    await dialog.getByTestId('withdrawal-save').click()
    await expect(app.getByTestId('case-view')).toBeVisible()
    await expect(app.getByTestId('case-timeline')).toContainText('Vehicle confirmed the SIM change', { timeout: 15_000 })

    const caseId = (await app.getByTestId('case-id').innerText()).trim()
    const [download] = await Promise.all([app.waitForEvent('download'), app.getByTestId('form-download').click()])
    expect(download.suggestedFilename()).toContain(caseId)
    const bytes = readFileSync(await download.path())
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes) }).promise
    const page = await doc.getPage(1)
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ')
    expect(text).toContain('Inês Magalhães')
    expect(text).toContain('José Conceição')
    expect(text).toContain(caseId)
    expect(text).toContain('BMW Portugal')
  })

  test('a late withdrawal is recorded as refused and changes nothing on the vehicle', async ({ app }) => {
    const index = fleet.records.findIndex((r, i) => i > 20 && r.vehicle.market === 'DK' && r.contract?.customer === 'consumer' && r.contract.status === 'active' && r.vehicle.handedOverAt && r.vehicle.handedOverAt < '2025-01-01')
    await openVehicle(app, index)
    const simBefore = await app.getByTestId('vehicle-card').getByTestId('sim-state').first().getAttribute('data-state')
    await app.getByTestId('open-withdrawal').click()
    const dialog = app.getByTestId('withdrawal-dialog')
    await expect(dialog.getByTestId('withdrawal-verdict')).toHaveAttribute('data-eligible', 'false')
    await expect(dialog.getByTestId('withdrawal-verdict')).toContainText('after the deadline')
    await expect(dialog.getByTestId('withdrawal-refund')).toContainText('No refund')
    await snapshot(app, 'dialog-withdrawal-late')
    await dialog.getByTestId('withdrawal-save').click()
    await expect(app.getByTestId('case-status')).toHaveAttribute('data-status', 'refused')
    await expect(app.getByTestId('case-refusal')).toContainText('sent after the deadline')
    await app.getByTestId('case-vehicle-link').click()
    await expect(app.getByTestId('contract-status')).toHaveText('Active')
    await expect(app.getByTestId('vehicle-card').getByTestId('sim-state').first()).toHaveAttribute('data-state', simBefore!)
  })

  test('the case list puts overdue refunds first and marks them', async ({ app }) => {
    // SE, sold off premises, instructions never given (D7): still in time 20 days later, but the refund
    // was due 14 days after that receipt.
    await openVehicle(app, 10)
    await app.getByTestId('open-withdrawal').click()
    const received = addDays(HARNESS_TODAY, -20)
    await setDate(app, 'withdrawal-sent', received)
    await setDate(app, 'withdrawal-received', received)
    const dialog = app.getByTestId('withdrawal-dialog')
    await expect(dialog.getByTestId('withdrawal-verdict')).toHaveAttribute('data-eligible', 'true')
    await dialog.getByTestId('withdrawal-save').click()
    await expect(app.getByTestId('case-overdue')).toBeVisible()

    await app.getByTestId('nav-cases').click()
    await expect(app.getByTestId('cases-overdue')).toContainText('1 overdue')
    const firstDue = app.getByTestId('case-row-due').first()
    await expect(firstDue).toHaveAttribute('data-urgency', 'overdue')
    await snapshot(app, 'case-list')
  })

  test('D5: a BE form is refused in words (no setting key) until a supervisor sets the recipient', async ({ app }) => {
    await openVehicle(app, 5)
    await expect(app.getByTestId('form-download').first()).toBeVisible()
    await app.getByTestId('form-download').first().click()
    await expect(app.getByText(/withdrawal recipient for Belgium is not set yet/)).toBeVisible()
    await expect(app.getByText(/recipient(BE|LU)|recipients|RULES\.md/)).toHaveCount(0)
  })
})

test.describe('D5: the withdrawal recipients in Settings', () => {
  test.use({ account: 'supervisor' })

  test('one form per market whose terms name no recipient; a BE recipient set there is printed on the BE form', async ({ app }) => {
    await app.getByTestId('nav-settings').click()
    await expect(app.getByTestId('settings-view')).toBeVisible()
    // The markets come from the rules: BE and LU name no trader, DK, SE and PT do.
    await expect(app.locator('[data-testid^="settings-recipient-"]')).toHaveCount(2)
    const be = app.getByTestId('settings-recipient-BE')
    await expect(be).toContainText('Withdrawal recipient, Belgium')
    await expect(be).toContainText('The terms for Belgium name no trader')
    await expect(app.getByTestId('settings-recipient-LU')).toContainText('Withdrawal recipient, Luxembourg')

    await field(app, 'recipient-BE-name').fill('BMW Belux SA/NV')
    await field(app, 'recipient-BE-address').fill('Lodderstraat 16, 2880 Bornem')
    await field(app, 'recipient-BE-email').fill('not an address')
    await app.getByTestId('save-recipient-BE').click()
    // The problem shows beside the field of the BE form only, in words.
    await expect(be.locator('.el-form-item__error')).toHaveCount(1)
    await expect(app.getByTestId('settings-recipient-LU').locator('.el-form-item__error')).toHaveCount(0)
    await snapshot(app, 'settings-recipients')

    await field(app, 'recipient-BE-email').fill('retractation@example.be')
    await app.getByTestId('save-recipient-BE').click()
    await expect(app.getByText('Saved.')).toBeVisible()
    try {
      await openVehicle(app, 5)
      const [download] = await Promise.all([app.waitForEvent('download'), app.getByTestId('form-download').first().click()])
      const bytes = readFileSync(await download.path())
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
      const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes) }).promise
      const text = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ')
      expect(text).toContain('BMW Belux SA/NV')
      expect(text).toContain('retractation@example.be')
    } finally {
      // The other specs expect BE without a recipient (D5).
      await app.evaluate(() => (window as unknown as { api: { settingsSet(r: unknown): Promise<unknown> } }).api.settingsSet({ key: 'recipient', market: 'BE', value: null }))
    }
  })
})
