import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, startTestBackend, type Caller, type TestBackend } from '../testing/backend'

/**
 * SIM commands that need attention (simAttention) on both engines: each vehicle's latest command while
 * pending, failed or timed out; the agent's own or everyone's; in the agent's scope; counted for the
 * badge when someone has to act (failed, timed out, waiting for an automatic retry).
 */
let backend: TestBackend
let hotline: Caller
let supervisor: Caller
const record = (i: number) => backend.fleet.records[i]!
const customerOf = (i: number) => backend.fleet.customers.find((c) => c.id === record(i).vehicle.customerId)!

async function verify(caller: Caller, i: number) {
  const c = customerOf(i)
  const { vin } = record(i).vehicle
  expect((await caller.call('callerVerify', { vin, firstName: c.firstName!, lastName: c.lastName!, spokenVin: vin, postcode: c.postcode })).passed).toBe(true)
}
const telematics = (failureRate: number, timeoutMs = 60_000) =>
  supervisor.call('settingsSet', { key: 'telematics', value: { minLatencyMs: 5, maxLatencyMs: 10, failureRate, timeoutMs } })
const status = (vin: string, accept: (s: string | undefined, next: string | null | undefined) => boolean) =>
  eventually(() => hotline.call('vehicleGet', { vin }), (v) => accept(v.simCommand?.status, v.simCommand?.nextAttemptAt))

beforeAll(async () => {
  backend = await startTestBackend({ size: 40 })
  hotline = await backend.as('hotline')
  supervisor = await backend.as('supervisor')
})
afterAll(() => backend.close())

describe('SIM commands that need attention', () => {
  it('lists a failed command for everyone in scope, counts it, and forgets it once a retry is confirmed', async () => {
    const { vin } = record(9).vehicle // DK: a reactivation, which no rule retries by itself
    const empty = await hotline.call('simAttention', {})
    expect(empty).toMatchObject({ rows: [], needsAction: 0, mine: 0 })

    await verify(hotline, 9)
    await telematics(1)
    const { command } = await hotline.call('simReactivate', { vin, idempotencyKey: randomUUID() })
    await status(vin, (s) => s === 'failed')

    const mine = await hotline.call('simAttention', { mine: true })
    expect(mine).toMatchObject({ needsAction: 1, mine: 1 })
    expect(mine.rows).toEqual([expect.objectContaining({ mine: true, command: expect.objectContaining({ id: command.id, status: 'failed' }), vehicle: expect.objectContaining({ market: 'DK', lastName: customerOf(9).lastName }) })])
    const others = await supervisor.call('simAttention', {})
    expect(others).toMatchObject({ needsAction: 1, mine: 0 })
    expect(others.rows.map((r) => [r.command.id, r.mine])).toEqual([[command.id, false]])
    expect((await supervisor.call('simAttention', { mine: true })).rows).toEqual([])
    expect((await supervisor.call('simAttention', { status: 'timed-out' })).rows).toEqual([])
    expect((await supervisor.call('simAttention', { status: 'failed' })).rows).toHaveLength(1)
    // Dealer staff: their market only.
    expect((await (await backend.as('dealer.dk')).call('simAttention', {})).rows).toHaveLength(1)
    expect(await (await backend.as('dealer.se')).call('simAttention', {})).toMatchObject({ rows: [], needsAction: 0 })

    await telematics(0)
    await hotline.call('simRetry', { commandId: command.id, idempotencyKey: randomUUID() })
    await status(vin, (s) => s === 'confirmed')
    expect(await hotline.call('simAttention', {})).toMatchObject({ rows: [], needsAction: 0, mine: 0 })
  })

  it('counts a command waiting for its automatic retry; "try now" sends it, listed but no longer counted', async () => {
    const { vin } = record(2).vehicle // DK after handover: a termination, retried by itself
    await verify(hotline, 2)
    await telematics(1)
    const { command } = await hotline.call('simDeactivate', { vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
    await status(vin, (s, next) => s === 'pending' && !!next)
    const waiting = await hotline.call('simAttention', { mine: true })
    expect(waiting).toMatchObject({ needsAction: 1, mine: 1 })
    expect(waiting.rows[0]!.command).toMatchObject({ id: command.id, status: 'pending' })
    expect(waiting.rows[0]!.command.attempts).toBeGreaterThanOrEqual(2)
    // "Try now": sent at once; while it is in flight (a unit that takes a minute to answer) it is
    // listed, not counted.
    await supervisor.call('settingsSet', { key: 'telematics', value: { minLatencyMs: 60_000, maxLatencyMs: 60_000, failureRate: 0, timeoutMs: 120_000 } })
    await hotline.call('simRetry', { commandId: command.id, idempotencyKey: randomUUID() })
    const inFlight = await hotline.call('simAttention', {})
    expect(inFlight.rows.map((r) => [r.command.id, r.command.status, r.command.nextAttemptAt])).toEqual([[command.id, 'pending', null]])
    expect(inFlight.needsAction).toBe(0)
  })

  it("shows only a vehicle's latest command", async () => {
    const { vin } = record(4).vehicle // PT, no legal eCall
    await verify(hotline, 4)
    await telematics(1)
    await hotline.call('simDeactivate', { vin, idempotencyKey: randomUUID(), expectedTargetState: 'DEACTIVATED', acknowledgement: { emergencyCallLoss: true, warningsReadOut: true } })
    await status(vin, (s) => s === 'failed')
    const ofThis = async () => (await hotline.call('simAttention', {})).rows.filter((r) => r.command.vin === vin)
    expect((await ofThis()).map((r) => r.command.status)).toEqual(['failed'])
    // The SIM was never changed: a new request is a new command, the old one is history.
    await telematics(0)
    const second = await hotline.call('simDeactivate', { vin, idempotencyKey: randomUUID(), expectedTargetState: 'DEACTIVATED', acknowledgement: { emergencyCallLoss: true, warningsReadOut: true } })
    await status(vin, (s) => s === 'confirmed')
    expect(await ofThis()).toEqual([])
    expect(second.command.status).toBe('pending')
  })
})
