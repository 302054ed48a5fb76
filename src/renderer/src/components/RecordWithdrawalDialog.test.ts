import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useSessionStore } from '../stores/session'
import { fakeMain, plain, render, TODAY, until, vehicleDoc } from '../testing/render'
import RecordWithdrawalDialog from './RecordWithdrawalDialog.vue'

const settings = { idleMinutes: 15, telematics: { minLatencyMs: 1000, maxLatencyMs: 3000, failureRate: 0.05, timeoutMs: 15000 }, recipients: {}, bulk: { rolesAllowed: ['hotline' as const, 'dealer' as const], rowsPerSecond: 10 }, refundWarningDays: 3 }
/** Showcase 3: SE consumer who bought at a distance 30 days ago, not handed over. */
const vehicle = vehicleDoc(3)

beforeEach(() => {
  fakeMain({ settingsGet: settings, callerStatus: { check: null, locked: false, lockedUntil: null, remainingAttempts: 3 } })
})
afterEach(() => (document.body.innerHTML = ''))

async function openDialog() {
  const rendered = await render(RecordWithdrawalDialog, { props: { vehicle, modelValue: true } })
  const dialog = () => document.querySelector<HTMLElement>('[data-testid="withdrawal-dialog"]')!
  await until(() => expect(dialog().querySelector('[data-testid="withdrawal-verdict"]')).not.toBeNull())
  return { ...rendered, dialog }
}

/** Sets a date picker's value the way a person picking a day does (Element Plus emits the formatted value). */
async function pickDate(dialog: HTMLElement, testId: string, date: string): Promise<void> {
  const input = dialog.querySelector<HTMLInputElement>(`[data-testid="${testId}"] input`)!
  input.focus()
  input.value = date
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('change', { bubbles: true }))
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }))
  input.blur()
}
const saveButton = (dialog: HTMLElement) => dialog.querySelector<HTMLButtonElement>('[data-testid="withdrawal-save"]')!

describe('a notice dated wrongly is said before anything is recorded (issue 13, defect 14)', () => {
  it('a notice received after today: the field says so in words, and it cannot be saved', async () => {
    const { dialog } = await openDialog()
    expect(saveButton(dialog()).disabled).toBe(false)
    await pickDate(dialog(), 'withdrawal-received', '2026-11-24')
    await until(() => expect(plain(dialog().querySelector('[data-testid="withdrawal-received"]')!.textContent)).toContain('The notice cannot be received after today'))
    expect(plain(dialog().querySelector('[data-testid="withdrawal-checks"]')!.textContent)).toContain('after today')
    expect(saveButton(dialog()).disabled).toBe(true)
  })

  it('a notice sent before the contract was concluded names the date of conclusion', async () => {
    const { dialog } = await openDialog()
    await pickDate(dialog(), 'withdrawal-sent', '2026-09-01')
    await until(() => expect(plain(dialog().querySelector('[data-testid="withdrawal-sent"]')!.textContent)).toContain('before the contract was concluded (22 Oct 2026)'))
    expect(saveButton(dialog()).disabled).toBe(true)
    expect(TODAY).toBe('2026-11-21')
  })
})

describe('keyboard (issue 13, defect 10)', () => {
  it('opens with the focus on its first field', async () => {
    const { dialog } = await openDialog()
    await until(() => expect(dialog().contains(document.activeElement) && document.activeElement?.tagName).toBe('INPUT'))
    expect(document.activeElement?.closest('[data-testid="withdrawal-subject"]')).not.toBeNull()
  })
})

describe('the notice’s dates default to main’s today', () => {
  it('and follow main’s date when it arrives after the dialog opened, unless the agent changed them', async () => {
    const { dialog } = await openDialog()
    const value = (testId: string) => dialog().querySelector<HTMLInputElement>(`[data-testid="${testId}"] input`)!.value
    expect(value('withdrawal-sent')).toBe(TODAY)
    await pickDate(dialog(), 'withdrawal-sent', '2026-11-20')
    await until(() => expect(value('withdrawal-sent')).toBe('2026-11-20'))
    const session = useSessionStore()
    session.info = { ...session.info!, today: '2026-11-22' }
    await until(() => expect(value('withdrawal-received')).toBe('2026-11-22'))
    expect(value('withdrawal-sent')).toBe('2026-11-20')
  })
})
