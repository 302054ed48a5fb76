import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toVehicleFacts } from '@shared/domain/facts'
import { assessSimDeactivation } from '@shared/rules'
import { fakeMain, plain, render, TODAY, until, vehicleDoc } from '../testing/render'
import SimDeactivateDialog from './SimDeactivateDialog.vue'

const notVerified = { check: null, locked: false, lockedUntil: null, remainingAttempts: 3 }
const verifiedNow = { check: { method: 'caller-verification' as const, at: '2026-11-21T09:00:00Z', validUntil: '2026-11-21T09:30:00Z', details: {} }, locked: false, lockedUntil: null, remainingAttempts: 3 }

let main: ReturnType<typeof fakeMain>
beforeEach(() => {
  main = fakeMain({ callerStatus: notVerified, callerVerify: { ...verifiedNow, passed: true, failures: [] } })
})
afterEach(() => (document.body.innerHTML = ''))

async function openDialog(vehicle = vehicleDoc(2)) {
  await render(SimDeactivateDialog, { props: { vehicle, modelValue: true } })
  const dialog = document.querySelector<HTMLElement>('[data-testid="deactivate-dialog"]')!
  await until(() => expect(dialog.querySelector('[data-testid="assessment"]')).not.toBeNull())
  return dialog
}
const text = (dialog: HTMLElement, testId: string) => plain(dialog.querySelector(`[data-testid="${testId}"]`)?.textContent)

describe('what stops and what goes on (issue 13, defect 3)', () => {
  it('Service Inclusive is not listed among the services that stop: it is a contract of its own, as the card shows', async () => {
    const dk = vehicleDoc(2)
    const si = dk.purchases.find((p) => p.kind === 'service-inclusive')!
    const dialog = await openDialog(dk)
    expect(text(dialog, 'services-lost')).toContain('Teleservices')
    expect(text(dialog, 'services-lost')).not.toContain(si.name)
    expect(text(dialog, 'services-unaffected')).toContain(si.name)
  })
})

describe('a termination already requested (issue 13, defect 4)', () => {
  it('is not offered again: the dialog says the earlier termination stands and ends the contract on its date', async () => {
    const dk = vehicleDoc(2)
    const pending = vehicleDoc(2, { contract: { ...dk.contract!, status: 'terminated', terminationEffectiveOn: '2026-12-10' } })
    const dialog = await openDialog(pending)
    const effect = text(dialog, 'contract-effect')
    expect(effect).not.toContain('This request terminates')
    expect(effect).toContain('The termination requested earlier stands: the contract ends on 10 Dec 2026.')
  })

  it('a first deactivation after handover still says it terminates the contract', async () => {
    const dialog = await openDialog()
    expect(text(dialog, 'contract-effect')).toContain('This request terminates the MINI Connected contract with effect on 21 Dec 2026.')
  })
})

describe('the acknowledgement of losing every emergency call (RULES.md §3, D18; issue 13, defect 9)', () => {
  it('a vehicle without legal eCall: the question is asked and the command waits for the customer’s answer', async () => {
    const dialog = await openDialog(vehicleDoc(4))
    expect(text(dialog, 'ack-required')).toContain('No emergency call will work after this')
    expect(dialog.querySelector('[data-testid="acknowledge"]')).not.toBeNull()
  })

  // Legal map data without legal eCall: the SIM stays on for the map data, but no emergency call survives.
  // The dialog shows what the rules module decides; RULES.md D18 is implemented there (another change).
  const mapDataOnly = vehicleDoc(4, { market: 'DK', equipment: ['6AE', '6AC'], euEcall: false, legalMapData: true })
  const d18 = assessSimDeactivation(toVehicleFacts(mapDataOnly)!, TODAY).requiresAcknowledgement
  it.skipIf(!d18)('a vehicle kept on for legal map data alone asks for the acknowledgement too', async () => {
    const dialog = await openDialog(mapDataOnly)
    expect(dialog.querySelector('[data-testid="target-state"]')?.getAttribute('data-state')).toBe('ECALL_ONLY')
    expect(text(dialog, 'ack-required')).toContain('No emergency call will work after this')
  })
})

describe('keyboard (issue 13, defect 10)', () => {
  it('opens with the focus on the first field of the caller check', async () => {
    const dialog = await openDialog()
    await until(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('caller-first-name'))
    expect(dialog.contains(document.activeElement)).toBe(true)
  })

  it('after the caller is verified, the focus moves on to reading out the warnings', async () => {
    const dialog = await openDialog()
    dialog.querySelector<HTMLFormElement>('[data-testid="caller-check"] form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
    await until(() => expect(dialog.querySelector('[data-testid="caller-verified"]')).not.toBeNull())
    await until(() => expect(document.activeElement?.closest('[data-testid="read-out"]')).not.toBeNull())
    expect(main.calls.map((c) => c.method)).toContain('callerVerify')
  })
})
