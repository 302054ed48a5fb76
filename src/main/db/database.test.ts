import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateFleet } from '@shared/fleet/generate'
import { silentLogger } from '../logger'
import { createVehicleService, currentRevision } from '../services/vehicles'
import { migrate, openDatabase, type Database } from './database'
import { loadFleet } from './seed'

let db: Database
const fleet = generateFleet({ size: 50, referenceDate: '2026-11-21' })

beforeEach(async () => {
  db = await openDatabase({ location: 'memory', migrationsDir: 'resources/migrations', log: silentLogger })
  await loadFleet(db, fleet)
})
afterEach(() => db.close())

describe('database', () => {
  it('applies each migration once', async () => {
    expect(await migrate(db, 'resources/migrations', silentLogger)).toEqual([])
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')
    expect(rows[0]!.n).toBeGreaterThanOrEqual(2)
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
    const none = fleet.records.find((r) => r.vehicle.sim === 'ACTIVE' && r.vehicle.euEcall !== true && r.vehicle.legalMapData !== true && !r.vehicle.equipment.some((c) => ['6AF', '6FP', '6UM'].includes(c)))!
    await db.query(`UPDATE vehicles SET sim_state = 'DEACTIVATED' WHERE vin = $1`, [none.vehicle.vin])
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
      const batch = await vehicles.changesSince(cursor, 7)
      calls++
      batch.vehicles.forEach((v) => seen.add(v.vin))
      expect(batch.cursor).toBeGreaterThanOrEqual(cursor)
      cursor = batch.cursor
      if (!batch.hasMore) break
    }
    expect(seen.size).toBe(50)
    expect(calls).toBeGreaterThanOrEqual(8)
    expect((await vehicles.changesSince(cursor, 100)).vehicles).toEqual([])

    const victim = fleet.records[10]!.vehicle.vin
    await db.query('DELETE FROM purchases WHERE vin = $1', [victim])
    await db.query('DELETE FROM contracts WHERE vin = $1', [victim])
    await db.query('DELETE FROM vehicles WHERE vin = $1', [victim])
    const after = await vehicles.changesSince(cursor, 100)
    expect(after.deletedVins).toEqual([victim])
    expect(after.vehicles.map((v) => v.vin)).not.toContain(victim)
  })
})
