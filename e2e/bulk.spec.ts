import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import type { Page } from '@playwright/test'
import { chooseLanguage } from './i18n-helpers'
import { expect, test, snapshot } from './fixtures'
import { vehiclesWhere, vinOf } from './issue16-helpers'

/**
 * Bulk SIM changes through the real UI and backend (issue 16): a CSV file uploaded, previewed with the
 * rules' assessment of every row (nothing changes), a malformed file refused with its line, the job run
 * with its progress, and the results downloaded; in English and in Danish. Vehicles 200–299 of the demo
 * fleet, which no other spec touches.
 */
const ready = vehiclesWhere(200, 260, (a) => a.allowed && !a.requiresAcknowledgement && a.contractEffect !== 'withdrawal')
const needsAck = vehiclesWhere(200, 300, (a) => a.allowed && a.requiresAcknowledgement)

async function openBulk(app: Page): Promise<void> {
  await app.getByTestId('agent-menu').click()
  await app.getByTestId('menu-bulk').click()
  await expect(app.getByTestId('bulk-view')).toBeVisible()
}

async function upload(app: Page, name: string, csv: string): Promise<void> {
  await app.getByTestId('bulk-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
}

test.describe('bulk SIM changes', () => {
  test('a file previewed row by row, run as one job, its results downloaded', async ({ app }) => {
    expect(ready.length).toBeGreaterThanOrEqual(4)
    expect(needsAck.length).toBeGreaterThanOrEqual(1)
    const rows = [
      'vin;action;reason',
      ...ready.slice(0, 4).map((i) => `${vinOf(i)};deactivate;fleet returned to the leasing company`),
      `${vinOf(needsAck[0]!)};deactivate`,
      'WMWXU710OTT000001;deactivate',
      `${vinOf(ready[0]!)};reactivate`,
      'WMWZZZ99999999999;deactivate'
    ]
    await openBulk(app)
    await upload(app, 'leasing-returns.csv', rows.join('\r\n'))
    const table = app.getByTestId('bulk-preview')
    await expect(table).toBeVisible()
    await expect(app.getByTestId('bulk-ready')).toContainText('4 rows can run')
    await expect(app.getByTestId('bulk-refused')).toContainText('1 row refused by the rules')
    await expect(app.getByTestId('bulk-not-understood')).toContainText('3 rows not understood')
    // What each row would do, and why the others cannot run, in words.
    await expect(table).toContainText('is not a VIN')
    await expect(table).toContainText('The same vehicle is already on line 2')
    await expect(table).toContainText('cannot run in bulk')
    await expect(table).toContainText('There is no vehicle with VIN WMWZZZ99999999999')
    await expect(app.getByTestId('bulk-row-outcome').first()).toHaveAttribute('data-outcome', 'ready')
    await snapshot(app, 'bulk-preview')

    await app.getByTestId('bulk-start').click()
    const confirm = app.locator('.el-message-box')
    await expect(confirm).toContainText('4 SIM changes will be sent')
    await snapshot(app, 'bulk-confirm')
    await confirm.locator('.el-button--primary').click()

    await expect(app.getByTestId('bulk-job')).toBeVisible()
    await expect(app.getByTestId('bulk-job-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
    await expect(app.getByTestId('bulk-job-sim')).toContainText('Confirmed by the vehicle 4', { timeout: 30_000 })
    await expect(app.getByTestId('bulk-job-counts')).toContainText('4 of 4 rows processed')
    await snapshot(app, 'bulk-job-done')

    const [download] = await Promise.all([app.waitForEvent('download'), app.getByTestId('bulk-results').click()])
    expect(download.suggestedFilename()).toBe('leasing-returns-results.csv')
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '')
    const back = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data
    expect(back[0]).toEqual(['Line', 'VIN', 'Action', 'Reason', 'Outcome', 'Detail', 'SIM command', 'Vehicle’s answer'])
    expect(back).toHaveLength(rows.length)
    expect(back[1]).toEqual(expect.arrayContaining(['2', vinOf(ready[0]!), 'Deactivate', 'fleet returned to the leasing company', 'Sent', 'Confirmed by the vehicle']))
    expect(back[5]![4]).toBe('Not run')
    expect(back[5]![5]).toContain('cannot run in bulk')

    // The job is listed on the bulk page.
    await app.getByText('Bulk SIM changes').first().click()
    await expect(app.getByTestId('bulk-jobs')).toContainText('leasing-returns.csv')
  })

  test('a malformed file is refused whole, with its line, and nothing is shown to run', async ({ app }) => {
    await openBulk(app)
    await upload(app, 'broken.csv', `${vinOf(ready[4]!)},deactivate\n${vinOf(ready[5]!)},deactivate\n${vinOf(ready[6]!)},deactivate,sold,extra\n`)
    await expect(app.getByTestId('bulk-error')).toContainText('Line 3 has 4 columns')
    await expect(app.getByTestId('bulk-error')).toContainText('Nothing was changed')
    await expect(app.getByTestId('bulk-preview')).toHaveCount(0)
    await snapshot(app, 'bulk-malformed')
  })

  test('in Danish: the preview and its reasons in the agent’s language', async ({ app }) => {
    await chooseLanguage(app, 'da')
    try {
      await openBulk(app)
      await expect(app.getByRole('heading', { name: 'SIM-ændringer i bulk' })).toBeVisible()
      await upload(app, 'flaade.csv', [`${vinOf(ready[7]!)};deactivate;kunden har solgt bilen`, `${vinOf(needsAck[0]!)};deactivate`, `${vinOf(ready[7]!)};reactivate`].join('\n'))
      await expect(app.getByTestId('bulk-ready')).toContainText('1 række kan køres')
      await expect(app.getByTestId('bulk-preview')).toContainText('kan ikke køres i bulk')
      await expect(app.getByTestId('bulk-preview')).toContainText('Det samme køretøj står allerede på linje 1')
      await snapshot(app, 'da-bulk-preview')
      await upload(app, 'forkert.csv', `${vinOf(ready[7]!)},deactivate,"ikke lukket\n`)
      await expect(app.getByTestId('bulk-error')).toContainText('Linje 1 kan ikke læses')
      await snapshot(app, 'da-bulk-malformed')
    } finally {
      await chooseLanguage(app, 'en')
    }
  })
})
