/**
 * The renderer cache against the real backend: the sync engine and the lookups of src/renderer over
 * Dexie (on fake-indexeddb, a complete IndexedDB implementation), fed by the real router and PGlite.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestBackend, type Caller, type TestBackend } from '@main/testing/backend'
import { CacheDatabase } from '@renderer/cache/db'
import { PUT_SLICE } from '@renderer/cache/name-index'
import { searchVehicles } from '@renderer/cache/search'
import { AHEAD, COMPACT_AFTER, COMPACT_RUN, createSyncEngine, FIRST_BATCH, MAX_BATCH, type SyncSource } from '@renderer/cache/sync'
import { generateFleet } from '@shared/fleet/generate'
import type { Request, Response } from '@shared/ipc/contract'

const SIZE = 120
const fleet = generateFleet({ size: SIZE, referenceDate: '2026-11-21' })
let backend: TestBackend
let hotline: Caller
let cache: CacheDatabase
let calls = 0

const source: SyncSource = {
  async syncChanges(request: Request<'syncChanges'>) {
    calls++
    return hotline.call('syncChanges', request) as Promise<Response<'syncChanges'>>
  }
}

beforeAll(async () => {
  backend = await startTestBackend({ size: SIZE })
  // Sync needs a signed-in session like every other non-public call.
  hotline = await backend.as('hotline')
}, 60_000)
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

  it('asks for the next batch while writing one, and applies the batches in order', async () => {
    const events: string[] = []
    const recording: SyncSource = {
      async syncChanges(request) {
        events.push(`request ${request.cursor}`)
        return source.syncChanges(request)
      }
    }
    const engine = createSyncEngine(cache, recording, { batchSize: 10 })
    expect(await engine.sync((p) => events.push(`applied ${p.cursor}`))).toBe(SIZE)
    // Never more than AHEAD batches requested and not yet applied.
    let held = 0
    let most = 0
    for (const e of events) most = Math.max(most, (held += e.startsWith('request') ? 1 : -1))
    expect(most).toBe(AHEAD)
    const requested = events.filter((e) => e.startsWith('request')).map((e) => Number(e.split(' ')[1]))
    const applied = events.filter((e) => e.startsWith('applied')).map((e) => Number(e.split(' ')[1]))
    // Each request starts where the previous batch ends, and batches are applied in that order.
    expect(requested).toEqual([0, ...applied.slice(0, -1)])
    expect(applied).toEqual([...applied].sort((a, b) => a - b))
    // Pipelined: the request for batch k+1 goes out before batch k is applied.
    for (const cursor of applied.slice(0, -1)) {
      expect(events.indexOf(`request ${cursor}`)).toBeLessThan(events.indexOf(`applied ${cursor}`))
    }
    expect(await cache.vehicles.count()).toBe(SIZE)
    expect(await engine.cursor()).toBe(applied[applied.length - 1])
  })

  it('starts with a small request and doubles it up to the largest', async () => {
    const docs = (await source.syncChanges({ cursor: 0, limit: SIZE })).vehicles
    const limits: number[] = []
    let served = 0
    const trickle: SyncSource = {
      async syncChanges({ limit = 0 }) {
        limits.push(limit)
        const vehicles = docs.slice(served, served + 10)
        served += vehicles.length
        return { vehicles, deletedVins: [], cursor: served, head: SIZE, hasMore: served < SIZE }
      }
    }
    expect(await createSyncEngine(cache, trickle).sync()).toBe(SIZE)
    const expected = [FIRST_BATCH]
    while (expected.length < limits.length) expected.push(Math.min(MAX_BATCH, expected[expected.length - 1]! * 2))
    expect(limits).toEqual(expected)
    expect(limits[limits.length - 1]).toBe(MAX_BATCH)
  })

  it('applies a batch all or nothing: a write failing part-way keeps the batches before and their cursor', async () => {
    const docs = (await source.syncChanges({ cursor: 0, limit: SIZE })).vehicles
    // A second batch larger than one bulkPut chunk, whose last chunk cannot be stored (no key).
    const big = Array.from({ length: PUT_SLICE * 2 + 100 }, (_, i) => ({ ...docs[i % docs.length]!, vin: `WMWTEST${String(i).padStart(10, '0')}` }))
    let broken = true
    const crashing: SyncSource = {
      async syncChanges({ cursor }) {
        if (cursor === 0) return { vehicles: docs, deletedVins: [], cursor: 1_000, head: 2_000, hasMore: true }
        const vehicles = broken ? big.map((v, i) => (i === big.length - 5 ? { ...v, vin: undefined as unknown as string } : v)) : big
        return { vehicles, deletedVins: [], cursor: 2_000, head: 2_000, hasMore: false }
      }
    }
    const engine = createSyncEngine(cache, crashing)
    await expect(engine.sync()).rejects.toThrow()
    expect(await cache.vehicles.count()).toBe(SIZE)
    expect(await engine.cursor()).toBe(1_000)
    broken = false
    expect(await engine.sync()).toBe(big.length)
    expect(await cache.vehicles.count()).toBe(SIZE + big.length)
    expect(await engine.cursor()).toBe(2_000)
  })

  it('compacts the name index after a long run, and once enough small runs have added to it', async () => {
    // A run of fewer than COMPACT_RUN batches leaves its chunks; a long one merges them.
    const batch = Math.ceil(SIZE / (COMPACT_RUN - 1))
    const engine = createSyncEngine(cache, source, { batchSize: batch })
    await engine.sync()
    expect((await cache.meta.get('nameChunks'))?.value).toBe(Math.ceil(SIZE / batch))
    const rows = await cache.nameIndex.count()
    const long = new CacheDatabase(`cache-${Math.random()}`)
    await createSyncEngine(long, source, { batchSize: 10 }).sync()
    expect((await long.meta.get('nameChunks'))?.value).toBe(0)
    expect(await long.nameIndex.count()).toBe(new Set((await long.nameIndex.toArray()).map((r) => r.bucket)).size)
    expect((await searchVehicles(long, 'sjob gor')).results.length).toBeGreaterThan(0)

    await cache.meta.put({ key: 'nameChunks', value: COMPACT_AFTER })
    const vin = fleet.records[11]!.vehicle.vin
    await backend.db.query('UPDATE vehicles SET plate = plate WHERE vin = $1', [vin])
    expect(await engine.sync()).toBe(1)
    expect((await cache.meta.get('nameChunks'))?.value).toBe(0)
    const buckets = new Set((await cache.nameIndex.toArray()).map((r) => r.bucket))
    expect(await cache.nameIndex.count()).toBe(buckets.size)
    expect(buckets.size).toBeLessThan(rows)
    expect((await searchVehicles(cache, 'sjob gor')).results.length).toBeGreaterThan(0)
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

// Last: these change the backend's fleet, which the tests above count on.
describe('deletions', () => {
  it('removes from the cache a vehicle deleted in main, and a new cache never sees it', async () => {
    const engine = createSyncEngine(cache, source)
    await engine.sync()
    const vin = fleet.records[SIZE - 3]!.vehicle.vin
    expect(await cache.vehicles.get(vin)).toBeDefined()
    await backend.db.transaction(async (tx) => {
      await tx.query('DELETE FROM purchases WHERE vin = $1', [vin])
      await tx.query('DELETE FROM contracts WHERE vin = $1', [vin])
      await tx.query('DELETE FROM vehicles WHERE vin = $1', [vin])
    })
    expect(await engine.sync()).toBe(1)
    expect(await cache.vehicles.get(vin)).toBeUndefined()
    expect((await searchVehicles(cache, vin)).results).toEqual([])
    expect(await cache.vehicles.count()).toBe(SIZE - 1)

    const fresh = new CacheDatabase(`cache-${Math.random()}`)
    expect(await createSyncEngine(fresh, source).sync()).toBe(SIZE)
    expect(await fresh.vehicles.count()).toBe(SIZE - 1)
  })
})
