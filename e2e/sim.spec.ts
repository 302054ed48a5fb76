import type { Page } from '@playwright/test'
import { field, fleet, test, expect, openVehicle, snapshot, signIn } from './fixtures'

/**
 * SIM deactivation and reactivation through the real UI, router, services, database and the telematics
 * simulator (RULES.md §2–§4). Each test uses its own showcase vehicle (src/shared/fleet/generate.ts).
 */
const record = (i: number) => fleet.records[i]!
const customerOf = (i: number) => fleet.customers.find((c) => c.id === record(i).vehicle.customerId)!

async function verifyCaller(app: Page, index: number, fact: 'customerNumber' | 'postcode' = 'postcode'): Promise<void> {
  const c = customerOf(index)
  const panel = app.getByTestId('caller-check')
  await field(panel, 'caller-first-name').fill(c.firstName!)
  await field(panel, 'caller-last-name').fill(c.lastName!)
  await field(panel, 'caller-vin').fill(record(index).vehicle.vin)
  await panel.getByTestId('caller-fact-kind').getByText(fact === 'customerNumber' ? 'Customer number' : 'Postcode', { exact: true }).click()
  await field(panel, 'caller-fact').fill(fact === 'customerNumber' ? c.customerNumber : c.postcode)
  await panel.getByTestId('caller-verify').click()
  await expect(panel.getByTestId('caller-verified')).toBeVisible()
}

async function expectCommand(app: Page, status: string): Promise<void> {
  await expect(app.getByTestId('sim-command')).toHaveAttribute('data-status', status, { timeout: 15_000 })
}

test.describe('deactivate SIM', () => {
  test('DK before handover: a withdrawal, legal eCall kept (ECALL_ONLY)', async ({ app }) => {
    await openVehicle(app, 0)
    await app.getByTestId('open-deactivate').click()
    const dialog = app.getByTestId('deactivate-dialog')
    await expect(dialog.getByTestId('target-state')).toHaveAttribute('data-state', 'ECALL_ONLY')
    await expect(dialog.getByTestId('contract-effect')).toHaveAttribute('data-effect', 'withdrawal')
    await expect(dialog.getByTestId('contract-effect')).toContainText('All payments are refunded')
    await expect(dialog.getByTestId('keeps')).toContainText('EU legal eCall')
    await expect(dialog.getByTestId('loses')).toContainText('Intelligent Emergency Call')
    await expect(dialog.getByTestId('clauses')).toContainText('1.6 a)')
    await expect(dialog.getByTestId('ack-required')).toHaveCount(0)
    await expect(dialog.getByTestId('confirm')).toBeDisabled()
    await verifyCaller(app, 0)
    await dialog.getByTestId('read-out').click()
    await snapshot(app, 'dialog-deactivate-dk-before-handover')
    await dialog.getByTestId('confirm').click()
    await expect(dialog).toBeHidden()
    // Pending or already confirmed, depending on the simulated latency; pending is held longer below.
    await expect(app.getByTestId('sim-command')).toBeVisible()
    await expectCommand(app, 'confirmed')
    await expect(app.getByTestId('vehicle-card').getByTestId('sim-state').first()).toHaveAttribute('data-state', 'ECALL_ONLY')
    await expect(app.getByTestId('contract-status')).toHaveText('Withdrawn')
  })

  test('DK after handover: a termination one month later', async ({ app }) => {
    await openVehicle(app, 2)
    await app.getByTestId('open-deactivate').click()
    const dialog = app.getByTestId('deactivate-dialog')
    await expect(dialog.getByTestId('contract-effect')).toHaveAttribute('data-effect', 'termination')
    await expect(dialog.getByTestId('contract-effect')).toContainText('21 Dec 2026')
    await expect(dialog.getByTestId('contract-effect')).toContainText('without refund')
    await verifyCaller(app, 2, 'customerNumber')
    await dialog.getByTestId('read-out').click()
    await snapshot(app, 'dialog-deactivate-dk-after-handover')
    await dialog.getByTestId('confirm').click()
    await expectCommand(app, 'confirmed')
    await expect(app.getByTestId('contract-status')).toHaveText(/^Termination requested on \d{1,2} [A-Z][a-z]{2} \d{4}, takes effect on 21 Dec 2026$/)
    // Pending until its date: the contract is active until it ends by itself (e2e/dated-effects.spec.ts).
    await expect(app.getByTestId('contract-status')).toHaveAttribute('data-status', 'active')
  })

  test('SE business: a termination', async ({ app }) => {
    await openVehicle(app, 1)
    await app.getByTestId('open-deactivate').click()
    const dialog = app.getByTestId('deactivate-dialog')
    await expect(dialog.getByTestId('contract-effect')).toHaveAttribute('data-effect', 'termination')
    await snapshot(app, 'dialog-deactivate-se-business')
    await dialog.getByTestId('cancel').click()
  })

  test('SE consumer at a distance before handover: a withdrawal', async ({ app }) => {
    await openVehicle(app, 3)
    await app.getByTestId('open-deactivate').click()
    const dialog = app.getByTestId('deactivate-dialog')
    await expect(dialog.getByTestId('contract-effect')).toHaveAttribute('data-effect', 'withdrawal')
    await expect(dialog.getByTestId('target-state')).toHaveAttribute('data-state', 'ECALL_ONLY')
    await snapshot(app, 'dialog-deactivate-se-distance')
    await dialog.getByTestId('cancel').click()
  })

  test('PT without legal eCall: refused without the acknowledgement, DEACTIVATED with it', async ({ app }) => {
    await openVehicle(app, 4)
    await app.getByTestId('open-deactivate').click()
    const dialog = app.getByTestId('deactivate-dialog')
    await expect(dialog.getByTestId('target-state')).toHaveAttribute('data-state', 'DEACTIVATED')
    await expect(dialog.getByTestId('ack-required')).toContainText('no emergency call of any kind')
    await expect(dialog.getByTestId('keeps')).toContainText('Nothing')
    await verifyCaller(app, 4)
    await dialog.getByTestId('read-out').click()
    await expect(dialog.getByTestId('confirm')).toBeDisabled()
    await snapshot(app, 'dialog-deactivate-pt-no-legal-ecall')
    await dialog.getByTestId('acknowledge').click()
    await expect(dialog.getByTestId('confirm')).toBeEnabled()
    await dialog.getByTestId('confirm').click()
    await expectCommand(app, 'confirmed')
    await expect(app.getByTestId('vehicle-card').getByTestId('sim-state').first()).toHaveAttribute('data-state', 'DEACTIVATED')
  })

  test('BE with 6AF: ECALL_ONLY, Intelligent eCall listed as lost', async ({ app }) => {
    await openVehicle(app, 5)
    await app.getByTestId('open-deactivate').click()
    const dialog = app.getByTestId('deactivate-dialog')
    await expect(dialog.getByTestId('target-state')).toHaveAttribute('data-state', 'ECALL_ONLY')
    await expect(dialog.getByTestId('loses')).toContainText('Intelligent Emergency Call')
    await expect(dialog.getByTestId('warnings')).toContainText('Intelligent Emergency Call')
    await expect(dialog.getByTestId('services-lost')).toContainText('My Info')
    await expect(dialog.getByTestId('services-lost')).not.toContainText('Legal Emergency Call')
    await expect(dialog.getByTestId('contract-effect')).toHaveAttribute('data-effect', 'none')
    await snapshot(app, 'dialog-deactivate-be-6af')
    await dialog.getByTestId('cancel').click()
  })
})

test.describe('reactivate SIM', () => {
  test('lists the services that come back and the expired 3-year ones that stay off', async ({ app }) => {
    await openVehicle(app, 6)
    await expect(app.getByTestId('services')).toContainText('Intelligent Voice Control')
    await app.getByTestId('open-reactivate').click()
    const dialog = app.getByTestId('reactivate-dialog')
    await expect(dialog.getByTestId('restored-services')).toContainText('My Info')
    await expect(dialog.getByTestId('expired-services')).toContainText('Intelligent Voice Control')
    await verifyCaller(app, 6)
    await snapshot(app, 'dialog-reactivate-be-expired')
    await dialog.getByTestId('confirm').click()
    await expectCommand(app, 'confirmed')
    await expect(app.getByTestId('vehicle-card').getByTestId('sim-state').first()).toHaveAttribute('data-state', 'ACTIVE')
  })
})

test.describe('commands are asynchronous and safe to retry', () => {
  test.use({ account: 'supervisor' })

  test('a failed command is offered a retry, which succeeds; a double click applies once', async ({ app }) => {
    // The supervisor makes the simulated unit fail every command.
    await app.getByTestId('nav-settings').click()
    await field(app, 'failure-rate').fill('100')
    await app.getByTestId('save-telematics').click()
    await expect(app.getByText('Saved.')).toBeVisible()
    await snapshot(app, 'settings')

    await openVehicle(app, 11)
    await app.getByTestId('open-deactivate').click()
    const dialog = app.getByTestId('deactivate-dialog')
    await dialog.getByTestId('caller-check').getByText('Identity document', { exact: true }).click()
    await dialog.getByTestId('document-record').click()
    await expect(dialog.getByTestId('caller-verified')).toBeVisible()
    await dialog.getByTestId('read-out').click()
    await dialog.getByTestId('confirm').dblclick()
    await expectCommand(app, 'failed')
    await expect(app.getByTestId('sim-command-error')).not.toBeEmpty()
    await snapshot(app, 'card-command-failed')

    await app.getByTestId('nav-settings').click()
    await field(app, 'failure-rate').fill('0')
    await app.getByTestId('save-telematics').click()
    await expect(app.getByText('Saved.').first()).toBeVisible()
    await openVehicle(app, 11)
    await app.getByTestId('sim-retry').click()
    await expectCommand(app, 'confirmed')
    await expect(app.getByTestId('sim-command')).toContainText('attempt 2')

    // The audit log shows one request, one failure, one retry, one confirmation.
    await app.getByTestId('nav-audit').click()
    await field(app, 'audit-vin').fill(record(11).vehicle.vin)
    await app.getByTestId('audit-apply').click()
    const outcomes = app.getByTestId('audit-rows').locator('tbody tr')
    await expect(outcomes).toHaveCount(5) // identity document, request, failure, retry, confirmation
    await expect(app.getByTestId('audit-rows')).toContainText('sim.deactivate')
    await expect(app.getByTestId('audit-rows').getByText('sim.deactivate', { exact: true })).toHaveCount(1)
    await snapshot(app, 'audit-log')
  })

  test('the agent can work on other vehicles while a command is pending', async ({ app }) => {
    await app.getByTestId('nav-settings').click()
    await field(app, 'min-latency').fill('3000')
    await field(app, 'max-latency').fill('3000')
    await app.getByTestId('save-telematics').click()
    await expect(app.getByText('Saved.')).toBeVisible()

    await openVehicle(app, 7)
    await app.getByTestId('open-reactivate').click()
    const dialog = app.getByTestId('reactivate-dialog')
    await dialog.getByTestId('caller-check').getByText('Identity document', { exact: true }).click()
    await dialog.getByTestId('document-record').click()
    await dialog.getByTestId('confirm').click()
    await expectCommand(app, 'pending')
    await expect(app.getByTestId('open-reactivate')).toBeDisabled()
    await snapshot(app, 'card-command-pending')
    await openVehicle(app, 9)
    await expect(app.getByTestId('vehicle-model')).toHaveText(record(9).vehicle.model)
    await openVehicle(app, 7)
    await expectCommand(app, 'confirmed')
  })
})

test.describe('roles', () => {
  test.use({ account: 'dealer.dk' })

  test('dealer staff record the identity document instead of verifying a caller', async ({ app }) => {
    const dk = fleet.records.findIndex((r, i) => i > 20 && r.vehicle.market === 'DK' && r.vehicle.sim === 'ACTIVE' && r.contract?.status === 'active')
    await openVehicle(app, dk)
    await app.getByTestId('open-deactivate').click()
    const dialog = app.getByTestId('deactivate-dialog')
    await expect(dialog.getByTestId('document-kind')).toBeVisible()
    await expect(dialog.getByTestId('caller-first-name')).toHaveCount(0)
    await snapshot(app, 'dialog-deactivate-dealer')
    await dialog.getByTestId('cancel').click()
    await expect(app.getByTestId('nav-settings')).toHaveCount(0)
    await expect(app.getByTestId('nav-audit')).toHaveCount(0)
  })
})

test('a signed-out page sees only the sign-in form', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByTestId('sign-in')).toBeVisible()
  await field(page, 'username').fill('hotline')
  await field(page, 'password').fill('wrong-password')
  await page.getByTestId('sign-in-submit').click()
  await expect(page.getByTestId('sign-in-error')).toContainText('not right')
  await snapshot(page, 'sign-in-refused')
  await signIn(page, 'hotline')
})
