import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, addMonths } from '@shared/rules'
import { manualClock } from '../clock'
import { silentLogger } from '../logger'
import { startTestBackend, TEST_TODAY, type TestBackend } from '../testing/backend'
import { persistentDatabase } from '../testing/databases'
import { createAudit } from './audit'
import { createDatedEffects } from './dated-effects'
import { createVehicleService } from './vehicles'

/**
 * Dated effects on both engines: a DK/SE termination takes effect on its date without anyone clicking,
 * once, also when the app was closed over the date, and with two processes applying at the same moment.
 */
let backend: TestBackend
const record = (i: number) => backend.fleet.records[i]!

beforeAll(async () => {
  backend = await startTestBackend({ size: 30 })
})
afterAll(() => backend.close())

async function endedAudits(vin: string) {
  return (await backend.db.query<{ agent_name: string | null; details: { effectiveOn: string; servicesEnded: string[] } }>(`SELECT agent_name, details FROM audit_log WHERE vin = $1 AND action = 'contract.ended' ORDER BY id`, [vin])).rows
}

/** A process of its own on the same database, on a given day. */
function processOn(today: string) {
  const clock = manualClock(`${today}T06:00:00Z`, today)
  return createDatedEffects({ db: backend.db, clock, audit: createAudit(backend.db, clock), vehicles: createVehicleService(backend.db), log: silentLogger })
}

describe('a termination takes effect on its date', () => {
  it('nothing before the date; on the date the contract ends, its basic services with it, audited by the tool', async () => {
    // The month-of-notice showcase: a DK termination pending, 20 days from today.
    const { vehicle: v, contract } = record(9)
    const vehicles = createVehicleService(backend.db)
    const before = await vehicles.get(v.vin)
    expect(before.contract).toMatchObject({ status: 'active', terminationEffectiveOn: contract!.terminationEffectiveOn })
    const due = before.contract!.terminationEffectiveOn!

    expect(await processOn(addDays(due, -1)).applyDue()).toBe(0)
    expect((await vehicles.get(v.vin)).contract?.status).toBe('active')

    expect(await processOn(due).applyDue()).toBeGreaterThanOrEqual(1)
    const after = await vehicles.get(v.vin)
    expect(after.contract).toMatchObject({ status: 'terminated', terminationEffectiveOn: due })
    expect(after.rev).toBeGreaterThan(before.rev) // the card hears of it through sync
    const audits = await endedAudits(v.vin)
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ agent_name: null, details: { effectiveOn: due } })
    // DK basic services (6AE TeleServices, 6AC Intelligent Emergency Call) end with the contract (RULES.md §7).
    expect(audits[0]!.details.servicesEnded.length).toBeGreaterThan(0)

    // Once: the next look (the same day, or later) changes nothing.
    expect(await processOn(addDays(due, 3)).applyDue()).toBe(0)
    expect(await endedAudits(v.vin)).toHaveLength(1)
  })

  it('an agent’s termination: pending after the request, ended on the date', async () => {
    const hotline = await backend.as('supervisor')
    const { vehicle: v } = record(2)
    await hotline.call('callerIdentityDocument', { vin: v.vin, kind: 'passport' })
    const { command } = await hotline.call('simDeactivate', { vin: v.vin, idempotencyKey: randomUUID(), expectedTargetState: 'ECALL_ONLY' })
    expect(command.terminationEffectiveOn).toBe(addMonths(TEST_TODAY, 1))
    const vehicles = createVehicleService(backend.db)
    expect((await vehicles.get(v.vin)).contract?.status).toBe('active')
    expect(await processOn(addDays(addMonths(TEST_TODAY, 1), -1)).applyDue()).toBe(0)
    expect(await processOn(addMonths(TEST_TODAY, 1)).applyDue()).toBeGreaterThanOrEqual(1)
    expect((await vehicles.get(v.vin)).contract?.status).toBe('terminated')
  })

  it('two processes at the same moment: each contract ends once', async () => {
    // Every terminated contract of the fleet, made pending again and due yesterday. Vehicles are locked
    // first, as every command locks them (the contract's update bumps its vehicle's revision): otherwise
    // this bulk update and the backend's own work deadlock on PostgreSQL.
    const rows = await backend.db.transaction(async (tx) => {
      await tx.query(`SELECT vin FROM vehicles WHERE vin IN (SELECT vin FROM contracts WHERE status = 'terminated') ORDER BY vin FOR UPDATE`)
      return (await tx.query<{ vin: string }>(`UPDATE contracts SET status = 'active', termination_effective_on = $1 WHERE status = 'terminated' RETURNING vin`, [addDays(TEST_TODAY, -1)])).rows
    })
    expect(rows.length).toBeGreaterThan(1)
    const before = new Map(await Promise.all(rows.map(async ({ vin }) => [vin, (await endedAudits(vin)).length] as const)))
    const [a, b] = await Promise.all([processOn(TEST_TODAY).applyDue(), processOn(TEST_TODAY).applyDue()])
    expect(a + b).toBe(rows.length)
    for (const { vin } of rows) expect((await endedAudits(vin)).length).toBe(before.get(vin)! + 1)
  })
})

describe('the app closed over the date', () => {
  it('the next start applies what came due while it was closed', async () => {
    const storage = await persistentDatabase({ size: 12, referenceDate: TEST_TODAY })
    try {
      const first = await startTestBackend({ size: 12, database: await storage.open() })
      const { vehicle: v, contract } = first.fleet.records[9]!
      await first.close()
      const later = addDays(contract!.terminationEffectiveOn!, 2)
      const second = await startTestBackend({ size: 12, database: await storage.open(), clock: manualClock(`${later}T08:00:00Z`, later) })
      try {
        // Applied during the start, before the first call is answered.
        expect((await createVehicleService(second.db).get(v.vin)).contract?.status).toBe('terminated')
        const audit = await second.db.query<{ details: { effectiveOn: string; appliedOn: string } }>(`SELECT details FROM audit_log WHERE vin = $1 AND action = 'contract.ended'`, [v.vin])
        expect(audit.rows.map((r) => r.details)).toEqual([expect.objectContaining({ effectiveOn: contract!.terminationEffectiveOn, appliedOn: later })])
      } finally {
        await second.close()
      }
    } finally {
      await storage.drop()
    }
  })
})
