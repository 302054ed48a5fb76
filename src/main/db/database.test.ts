import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateFleet } from '@shared/fleet/generate'
import { hasLegalEcall, LEGAL_ECALL_OPTION_CODES } from '@shared/rules'
import type { SessionAgent } from '../auth/sessions'
import { silentLogger } from '../logger'
import { committedHead, createVehicleService, currentRevision } from '../services/vehicles'
import { emptyDatabaseUrl, freshDatabase, MIGRATIONS, testEngine } from '../testing/databases'
import { openDatabase, type Database } from './database'
import { seedDemo } from './demo'
import { migrate } from './migrate'

const TODAY = '2026-11-21'
const fleet = generateFleet({ size: 50, referenceDate: TODAY })
const hotline: SessionAgent = { id: 'h', username: 'hotline', displayName: 'Hotline', role: 'hotline', dealerNumber: null, language: null }
const postgresOnly = testEngine() === 'postgres'

let db: Database
beforeEach(async () => {
  db = await freshDatabase({ size: 50, referenceDate: TODAY })
})
afterEach(() => db.close())

/** A vehicle of the fleet with no legal-eCall evidence at all, its SIM active. */
function plainVehicle(): string {
  return fleet.records.find((r) => r.vehicle.sim === 'ACTIVE' && r.vehicle.euEcall !== true && r.vehicle.legalMapData !== true && !hasLegalEcall({ ...r.vehicle, contract: r.contract! } as never))!.vehicle.vin
}

describe('database', () => {
  it('applies each migration once', async () => {
    expect(await migrate(db, MIGRATIONS, silentLogger)).toEqual([])
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')
    expect(rows[0]!.n).toBeGreaterThanOrEqual(6)
  })

  it('keeps names and addresses exactly as written', async () => {
    const vehicles = createVehicleService(db)
    const doc = await vehicles.get(fleet.records[0]!.vehicle.vin)
    const customer = fleet.customers.find((c) => c.id === fleet.records[0]!.vehicle.customerId)!
    expect(doc.customer).toEqual(customer)
    expect(doc.customer.lastName).toBe('Østergård')
  })

  it('refuses DEACTIVATED for a vehicle with any legal eCall evidence, whatever the caller', async () => {
    const legal = fleet.records.find((r) => r.vehicle.equipment.includes('6AF'))!.vehicle.vin
    await expect(db.query(`UPDATE vehicles SET sim_state = 'DEACTIVATED' WHERE vin = $1`, [legal])).rejects.toThrow(/legal_ecall_never_deactivated/)
    const flagged = fleet.records.find((r) => r.vehicle.euEcall === true && !r.vehicle.equipment.some((c) => ['6AF', '6FP', '6UM'].includes(c)))
    expect(flagged, 'the fleet has a vehicle with the type-approval flag only').toBeDefined()
    await expect(db.query(`UPDATE vehicles SET sim_state = 'DEACTIVATED' WHERE vin = $1`, [flagged!.vehicle.vin])).rejects.toThrow(/legal_ecall_never_deactivated/)
    const mapData = fleet.records.find((r) => r.vehicle.legalMapData === true)
    expect(mapData, 'the fleet has a vehicle with legal map data').toBeDefined()
    await expect(db.query(`UPDATE vehicles SET sim_state = 'DEACTIVATED' WHERE vin = $1`, [mapData!.vehicle.vin])).rejects.toThrow(/legal_ecall_never_deactivated/)
    await db.query(`UPDATE vehicles SET sim_state = 'DEACTIVATED' WHERE vin = $1`, [plainVehicle()])
  })

  // Issue 10, defect 8: the constraint knew only bare codes, the rules every printed form.
  it.each(LEGAL_ECALL_OPTION_CODES.flatMap((code) => [`S${code}`, `SA${code}`, code.toLowerCase(), ` ${code} `, `s${code.toLowerCase()}`, `606/${code}`, `${code}/606`, ` SA${code} `]))(
    'recognises %j as legal eCall, as the rules do',
    async (printed) => {
      const vin = plainVehicle()
      expect(hasLegalEcall({ vin, market: 'DK', firstRegistration: null, handedOverAt: null, equipment: [printed], sim: 'ACTIVE', contract: { concludedAt: TODAY, customer: 'consumer', channel: 'distance', status: 'active' } })).toBe(true)
      await db.query('UPDATE vehicles SET equipment = $2 WHERE vin = $1', [vin, [printed]])
      await expect(db.query(`UPDATE vehicles SET sim_state = 'DEACTIVATED' WHERE vin = $1`, [vin])).rejects.toThrow(/legal_ecall_never_deactivated/)
    }
  )

  it('stores option codes trimmed and upper-case, and refuses codes the rules could read differently', async () => {
    const vin = plainVehicle()
    await db.query('UPDATE vehicles SET equipment = $2 WHERE vin = $1', [vin, [' s6af ', '606/ 6um', '', '7gh']])
    expect((await db.query<{ equipment: string[] }>('SELECT equipment FROM vehicles WHERE vin = $1', [vin])).rows[0]!.equipment).toEqual(['S6AF', '606/6UM', '7GH'])
    // 'ſ' upper-cases to 'S' in JavaScript and, depending on the server's locale, in PostgreSQL: the code is
    // either refused as not normal, or stored as S6AF and known as legal eCall. Never a plain code.
    const stored = await db.query<{ equipment: string[] }>('UPDATE vehicles SET equipment = $2 WHERE vin = $1 RETURNING equipment', [vin, ['\u017f6AF']]).then((r) => r.rows[0]!.equipment, () => null)
    if (stored) {
      expect(stored).toEqual(['S6AF'])
      await expect(db.query(`UPDATE vehicles SET sim_state = 'DEACTIVATED' WHERE vin = $1`, [vin])).rejects.toThrow(/legal_ecall_never_deactivated/)
    }
  })

  it('agrees with the rules on every storable equipment list: evidence of legal eCall never reaches DEACTIVATED', async () => {
    const vin = plainVehicle()
    const piece = fc.constantFrom('6AF', '6FP', '6UM', '6AC', '606', 'S', 'SA', 's', 'a', '/', ' ', '6', 'F', 'U', 'M', 'X', '\u00a0', '\u017f', '1')
    const code = fc.array(piece, { minLength: 0, maxLength: 6 }).map((p) => p.join(''))
    await fc.assert(
      fc.asyncProperty(fc.array(code, { maxLength: 3 }), async (equipment) => {
        const legal = hasLegalEcall({ vin, market: 'DK', firstRegistration: null, handedOverAt: null, equipment, sim: 'ACTIVE', contract: { concludedAt: TODAY, customer: 'consumer', channel: 'distance', status: 'active' } })
        await db.query(`UPDATE vehicles SET sim_state = 'ACTIVE', equipment = '{}' WHERE vin = $1`, [vin])
        const stored = await db.query(`UPDATE vehicles SET equipment = $2 WHERE vin = $1 RETURNING equipment`, [vin, equipment]).then((r) => (r.rows[0] as { equipment: string[] }).equipment, () => null)
        if (stored === null) return // refused as unstorable: nothing to deactivate
        const deactivated = await db.query(`UPDATE vehicles SET sim_state = 'DEACTIVATED' WHERE vin = $1`, [vin]).then(() => true, () => false)
        const storedLegal = hasLegalEcall({ vin, market: 'DK', firstRegistration: null, handedOverAt: null, equipment: stored, sim: 'ACTIVE', contract: { concludedAt: TODAY, customer: 'consumer', channel: 'distance', status: 'active' } })
        // Exactly the rules' verdict on what is stored, and never DEACTIVATED where the rules saw legal eCall.
        expect(deactivated).toBe(!storedLegal)
        if (legal) expect(deactivated).toBe(false)
      }),
      { numRuns: 150 }
    )
  })

  it('bumps the vehicle revision when its contract, purchases or customer change', async () => {
    const vehicles = createVehicleService(db)
    const { vin, customerId } = fleet.records[3]!.vehicle
    const revOf = async () => (await vehicles.get(vin)).rev
    let last = await revOf()
    await db.query(`UPDATE contracts SET status = 'terminated' WHERE vin = $1`, [vin])
    expect(await revOf()).toBeGreaterThan(last)
    last = await revOf()
    await db.query(`UPDATE customers SET city = 'Århus' WHERE id = $1`, [customerId])
    expect(await revOf()).toBeGreaterThan(last)
    expect(await currentRevision(db)).toBe(await revOf())
  })

  it('serves changes in batches with a cursor, and deletions as tombstones', async () => {
    const vehicles = createVehicleService(db)
    const seen = new Set<string>()
    let cursor = 0
    let calls = 0
    for (;;) {
      const batch = await vehicles.changesSince(cursor, 7, hotline)
      calls++
      batch.vehicles.forEach((v) => seen.add(v.vin))
      expect(batch.cursor).toBeGreaterThanOrEqual(cursor)
      cursor = batch.cursor
      if (!batch.hasMore) break
    }
    expect(seen.size).toBe(50)
    expect(calls).toBeGreaterThanOrEqual(8)
    expect((await vehicles.changesSince(cursor, 100, hotline)).vehicles).toEqual([])

    const victim = fleet.records[10]!.vehicle.vin
    await db.query('DELETE FROM purchases WHERE vin = $1', [victim])
    await db.query('DELETE FROM contracts WHERE vin = $1', [victim])
    await db.query('DELETE FROM vehicles WHERE vin = $1', [victim])
    const after = await vehicles.changesSince(cursor, 100, hotline)
    expect(after.deletedVins).toEqual([victim])
    expect(after.vehicles.map((v) => v.vin)).not.toContain(victim)
  })

  it('gives a dealer only their own market in sync', async () => {
    const vehicles = createVehicleService(db)
    const dealer: SessionAgent = { ...hotline, role: 'dealer', dealerNumber: 'SE-31004' }
    const batch = await vehicles.changesSince(0, 1000, dealer)
    expect(batch.vehicles.length).toBe(fleet.records.filter((r) => r.vehicle.market === 'SE').length)
    expect(new Set(batch.vehicles.map((v) => v.market))).toEqual(new Set(['SE']))
  })

  // Issue 10, defect 12: with concurrent writers a reader could pass a revision that commits later.
  it('delivers every revision exactly once while writers commit out of order', async () => {
    const vehicles = createVehicleService(db)
    const vins = fleet.records.slice(0, 20).map((r) => r.vehicle.vin)
    let cursor = (await vehicles.changesSince(0, 10_000, hotline)).cursor
    const delivered = new Map<string, number>()
    let writing = true
    const writer = async (n: number) => {
      for (let i = 0; i < 15; i++) {
        const vin = vins[(n * 7 + i) % vins.length]!
        // A transaction that holds its revision while it does more work, so commits interleave.
        await db.transaction(async (tx) => {
          await tx.query(`UPDATE vehicles SET plate = $2 WHERE vin = $1`, [vin, `W${n}-${i}`])
          await tx.query('SELECT pg_sleep($1)', [Math.random() * 0.01])
        })
      }
    }
    const reader = async () => {
      while (writing) {
        const batch = await vehicles.changesSince(cursor, 5, hotline)
        for (const v of batch.vehicles) delivered.set(`${v.vin}@${v.rev}`, (delivered.get(`${v.vin}@${v.rev}`) ?? 0) + 1)
        cursor = batch.cursor
      }
    }
    const readers = [reader()]
    await Promise.all([0, 1, 2, 3].map(writer))
    writing = false
    await Promise.all(readers)
    for (;;) {
      const batch = await vehicles.changesSince(cursor, 5, hotline)
      for (const v of batch.vehicles) delivered.set(`${v.vin}@${v.rev}`, (delivered.get(`${v.vin}@${v.rev}`) ?? 0) + 1)
      cursor = batch.cursor
      if (!batch.hasMore) break
    }
    // Every vehicle's final revision reached the reader, and nothing twice.
    for (const vin of vins) {
      const rev = (await vehicles.get(vin)).rev
      expect(delivered.get(`${vin}@${rev}`), `${vin} at revision ${rev}`).toBe(1)
    }
    expect([...delivered.values()].every((n) => n === 1)).toBe(true)
    expect(cursor).toBe(await committedHead(db))
  })
})

describe('migrations and seeding with several processes', () => {
  it.runIf(postgresOnly)('migrates an empty database once when several processes start together', async () => {
    const empty = await emptyDatabaseUrl()
    try {
      const opened = await Promise.all([0, 1, 2, 3].map(() => openDatabase({ location: 'memory', migrationsDir: MIGRATIONS, log: silentLogger, databaseUrl: empty.url })))
      const { rows } = await opened[0]!.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')
      expect(rows[0]!.n).toBeGreaterThanOrEqual(6)
      await Promise.all(opened.map((d) => d.close()))
    } finally {
      await empty.drop()
    }
  })

  it.runIf(postgresOnly)('seeds the demo fleet once, as the ordinary owner role, however many processes start together', async () => {
    const empty = await emptyDatabaseUrl()
    try {
      const opened = await Promise.all([0, 1, 2].map(() => openDatabase({ location: 'memory', migrationsDir: MIGRATIONS, log: silentLogger, databaseUrl: empty.url })))
      const role = await opened[0]!.query<{ super: boolean }>('SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user')
      expect(role.rows[0]!.super).toBe(false)
      const small = generateFleet({ size: 20, referenceDate: TODAY })
      const seeded = await Promise.all(opened.map((d) => seedDemo(d, small, TODAY, silentLogger)))
      expect(seeded.filter(Boolean)).toHaveLength(1)
      const { rows } = await opened[0]!.query<{ n: number; agents: number }>('SELECT (SELECT count(*)::int FROM vehicles) AS n, (SELECT count(*)::int FROM agents) AS agents')
      expect(rows[0]).toEqual({ n: 20, agents: 7 })
      await Promise.all(opened.map((d) => d.close()))
    } finally {
      await empty.drop()
    }
  })

  // Issue 10, defect 13: a second process on the same embedded folder silently lost writes.
  it.runIf(!postgresOnly)('refuses a second process on the same embedded database folder, naming the folder and the holder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mini-lock-'))
    try {
      const first = await openDatabase({ location: folder, migrationsDir: MIGRATIONS, log: silentLogger })
      const second = openDatabase({ location: folder, migrationsDir: MIGRATIONS, log: silentLogger })
      await expect(second).rejects.toThrow(new RegExp(`${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*process ${process.pid}`))
      await first.close()
      // Released with the database: the next start opens it.
      const again = await openDatabase({ location: folder, migrationsDir: MIGRATIONS, log: silentLogger })
      await again.close()
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
