import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fakeMain, plain, render, until, vehicleDoc } from '../testing/render'
import SimReactivateDialog from './SimReactivateDialog.vue'

beforeEach(() => {
  fakeMain({ callerStatus: { check: null, locked: false, lockedUntil: null, remainingAttempts: 3 } })
})
afterEach(() => (document.body.innerHTML = ''))

describe('what comes back (issue 13, defect 3)', () => {
  it('during the month of notice, services come back with no end: reactivating cancels the termination, as the card then shows', async () => {
    // Showcase 9: DK, termination in 20 days, SIM restricted to legal eCall.
    await render(SimReactivateDialog, { props: { vehicle: vehicleDoc(9), modelValue: true } })
    const dialog = document.querySelector<HTMLElement>('[data-testid="reactivate-dialog"]')!
    await until(() => expect(dialog.querySelector('[data-testid="restored-services"]')).not.toBeNull())
    const restored = plain(dialog.querySelector('[data-testid="restored-services"]')!.textContent)
    expect(restored).toContain('Teleservices No end')
    expect(restored).not.toContain('until')
    // Legal eCall never stopped: it is not said to come back.
    expect(restored).not.toContain('Legal Emergency Call')
    expect(plain(dialog.querySelector('[data-testid="services-already-on"]')!.textContent)).toContain('Legal Emergency Call')
  })
})
