import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addMonths } from '@shared/rules'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { eventually, startTestBackend, TEST_TODAY, type Caller, type TestBackend } from '../testing/backend'
import { persistentDatabase } from '../testing/databases'
import { createVehicleService } from './vehicles'

/**
 * SIM commands end to end through the router (RULES.md §2–§4): assessment re-done in main, caller
 * verification, contract effects, the telematics simulator, retries, idempotency and restarts.
 * Showcase vehicles (src/shared/fleet/generate.ts SHOWCASES) give one vehicle per legal situation.
 */
let backend: TestBackend
let hotline: Caller

const showcase = (i: number) => backend.fleet.records[i]!
const vehicle = (vin: string): Promise<VehicleDoc> => createVehicleService(backend.db).get(vin)
const settled = (vin: string) => eventually(() => vehicle(vin), (v) => v.simCommand !== null && v.simCommand.status !== 'pending')

async function verify(caller: Caller, index: number): Promise<void> {
  const r = showcase(index)
  const customer = backend.fleet.customers.find((c) => c.id === r.vehicle.customerId)!
  const result = await caller.call('callerVerify', {
    vin: r.vehicle.vin,
    firstName: customer.firstName!,
    lastName: customer.lastName!,
    spokenVin: r.vehicle.vin,
    postcode: customer.postcode
  })
  expect(result.passed).toBe(true)
}

async function audits(vin: string, action?: string): Promise<Array<{ action: string; outcome: string; reason: string | null }>> {
  const { rows } = await backend.db.query<{ action: string; outcome: string; reason: string | null }>(
    `SELECT action, outcome, reason FROM audit_log WHERE vin = $1 ${action ? 'AND action = $2' : ''} ORDER BY id`,
    action ? [vin, action] : [vin]
  )
  return rows
}

beforeAll(async () => {
  backend = await startTestBackend({ size: 30 })
  hotline = await backend.as('hotline')
})
afterAll(() => backend.close())

describe('SIM deactivation per market', () => {
  it('DK GTC 1.6 a) — before handover: a withdrawal, SIM restricted to legal eCall, all payments refunded', async () => {
    const { vehicle: v, contract } = showcase(0)
    await verify(hotline, 0)
    const { command } = await hotline.call('simDeactivate', { vin: v.vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
    expect(command).toMatchObject({ status: 'pending', targetState: 'ECALL_ONLY', contractEffect: 'withdrawal' })
    const during = await vehicle(v.vin)
    expect(during.sim).toBe('ACTIVE') // the last confirmed state holds while the command is pending
    expect(during.contract?.status).toBe('withdrawn')
    const after = await settled(v.vin)
    expect(after.simCommand?.status).toBe('confirmed')
    expect(after.sim).toBe('ECALL_ONLY')
    expect(after.cases).toHaveLength(1)
    expect(after.cases[0]).toMatchObject({ source: 'sim-deactivation', decision: 'accepted', status: 'refund-due', refund: contract!.paid, charge: 0 })
    expect(after.cases[0]!.refundDueBy! > TEST_TODAY).toBe(true)
    expect((await audits(v.vin, 'sim.deactivate')).map((a) => a.outcome)).toEqual(['ok'])
    expect((await audits(v.vin, 'sim.confirmed')).map((a) => a.outcome)).toEqual(['ok'])
  })

  it('DK GTC 1.6 b), 8.1 — after handover: a termination one month after the request, no refund', async () => {
    const { vehicle: v } = showcase(2)
    await verify(hotline, 2)
    const { command } = await hotline.call('simDeactivate', { vin: v.vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
    expect(command.contractEffect).toBe('termination')
    expect(command.terminationEffectiveOn).toBe(addMonths(TEST_TODAY, 1))
    const after = await settled(v.vin)
    // Pending until its date: the contract ends then, by itself (dated-effects.test.ts).
    expect(after.contract).toMatchObject({ status: 'active', terminationEffectiveOn: addMonths(TEST_TODAY, 1) })
    expect(after.cases).toEqual([])
  })

  it('SE 1.6 b), 8.1 — a business customer: a termination, never a withdrawal', async () => {
    const { vehicle: v } = showcase(1)
    await verify(hotline, 1)
    const { command } = await hotline.call('simDeactivate', { vin: v.vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
    expect(command.contractEffect).toBe('termination')
    await settled(v.vin)
  })

  it('SE 1.6 a), §15, D12 — a consumer at a distance before handover: a withdrawal', async () => {
    const { vehicle: v } = showcase(3)
    await verify(hotline, 3)
    const { command } = await hotline.call('simDeactivate', { vin: v.vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
    expect(command.contractEffect).toBe('withdrawal')
    const after = await settled(v.vin)
    expect(after.contract?.status).toBe('withdrawn')
    expect(after.cases[0]?.refund).toBe(showcase(3).contract!.paid)
  })

  it('PT II.5.1 — no legal eCall: refused without the acknowledgement, DEACTIVATED with it', async () => {
    const { vehicle: v } = showcase(4)
    await verify(hotline, 4)
    const refused = await hotline.raw('sim:deactivate', { vin: v.vin, idempotencyKey: randomUUID(), expectedTargetState: 'DEACTIVATED' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', key: 'sim.acknowledgementRequired' } })
    expect((await vehicle(v.vin)).simCommand).toBeNull()
    expect((await audits(v.vin, 'sim.deactivate')).map((a) => a.outcome)).toEqual(['refused'])

    const { command } = await hotline.call('simDeactivate', {
      vin: v.vin,
      idempotencyKey: randomUUID(),
      expectedTargetState: 'DEACTIVATED',
      acknowledgement: { emergencyCallLoss: true, warningsReadOut: true }
    })
    expect(command).toMatchObject({ targetState: 'DEACTIVATED', contractEffect: 'none' })
    // What was read out, and in which language, is kept with the command: the Portuguese customer heard
    // PT II.5.1's own words.
    const stored = await backend.db.query<{ read_out: { language: string; sentences: Array<{ key: string; text: string }> } }>('SELECT read_out FROM sim_commands WHERE id = $1', [command.id])
    expect(stored.rows[0]!.read_out.language).toBe('pt')
    expect(stored.rows[0]!.read_out.sentences.find((x) => x.key === 'emergency-call-lost')?.text).toMatch(/chamada de emergência/)
    const after = await settled(v.vin)
    expect(after.sim).toBe('DEACTIVATED')
    expect(after.contract?.status).toBe('active')
  })

  it('BE L143, L147, D3 — with 6AF the SIM stays on for legal eCall; Intelligent eCall is lost', async () => {
    const { vehicle: v } = showcase(5)
    await verify(hotline, 5)
    const { command } = await hotline.call('simDeactivate', { vin: v.vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
    expect(command.targetState).toBe('ECALL_ONLY')
    const stored = await backend.db.query<{ assessment: { loses: string[]; keeps: string[] }; acknowledgement: { warnings: string[] } }>(
      'SELECT assessment, acknowledgement FROM sim_commands WHERE id = $1',
      [command.id]
    )
    expect(JSON.stringify(stored.rows[0]!.assessment.loses)).toMatch(/intelligent/i)
    expect(stored.rows[0]!.acknowledgement.warnings).toContain('intelligent-ecall-lost')
    expect((await settled(v.vin)).sim).toBe('ECALL_ONLY')
  })
})

describe('the legal-eCall invariant and forged calls', () => {
  it('refuses and audits a forged call asking to fully deactivate a legal-eCall vehicle', async () => {
    const b = await startTestBackend({ size: 12 })
    try {
      const caller = await b.as('hotline')
      const { vehicle: v } = b.fleet.records[7]! // LU, 6FP, ECALL_ONLY
      const r = b.fleet.records[5]! // BE, 6AF, ACTIVE
      const customer = b.fleet.customers.find((c) => c.id === r.vehicle.customerId)!
      await caller.call('callerVerify', { vin: r.vehicle.vin, firstName: customer.firstName!, lastName: customer.lastName!, spokenVin: r.vehicle.vin, postcode: customer.postcode })
      for (const target of [r.vehicle.vin, v.vin]) {
        const forged = await caller.raw('sim:deactivate', {
          vin: target,
          idempotencyKey: randomUUID(),
          expectedTargetState: 'DEACTIVATED',
          acknowledgement: { emergencyCallLoss: true, warningsReadOut: true }
        })
        expect(forged).toMatchObject({ ok: false, error: { code: 'refused', key: 'sim.legalEcallKept' } })
        const doc = await createVehicleService(b.db).get(target)
        expect(doc.sim).not.toBe('DEACTIVATED')
        expect(doc.simCommand).toBeNull()
        const { rows } = await b.db.query<{ outcome: string }>(`SELECT outcome FROM audit_log WHERE vin = $1 AND action = 'sim.deactivate'`, [target])
        expect(rows.map((x) => x.outcome)).toEqual(['refused'])
      }
    } finally {
      await b.close()
    }
  })

  it('refuses a command without caller verification, and after three wrong answers locks verification', async () => {
    const { vehicle: v } = showcase(8)
    const agent = await backend.as('hotline')
    const refused = await agent.raw('sim:deactivate', { vin: v.vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', key: 'caller.verifyFirst' } })
    for (let i = 0; i < 3; i++) {
      const wrong = await agent.call('callerVerify', { vin: v.vin, firstName: 'Inês', lastName: 'Magalhaes', spokenVin: v.vin, postcode: '0000' })
      expect(wrong.passed).toBe(false)
    }
    const locked = await agent.raw('caller:verify', { vin: v.vin, firstName: 'Inês', lastName: 'Magalhães', spokenVin: v.vin, postcode: '0000' })
    expect(locked).toMatchObject({ ok: false, error: { code: 'refused', key: 'caller.locked' } })
    expect((await agent.call('callerStatus', { vin: v.vin })).locked).toBe(true)
  })

  it('lets dealer staff act after recording the identity document, only in their own market', async () => {
    const dealer = await backend.as('dealer.dk')
    const { vehicle: se } = showcase(10)
    // Issue 10, defect 16: recording a document on another market's vehicle was allowed (a read of its record).
    const foreign = await dealer.raw('caller:identity-document', { vin: se.vin, kind: 'passport' })
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'vehicle.otherMarket', params: { market: 'SE' } } })
    const denied = await dealer.raw('sim:deactivate', { vin: se.vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
    expect(denied).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await dealer.raw('caller:verify', { vin: se.vin, firstName: 'x', lastName: 'y', spokenVin: se.vin })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})

describe('reactivation (RULES.md §4, D4)', () => {
  it('BE L143 — restores the services still valid and lists the expired 3-year ones', async () => {
    const { vehicle: v } = showcase(6)
    await verify(hotline, 6)
    const { command } = await hotline.call('simReactivate', { vin: v.vin, idempotencyKey: randomUUID() })
    expect(command).toMatchObject({ action: 'reactivate', targetState: 'ACTIVE' })
    const stored = await backend.db.query<{ details: { restored: string[]; expired: string[] } }>(
      `SELECT details FROM audit_log WHERE vin = $1 AND action = 'sim.reactivate'`,
      [v.vin]
    )
    const { restored, expired } = stored.rows[0]!.details
    expect(restored).toContain('My Info')
    expect(expired).toContain('Intelligent Voice Control')
    expect((await settled(v.vin)).sim).toBe('ACTIVE')
  })

  it('DK — reactivating during the month of notice cancels the termination', async () => {
    const { vehicle: v } = showcase(9)
    await verify(hotline, 9)
    const { command } = await hotline.call('simReactivate', { vin: v.vin, idempotencyKey: randomUUID() })
    expect(command.contractEffect).toBe('cancel-termination')
    const after = await settled(v.vin)
    expect(after.contract).toMatchObject({ status: 'active', terminationEffectiveOn: null })
  })

  it('refuses to reactivate a withdrawn contract: a new contract is needed', async () => {
    const { vehicle: v } = showcase(0) // withdrawn by the first test
    await verify(hotline, 0)
    const refused = await hotline.raw('sim:reactivate', { vin: v.vin, idempotencyKey: randomUUID() })
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', key: 'sim.reactivateWithdrawn' } })
  })
})

describe('asynchronous, audited, safe to retry', () => {
  it('a failed command can be retried and then succeeds', async () => {
    const b = await startTestBackend({ size: 12, defaults: { telematics: { minLatencyMs: 5, maxLatencyMs: 10, failureRate: 1, timeoutMs: 2_000 } } })
    try {
      const caller = await b.as('hotline')
      const supervisor = await b.as('supervisor')
      const r = b.fleet.records[5]!
      const customer = b.fleet.customers.find((c) => c.id === r.vehicle.customerId)!
      await caller.call('callerVerify', { vin: r.vehicle.vin, firstName: customer.firstName!, lastName: customer.lastName!, spokenVin: r.vehicle.vin, customerNumber: customer.customerNumber })
      const { command } = await caller.call('simDeactivate', { vin: r.vehicle.vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
      const vehicles = createVehicleService(b.db)
      const failed = await eventually(() => vehicles.get(r.vehicle.vin), (d) => d.simCommand?.status === 'failed')
      expect(failed.sim).toBe('ACTIVE')
      expect(failed.simCommand?.error).toBeTruthy()

      await supervisor.call('settingsSet', { key: 'telematics', value: { minLatencyMs: 5, maxLatencyMs: 10, failureRate: 0, timeoutMs: 2_000 } })
      const retryKey = randomUUID()
      const [first, second] = await Promise.all([
        caller.call('simRetry', { commandId: command.id, idempotencyKey: retryKey }),
        caller.call('simRetry', { commandId: command.id, idempotencyKey: retryKey })
      ])
      expect(first).toEqual(second)
      expect(first.command.attempts).toBe(2)
      const done = await eventually(() => vehicles.get(r.vehicle.vin), (d) => d.simCommand?.status === 'confirmed')
      expect(done.sim).toBe('ECALL_ONLY')
      const { rows } = await b.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE vin = $1 AND action LIKE 'sim.%' ORDER BY id`, [r.vehicle.vin])
      expect(rows.map((x) => x.action)).toEqual(['sim.deactivate', 'sim.failed', 'sim.retry', 'sim.confirmed'])
    } finally {
      await b.close()
    }
  })

  it('a command that gets no answer times out, and a late answer does not confirm it', async () => {
    const b = await startTestBackend({ size: 12, defaults: { telematics: { minLatencyMs: 400, maxLatencyMs: 400, failureRate: 0, timeoutMs: 100 } } })
    try {
      const caller = await b.as('supervisor')
      const { vehicle: v } = b.fleet.records[5]!
      await caller.call('callerIdentityDocument', { vin: v.vin, kind: 'national-id-card' })
      await caller.call('simDeactivate', { vin: v.vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
      const vehicles = createVehicleService(b.db)
      const timedOut = await eventually(() => vehicles.get(v.vin), (d) => d.simCommand?.status === 'timed-out')
      expect(timedOut.sim).toBe('ACTIVE')
      // The unit's late answer (after 400 ms) must not confirm a command that already timed out.
      await new Promise((r) => setTimeout(r, 500))
      expect((await vehicles.get(v.vin)).simCommand?.status).toBe('timed-out')
      expect((await vehicles.get(v.vin)).sim).toBe('ACTIVE')
    } finally {
      await b.close()
    }
  })

  it('a double-clicked confirm is applied once', async () => {
    const { vehicle: v } = showcase(11)
    const caller = await backend.as('hotline')
    const customer = backend.fleet.customers.find((c) => c.id === v.customerId)!
    await caller.call('callerVerify', { vin: v.vin, firstName: customer.firstName!, lastName: customer.lastName!, spokenVin: v.vin, postcode: customer.postcode })
    const key = randomUUID()
    const request = { vin: v.vin, idempotencyKey: key, expectedTargetState: 'ECALL_ONLY' as const }
    const [a, b] = await Promise.all([caller.call('simDeactivate', request), caller.call('simDeactivate', request)])
    expect(a.command.id).toBe(b.command.id)
    const again = await caller.call('simDeactivate', request)
    expect(again.command.id).toBe(a.command.id)
    const { rows } = await backend.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sim_commands WHERE vin = $1', [v.vin])
    expect(rows[0]!.n).toBe(1)
    expect((await audits(v.vin, 'sim.deactivate')).length).toBe(1)
    await settled(v.vin)
  })

  it('a second command while one is pending is refused', async () => {
    const b = await startTestBackend({ size: 12, defaults: { telematics: { minLatencyMs: 300, maxLatencyMs: 300, failureRate: 0, timeoutMs: 2_000 } } })
    try {
      const caller = await b.as('supervisor')
      const { vehicle: v } = b.fleet.records[6]! // BE, DEACTIVATED, no legal eCall
      await caller.call('callerIdentityDocument', { vin: v.vin, kind: 'passport' })
      await caller.call('simReactivate', { vin: v.vin, idempotencyKey: randomUUID() })
      const second = await caller.raw('sim:reactivate', { vin: v.vin, idempotencyKey: randomUUID() })
      expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } })
    } finally {
      await b.close()
    }
  })

  it('a pending command survives a restart and is resumed', async () => {
    const storage = await persistentDatabase({ size: 12, referenceDate: TEST_TODAY })
    try {
      const slow = { telematics: { minLatencyMs: 60_000, maxLatencyMs: 60_000, failureRate: 0, timeoutMs: 120_000 } }
      const first = await startTestBackend({ size: 12, database: await storage.open(), defaults: slow })
      const caller = await first.as('supervisor')
      const { vehicle: v } = first.fleet.records[5]!
      await caller.call('callerIdentityDocument', { vin: v.vin, kind: 'passport' })
      const { command } = await caller.call('simDeactivate', { vin: v.vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
      await first.close() // the app quits with the command pending

      const second = await startTestBackend({ size: 12, database: await storage.open(), defaults: { telematics: { minLatencyMs: 5, maxLatencyMs: 10, failureRate: 0, timeoutMs: 60_000 } } })
      try {
        const vehicles = createVehicleService(second.db)
        const done = await eventually(() => vehicles.get(v.vin), (d) => d.simCommand?.status === 'confirmed')
        expect(done.simCommand?.id).toBe(command.id)
        expect(done.sim).toBe('ECALL_ONLY')
        const { rows } = await second.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE vin = $1 AND action LIKE 'sim.%' ORDER BY id`, [v.vin])
        expect(rows.map((x) => x.action)).toEqual(['sim.deactivate', 'sim.resumed', 'sim.confirmed'])
      } finally {
        await second.close()
      }
    } finally {
      await storage.drop()
    }
  })
})
