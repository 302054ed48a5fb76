import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { chooseLanguage } from './i18n-helpers'
import { expect, field, test, snapshot } from './fixtures'
import { consumerOf, vehiclesWhere, vinOf } from './issue16-helpers'

/**
 * The acknowledgement of receipt of a withdrawal from the case page (Directive 2011/83/EU art. 11(3)):
 * the e-mail text in the consumer's language with a Copy button, the PDF, both recorded on the case's
 * timeline; refunds due soon counted in the top bar. The withdrawal is made by a bulk job on a Danish
 * vehicle not yet handed over (vehicles 300+ of the demo fleet, which no other spec touches).
 */
test.use({ account: 'supervisor' })

const [dk] = vehiclesWhere(300, 400, (a, i) => a.market === 'DK' && a.allowed && !a.requiresAcknowledgement && a.contractEffect === 'withdrawal' && i >= 300)

async function withdrawBySim(app: Page, index: number): Promise<void> {
  await app.getByTestId('agent-menu').click()
  await app.getByTestId('menu-bulk').click()
  await app.getByTestId('bulk-file').setInputFiles({ name: 'withdrawal.csv', mimeType: 'text/csv', buffer: Buffer.from(`${vinOf(index)},deactivate\n`) })
  await expect(app.getByTestId('bulk-preview')).toContainText('withdrawal')
  await app.getByTestId('bulk-start').click()
  await app.locator('.el-message-box .el-button--primary').click()
  await expect(app.getByTestId('bulk-job-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
}

test('a withdrawal acknowledged from its case: e-mail text copied, PDF downloaded, both on the timeline; refunds due counted in the top bar', async ({ app }) => {
  expect(dk, 'a DK vehicle whose SIM deactivation is a withdrawal').toBeDefined()
  await withdrawBySim(app, dk!)

  // The refund is due in about two weeks: with a warning of 30 days it counts in the top bar.
  await app.getByTestId('nav-settings').click()
  await field(app, 'refund-warning-days').fill('30')
  await app.getByTestId('save-refund-warning').click()
  await expect(app.getByText('Saved.')).toBeVisible()
  try {
    const badge = app.getByTestId('refunds-due')
    await expect(badge).toBeVisible()
    await expect(app.getByTestId('refunds-soon')).toContainText(/due soon/)
    await snapshot(app, 'topbar-refunds-due')
    await badge.click()
    await expect(app.getByTestId('cases-view')).toBeVisible()
    await app.getByTestId('cases').getByText(consumerOf(dk!)).click()
  } finally {
    await app.evaluate(() => (window as unknown as { api: { settingsSet(r: unknown): Promise<unknown> } }).api.settingsSet({ key: 'refundWarningDays', value: 3 }))
  }

  await expect(app.getByTestId('case-view')).toBeVisible()
  const caseId = (await app.getByTestId('case-id').textContent())!.trim()
  await app.getByTestId('open-acknowledgement').click()
  const dialog = app.getByTestId('acknowledgement-dialog')
  await expect(dialog.getByTestId('acknowledgement-language')).toHaveAttribute('data-language', 'da')
  await expect(dialog.getByTestId('acknowledgement-language')).toContainText('Danish')
  await expect(dialog.getByTestId('acknowledgement-subject')).toContainText(caseId)
  await expect(dialog.getByTestId('acknowledgement-subject')).toContainText('fortrydelse')
  await expect(dialog.getByTestId('acknowledgement-body')).toContainText(consumerOf(dk!).split(' ')[0]!)
  await snapshot(app, 'acknowledgement-dialog')

  await app.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await dialog.getByTestId('acknowledgement-copy').click()
  await expect(app.getByText('Copied.')).toBeVisible()
  const copied = await app.evaluate(() => navigator.clipboard.readText())
  expect(copied.split('\n')[0]).toBe((await dialog.getByTestId('acknowledgement-subject').textContent())!.trim())
  expect(copied).toContain(caseId)

  const [download] = await Promise.all([app.waitForEvent('download'), dialog.getByTestId('acknowledgement-pdf').click()])
  const pdfPath = test.info().outputPath('acknowledgement.pdf')
  await download.saveAs(pdfPath)
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
  expect(text).toContain(caseId)
  expect(text).toContain('BMW Northern Europe AB')
  // The letter as a person sees it, attached beside the screenshots.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, test.info().outputPath('acknowledgement-page')])
  await test.info().attach('acknowledgement-pdf-page-1', { path: test.info().outputPath('acknowledgement-page-1.png'), contentType: 'image/png' })
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-')

  await app.keyboard.press('Escape')
  const timeline = app.getByTestId('case-timeline')
  await expect(timeline).toContainText('Acknowledgement of receipt copied for an e-mail')
  await expect(timeline).toContainText('Acknowledgement of receipt downloaded as PDF')
  await snapshot(app, 'case-timeline-acknowledged')

  // The agent's language is Danish now; the letter stays in the consumer's.
  await chooseLanguage(app, 'da')
  try {
    await expect(timeline).toContainText('Kvittering for modtagelse kopieret til en e-mail')
    await app.getByTestId('open-acknowledgement').click()
    await expect(dialog.getByTestId('acknowledgement-language')).toContainText('dansk')
    await expect(dialog.getByTestId('acknowledgement-copy')).toHaveText('Kopiér e-mailteksten')
    await snapshot(app, 'da-acknowledgement-dialog')
    await app.keyboard.press('Escape')
  } finally {
    await chooseLanguage(app, 'en')
  }
})
