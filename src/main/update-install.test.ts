import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { contract } from '@shared/ipc/contract'
import { startTestBackend, type TestBackend } from './testing/backend'

/**
 * The request to restart into an update, through the real router and database: main checks its own
 * pending work (SIM commands in the database, calls in flight) before the updater may quit the app.
 */
const port = { ready: null as string | null, inFlight: 0, install: vi.fn() }
let backend: TestBackend

beforeAll(async () => {
  backend = await startTestBackend({
    size: 12,
    // A vehicle that takes a minute to answer: a SIM command stays pending for the whole test.
    defaults: { telematics: { minLatencyMs: 60_000, maxLatencyMs: 60_000, failureRate: 0, timeoutMs: 120_000 } },
    updates: { readyVersion: () => port.ready, callsInFlight: () => port.inFlight, install: port.install }
  })
}, 60_000)
afterAll(() => backend.close())

const install = async (username: string | null) => (await backend.as(username)).raw(contract.updateInstall.channel, {})

describe('updateInstall', () => {
  it('needs a signed-in agent', async () => {
    port.ready = '0.2.0'
    await expect(install(null)).resolves.toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    expect(port.install).not.toHaveBeenCalled()
  })

  it('refuses while nothing is downloaded, and while main is still answering a call', async () => {
    port.ready = null
    await expect(install('hotline')).resolves.toEqual({ ok: false, error: { code: 'conflict', key: 'update.notDownloaded' } })
    port.ready = '0.2.0'
    port.inFlight = 1
    await expect(install('hotline')).resolves.toMatchObject({ ok: false, error: { code: 'conflict', key: 'update.waitForCalls' } })
    port.inFlight = 0
    expect(port.install).not.toHaveBeenCalled()
  })

  it('refuses while a SIM command waits for the vehicle', async () => {
    const hotline = await backend.as('hotline')
    const { vehicle } = backend.fleet.records[0]!
    const customer = backend.fleet.customers.find((c) => c.id === vehicle.customerId)!
    await hotline.call('callerVerify', { vin: vehicle.vin, firstName: customer.firstName!, lastName: customer.lastName!, spokenVin: vehicle.vin, postcode: customer.postcode })
    const { command } = await hotline.call('simDeactivate', { vin: vehicle.vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
    expect(command.status).toBe('pending')
    expect(await backend.pendingSimCommands()).toBe(1)
    const refused = await hotline.raw(contract.updateInstall.channel, {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', key: 'update.waitForCommands', params: { count: 1 } } })
    expect(port.install).not.toHaveBeenCalled()
    // Once the command has settled, the same request goes through.
    await backend.db.query(`UPDATE sim_commands SET status = 'confirmed', completed_at = now() WHERE id = $1`, [command.id])
    await expect(hotline.raw(contract.updateInstall.channel, {})).resolves.toEqual({ ok: true, data: { version: '0.2.0' } })
    expect(port.install).toHaveBeenCalledTimes(1)
    const { rows } = await backend.db.query<{ outcome: string; details: unknown }>(`SELECT outcome, details FROM audit_log WHERE action = 'app.update-install'`)
    expect(rows).toEqual([{ outcome: 'ok', details: { version: '0.2.0' } }])
  })

  it('is unavailable where there is no updater (the harness, an app without an update address)', async () => {
    const bare = await startTestBackend({ size: 1 })
    try {
      const caller = await bare.as('hotline')
      await expect(caller.raw(contract.updateInstall.channel, {})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } })
    } finally {
      await bare.close()
    }
  }, 60_000)
})
