import type { Page } from '@playwright/test'
import { chooseLanguage } from './i18n-helpers'
import { field, fleet, PASSWORDS, test, expect, openVehicle, snapshot } from './fixtures'

/**
 * The agent's desk (issue 13, Add): omni-search, lookups main answers while the offline copy is being
 * filled, the vehicle's story with agent notes, the customer's vehicles, SIM commands that need
 * attention, the shortcut sheet. Vehicles 245–299 of the demo fleet, which no other spec touches.
 */
const record = (i: number) => fleet.records[i]!
const customerOf = (i: number) => fleet.customers.find((c) => c.id === record(i).vehicle.customerId)!
const search = (app: Page) => app.getByTestId('search-input')

async function typeSearch(app: Page, text: string): Promise<void> {
  await search(app).fill('')
  await search(app).pressSequentially(text)
}

test.describe('omni-search', () => {
  test('finds a phone number, an e-mail address, a customer number and Danish spellings, and never takes them for a VIN', async ({ app }) => {
    const i = 270 // Ærlig Skovgård, DK
    const { vin } = record(i).vehicle
    const c = customerOf(i)
    const national = c.phone!.split(' ')[1]! // "+45 90415583"
    for (const typed of [`+45 ${national.replace(/(\d\d)(?=\d)/g, '$1 ')}`, national, c.email!.toUpperCase(), c.customerNumber, 'aerlig skovgaard', 'Ærlig Skovgård']) {
      await typeSearch(app, typed)
      await expect(app.getByTestId('result-vin').first(), typed).toHaveText(vin)
      await expect(app.getByTestId('vin-problem'), typed).toHaveCount(0)
    }
    await typeSearch(app, `+45 ${national.slice(0, 4)} ${national.slice(4)}`)
    await expect(app.getByTestId('result-vin').first()).toHaveText(vin)
    await snapshot(app, 'search-phone')
    // A + or an @ that finds nothing is still no VIN attempt.
    await typeSearch(app, '+45 1111 1111')
    await expect(app.getByTestId('result-summary')).toContainText('No vehicle matches')
    await expect(app.getByTestId('vin-problem')).toHaveCount(0)
    await typeSearch(app, 'nobody@nowhere.example')
    await expect(app.getByTestId('vin-problem')).toHaveCount(0)
  })

  test('an O typed in the last 7 of a VIN gets the same hint as in a full VIN', async ({ app }) => {
    const short = record(271).vehicle.vin.slice(-7)
    const typed = `${short.slice(0, 5)}O${short.slice(6)}`
    await typeSearch(app, typed)
    await expect(app.getByTestId('vin-problem')).toContainText('The letter O at position 6 is never used in a VIN: did you mean 0 (zero)?')
    await snapshot(app, 'search-short-vin-letter-o')
  })

  test('the full name typed in full comes first', async ({ app }) => {
    // Signe Bækgaard owns vehicles 245, 250 and 255; other Bækgaards and Signes exist.
    await typeSearch(app, 'signe baekgaard')
    const first = await app.getByTestId('result-vin').evaluateAll((cells) => cells.slice(0, 3).map((c) => c.textContent))
    expect(first.sort()).toEqual([245, 250, 255].map((i) => record(i).vehicle.vin).sort())
  })
})

test.describe('lookups never miss', () => {
  test('on a new desktop, a vehicle opens from main while the offline copy is still being filled', async ({ page }) => {
    // A slow first sync: its answers are held back until the vehicle has been opened.
    const held: (() => void)[] = []
    let release = false
    await page.route('**/api/sync%3Achanges', async (route) => {
      if (release) return route.continue()
      await new Promise<void>((resume) => held.push(resume))
      return route.continue()
    })
    const { vin } = record(397).vehicle
    await page.goto('/')
    await field(page, 'username').fill('hotline')
    await field(page, 'password').fill(PASSWORDS.hotline)
    const started = Date.now()
    await page.getByTestId('sign-in-submit').click()
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'syncing')
    await search(page).fill(vin)
    await expect(page.getByTestId('result-from-main')).toBeVisible()
    // The "direct" mark stands beside the VIN, on its line: a narrower column pushed it below.
    const link = (await page.getByTestId('result-vin').boundingBox())!
    const mark = (await page.getByTestId('result-from-main').boundingBox())!
    expect(mark.x).toBeGreaterThan(link.x + link.width)
    expect(Math.abs(mark.y + mark.height / 2 - (link.y + link.height / 2))).toBeLessThan(link.height)
    await snapshot(page, 'search-from-main')
    await search(page).press('Enter')
    await expect(page.getByTestId('vehicle-card')).toHaveAttribute('data-source', 'main')
    const openedMs = Date.now() - started
    test.info().annotations.push({ type: 'opened after sign-in', description: `${openedMs} ms (the first sync still held back)` })
    await expect(page.getByTestId('vehicle-from-main')).toBeVisible()
    await expect(page.getByTestId('vehicle-vin')).toHaveText(vin)
    await expect(page.getByTestId('customer-name')).toContainText(`${customerOf(397).firstName} ${customerOf(397).lastName}`)
    expect(held.length).toBeGreaterThan(0) // the copy had received nothing yet
    await snapshot(page, 'card-from-main')
    // Once the copy is filled, the card follows the copy.
    release = true
    for (const resume of held.splice(0)) resume()
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'idle', { timeout: 60_000 })
    await expect(page.getByTestId('vehicle-card')).toHaveAttribute('data-source', 'copy')
    await expect(page.getByTestId('vehicle-from-main')).toHaveCount(0)
  })
})

test.describe('the vehicle story', () => {
  test('shows notes with author and time, added from the keyboard, in English and Danish', async ({ app }) => {
    await openVehicle(app, 270)
    const story = app.getByTestId('vehicle-story')
    await expect(story.getByTestId('story-empty')).toBeVisible()
    // "n" jumps to the note field; Ctrl+Enter adds the note.
    await app.keyboard.press('n')
    await expect(field(story, 'note-input')).toBeFocused()
    await app.keyboard.type('Customer calls back on Monday about the SIM.')
    await app.keyboard.press('Control+Enter')
    const note = story.getByTestId('story-event').first()
    await expect(note).toHaveAttribute('data-kind', 'note')
    await expect(note).toContainText('Customer calls back on Monday about the SIM.')
    await expect(note).toContainText('Mads Thomsen (demo hotline)')
    await expect(field(story, 'note-input')).toHaveValue('')
    // A control character is refused in words, next to the field, and nothing is added.
    await field(story, 'note-input').fill('bell\u0007')
    await story.getByTestId('note-add').click()
    await expect(story.locator('.el-form-item__error')).toContainText('invisible control character')
    await expect(story.getByTestId('story-event')).toHaveCount(1)
    await snapshot(app, 'story-note-refused')
    await field(story, 'note-input').fill('')
    await expect(story.locator('.el-form-item__error')).toHaveCount(0)
    await snapshot(app, 'story-note')

    await chooseLanguage(app, 'da')
    await expect(app.getByTestId('vehicle-story').getByTestId('story-title').first()).toHaveText('Note')
    await expect(app.getByText('Køretøjets historik')).toBeVisible()
    await snapshot(app, 'story-note-da')
    await chooseLanguage(app, 'en')
  })
})

test.describe("the customer's vehicles", () => {
  test('lists the same customer’s other vehicles and their open cases, and opens them', async ({ app }) => {
    await openVehicle(app, 250)
    const list = app.getByTestId('customer-vehicles')
    await expect(list.getByTestId('customer-vehicle')).toHaveCount(3)
    await expect(list.getByTestId('customer-vehicle').first()).toHaveAttribute('data-vin', record(250).vehicle.vin)
    await expect(list.getByTestId('customer-vehicle-link')).toHaveText([record(245).vehicle.vin, record(255).vehicle.vin].sort())
    await snapshot(app, 'customer-vehicles')
    await list.getByTestId('customer-vehicle-link').filter({ hasText: record(255).vehicle.vin }).click()
    await expect(app.getByTestId('vehicle-vin')).toHaveText(record(255).vehicle.vin)
  })
})

test.describe('SIM commands that need attention', () => {
  test.use({ account: 'supervisor' })

  test('a command of mine that fails while I am elsewhere: a notification opens it; the badge and the view offer a retry', async ({ app }) => {
    const i = 268 // BE, SIM restricted, contract active: a reactivation, which no rule retries by itself
    const setTelematics = (value: { minLatencyMs: number; maxLatencyMs: number; failureRate: number; timeoutMs: number }) =>
      app.evaluate(async (telematics) => {
        const api = (window as unknown as { api: { settingsSet(r: unknown): Promise<{ ok: boolean }> } }).api
        const result = await api.settingsSet({ key: 'telematics', value: telematics })
        if (!result.ok) throw new Error('could not change the telematics settings')
      }, value)
    // The unit takes a few seconds to answer: time enough to go elsewhere in the app.
    const setFailureRate = (failureRate: number) => setTelematics({ minLatencyMs: 6000, maxLatencyMs: 6000, failureRate, timeoutMs: 20_000 })
    await setFailureRate(1)
    try {
      await openVehicle(app, i)
      await app.getByTestId('open-reactivate').click()
      const dialog = app.getByTestId('reactivate-dialog')
      await dialog.getByTestId('caller-check').getByText('Identity document', { exact: true }).click()
      await dialog.getByTestId('document-record').click()
      await expect(dialog.getByTestId('caller-verified')).toBeVisible()
      await dialog.getByTestId('confirm').click()
      await expect(dialog).toBeHidden()
      // Elsewhere in the app while the vehicle answers.
      await app.getByTestId('nav-cases').click()
      const notification = app.getByTestId('sim-failure-notification')
      await expect(notification).toBeVisible({ timeout: 30_000 })
      await expect(notification).toHaveAttribute('data-vin', record(i).vehicle.vin)
      await expect(app.getByTestId('attention-badge')).toHaveText('1')
      await snapshot(app, 'attention-notification')
      await notification.getByTestId('sim-failure-open').click()
      await expect(app.getByTestId('vehicle-vin')).toHaveText(record(i).vehicle.vin)
      await expect(app.getByTestId('sim-command')).toHaveAttribute('data-status', 'failed')
      // The story tells the request and the failed attempt.
      await expect(app.getByTestId('vehicle-story').getByTestId('story-event').first()).toContainText('Attempt 1 failed')

      await app.getByTestId('nav-commands').click()
      const row = app.locator(`[data-testid="attention-row"][data-vin="${record(i).vehicle.vin}"]`)
      await expect(row).toHaveAttribute('data-status', 'failed')
      await expect(row).toHaveAttribute('data-mine', 'true')
      await app.getByTestId('attention-mine').click()
      await expect(app.getByTestId('attention-row')).toHaveCount(1)
      await snapshot(app, 'attention-view')
      await chooseLanguage(app, 'de')
      await expect(app.getByRole('heading', { name: 'SIM-Befehle, die Aufmerksamkeit brauchen' })).toBeVisible()
      await snapshot(app, 'attention-view-de')
      await chooseLanguage(app, 'en')

      await setFailureRate(0)
      await row.getByTestId('attention-retry').click()
      await expect(app.getByTestId('attention-row')).toHaveCount(0, { timeout: 30_000 })
      await expect(app.getByTestId('attention-badge')).toHaveCount(0)
      await expect(app.getByTestId('attention-empty')).toBeVisible()
    } finally {
      // The harness's own settings (playwright.config.ts), for the specs that follow.
      await setTelematics({ minLatencyMs: 300, maxLatencyMs: 900, failureRate: 0, timeoutMs: 8000 })
    }
  })
})

test('the shortcut sheet opens with ? (not while typing) and closes with Esc', async ({ app }) => {
  await expect(search(app)).toBeFocused()
  await app.keyboard.type('?')
  await expect(app.getByTestId('shortcut-sheet')).toBeHidden()
  await expect(search(app)).toHaveValue('?')
  await search(app).fill('')
  await app.getByTestId('brand').focus()
  await app.keyboard.press('?')
  const sheet = app.getByTestId('shortcut-sheet')
  await expect(sheet).toBeVisible()
  await expect(sheet).toContainText('Deactivate SIM')
  await app.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  await snapshot(app, 'shortcut-sheet')
  await app.keyboard.press('Escape')
  await expect(sheet).toBeHidden()
})
