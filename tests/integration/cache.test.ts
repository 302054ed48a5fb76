/**
 * The renderer cache against the real backend: the sync engine and the lookups of src/renderer over
 * Dexie (on fake-indexeddb, a complete IndexedDB implementation), fed by the real router and PGlite.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '@main/backend'
import { systemClock } from '@main/config'
import { silentLogger } from '@main/logger'
import { CacheDatabase } from '@renderer/cache/db'
import { searchVehicles } from '@renderer/cache/search'
import { createSyncEngine, type SyncSource } from '@renderer/cache/sync'
import { generateFleet } from '@shared/fleet/generate'
import type { Request, Response } from '@shared/ipc/contract'

const SIZE = 120
const fleet = generateFleet({ size: SIZE, referenceDate: '2026-11-21' })
let backend: Backend
let cache: CacheDatabase
let calls = 0

const source: SyncSource = {
  async syncChanges(request: Request<'syncChanges'>) {
    calls++
    const result = await backend.router.handle('sync:changes', request, { transport: 'harness', sessionId: 't' })
    if (!result.ok) throw new Error(result.error.message)
    return result.data as Response<'syncChanges'>
  }
}

beforeAll(async () => {
  backend = await createBackend({
    dataDir: 'memory',
    resourcesDir: 'resources',
    demoFleet: { size: SIZE },
    clock: systemClock({ fixedToday: '2026-11-21' }),
    log: silentLogger,
    transport: 'harness',
    version: 'test'
  })
  // Sync needs a signed-in session like every other non-public call.
  const signedIn = await backend.router.handle('auth:sign-in', { username: 'hotline', password: 'demo-hotline' }, { transport: 'harness', sessionId: 't' })
  if (!signedIn.ok) throw new Error(signedIn.error.message)
})
afterAll(() => backend.close())
beforeEach(async () => {
  cache = new CacheDatabase(`cache-${Math.random()}`)
  calls = 0
})

describe('sync engine', () => {
  it('fills an empty cache in batches and stores the cursor', async () => {
    const engine = createSyncEngine(cache, source, { batchSize: 25 })
    expect(await engine.sync()).toBe(SIZE)
    expect(await cache.vehicles.count()).toBe(SIZE)
    expect(calls).toBe(Math.ceil(SIZE / 25) + (SIZE % 25 === 0 ? 1 : 0))
    expect(await engine.cursor()).toBeGreaterThanOrEqual(SIZE)
  })

  it('pulls only what changed since the cursor', async () => {
    const engine = createSyncEngine(cache, source, { batchSize: 50 })
    await engine.sync()
    const vin = fleet.records[7]!.vehicle.vin
    await backend.db.query(`UPDATE contracts SET status = 'terminated', termination_effective_on = '2026-12-21' WHERE vin = $1`, [vin])
    expect(await engine.sync()).toBe(1)
    const cached = await cache.vehicles.get(vin)
    expect(cached?.contract?.status).toBe('terminated')
    expect(cached?.contract?.terminationEffectiveOn).toBe('2026-12-21')
  })

  it('resumes after a failure mid-sync without losing or repeating a batch', async () => {
    let failAfter = 2
    const flaky: SyncSource = {
      async syncChanges(request) {
        if (failAfter-- <= 0) throw new Error('main went away')
        return source.syncChanges(request)
      }
    }
    const engine = createSyncEngine(cache, flaky, { batchSize: 30 })
    await expect(engine.sync()).rejects.toThrow('main went away')
    expect(await cache.vehicles.count()).toBe(60)
    failAfter = Infinity
    expect(await engine.sync()).toBe(SIZE - 60)
    expect(await cache.vehicles.count()).toBe(SIZE)
  })

  it('rebuilds from nothing', async () => {
    const engine = createSyncEngine(cache, source)
    await engine.sync()
    await cache.vehicles.clear()
    expect(await engine.rebuild()).toBe(SIZE)
    expect(await cache.vehicles.count()).toBe(SIZE)
  })
})

describe('lookups in the cache', () => {
  beforeEach(async () => {
    await createSyncEngine(cache, source).sync()
  })

  it('finds a full VIN, and explains an invalid one instead of searching', async () => {
    const vin = fleet.records[4]!.vehicle.vin
    expect((await searchVehicles(cache, vin.toLowerCase())).results.map((v) => v.vin)).toEqual([vin])
    const bad = await searchVehicles(cache, vin.slice(0, 5) + 'Q' + vin.slice(6))
    expect(bad.results).toEqual([])
    expect(bad.vinProblem?.reason).toBe('forbidden-letter')
  })

  it('lists every vehicle sharing a short VIN', async () => {
    const short = fleet.records[0]!.vehicle.vin.slice(-7)
    const expected = fleet.records.filter((r) => r.vehicle.vin.endsWith(short)).map((r) => r.vehicle.vin)
    expect(expected.length).toBeGreaterThanOrEqual(2)
    expect((await searchVehicles(cache, short)).results.map((v) => v.vin).sort()).toEqual(expected.sort())
  })

  it('finds plates by prefix whatever the spacing', async () => {
    const record = fleet.records.find((r) => r.vehicle.market === 'BE' && r.vehicle.plate)!
    const typed = record.vehicle.plate!.replace(/-/g, ' ').toLowerCase()
    expect((await searchVehicles(cache, typed)).results.map((v) => v.vin)).toContain(record.vehicle.vin)
  })

  it('finds names case- and accent-insensitively, every word a prefix', async () => {
    const hits = await searchVehicles(cache, 'sjob gor')
    const expected = fleet.records.filter((r) => {
      const c = fleet.customers.find((x) => x.id === r.vehicle.customerId)!
      const words = `${c.firstName} ${c.lastName} ${c.companyName ?? ''}`.toLowerCase()
      return words.includes('sjöb') && words.includes('gör')
    })
    expect(hits.results.map((v) => v.vin).sort()).toEqual(expected.map((r) => r.vehicle.vin).sort())
  })

  it('says how long a mistyped VIN was', async () => {
    const outcome = await searchVehicles(cache, fleet.records[2]!.vehicle.vin.slice(0, 15))
    expect(outcome.vinProblem?.reason).toBe('length')
    expect(outcome.vinProblem?.message).toContain('15')
  })
})
