/**
 * Lookups that never miss (issue 13, Add 2): the renderer's lookup (src/renderer/src/cache/lookup.ts)
 * over a Dexie cache on fake-indexeddb, against the real backend. With an empty or half-filled offline
 * copy main answers and its rows say so; once the copy is complete it answers alone, except for a VIN it
 * does not hold; dealer staff get their market only; and the copy and main find the same vehicles for
 * every kind of input (one search plan, two implementations).
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBackend, type Caller, type TestBackend } from '@main/testing/backend'
import { CacheDatabase } from '@renderer/cache/db'
import { copyIsComplete, lookUp, type MainSearch } from '@renderer/cache/lookup'
import { searchVehicles } from '@renderer/cache/search'
import { createSyncEngine, type SyncSource } from '@renderer/cache/sync'
import type { Response } from '@shared/ipc/contract'
import { planSearch } from '@shared/search/query'
import { matchTier } from '@shared/search/rank'

let backend: TestBackend
let hotline: Caller
const record = (i: number) => backend.fleet.records[i]!
const customerOf = (i: number) => backend.fleet.customers.find((c) => c.id === record(i).vehicle.customerId)!
const mainFor = (caller: Caller): MainSearch & { asked: number } => {
  const main = { asked: 0, vehicleSearch: (r: { query: string }) => (main.asked++, caller.call('vehicleSearch', r)) }
  return main
}
const sourceFor = (caller: Caller): SyncSource => ({ syncChanges: (r) => caller.call('syncChanges', r) as Promise<Response<'syncChanges'>> })
const fresh = () => new CacheDatabase(`lookups-${randomUUID()}`)

beforeAll(async () => {
  backend = await startTestBackend({ size: 40 })
  hotline = await backend.as('hotline')
})
afterAll(() => backend.close())

describe('with an empty offline copy (a new desktop)', () => {
  it('main answers every kind of lookup, and its rows say so', async () => {
    const cache = fresh()
    expect(await copyIsComplete(cache)).toBe(false)
    const main = mainFor(hotline)
    const { vin } = record(37).vehicle
    const byVin = await lookUp(cache, main, vin)
    expect(byVin).toMatchObject({ main: 'answered', vinProblem: null })
    expect(byVin.results.map((v) => [v.vin, v.fromMain])).toEqual([[vin, true]])
    // The full document: a card can open from it at once.
    expect(byVin.results[0]).toMatchObject({ customer: { customerNumber: customerOf(37).customerNumber }, contract: expect.anything() })
    for (const query of ['oestergaard', customerOf(0).phone!, customerOf(0).email!, customerOf(0).customerNumber]) {
      const found = await lookUp(cache, main, query)
      expect(found.results.map((v) => v.vin), query).toContain(record(0).vehicle.vin)
      expect(found.results.every((v) => v.fromMain), query).toBe(true)
    }
    // Nothing was written into the copy: the sync brings the vehicles, in order.
    expect(await cache.vehicles.count()).toBe(0)
    await cache.delete()
  })

  it('gives dealer staff their market only', async () => {
    const cache = fresh()
    const dk = mainFor(await backend.as('dealer.dk'))
    expect((await lookUp(cache, dk, record(1).vehicle.vin)).results).toEqual([]) // Swedish
    const danish = await lookUp(cache, dk, record(0).vehicle.vin.slice(-7))
    expect(danish.results.map((v) => v.vin)).toEqual([record(0).vehicle.vin])
    await cache.delete()
  })

  it('says when main cannot be reached, and keeps what the copy found', async () => {
    const cache = fresh()
    const down: MainSearch = { vehicleSearch: () => Promise.reject(new Error('main process unreachable')) }
    expect(await lookUp(cache, down, record(2).vehicle.vin)).toMatchObject({ results: [], main: 'unreachable' })
    await cache.delete()
  })
})

describe('with a half-filled copy (first start or rebuild under way)', () => {
  it('merges main’s results with the copy’s, each vehicle once', async () => {
    const cache = fresh()
    // The first batch only: the sync is interrupted before the rest.
    let requests = 0
    const firstBatchOnly: SyncSource = {
      syncChanges: (r) => (++requests === 1 ? hotline.call('syncChanges', { ...r, limit: 20 }) : Promise.reject(new Error('interrupted'))) as Promise<Response<'syncChanges'>>
    }
    await createSyncEngine(cache, firstBatchOnly, { batchSize: 20 }).sync().catch(() => undefined)
    expect(await cache.vehicles.count()).toBe(20)
    expect(await copyIsComplete(cache)).toBe(false)
    const main = mainFor(hotline)
    // A first name of two customers, one inside the copy (vehicle 8) and one not yet (vehicle 22).
    const ines = await lookUp(cache, main, 'ines')
    const inCopy = new Set((await cache.vehicles.toArray()).map((v) => v.vin))
    expect(ines.results.map((v) => v.vin).sort()).toEqual([record(8).vehicle.vin, record(22).vehicle.vin].sort())
    for (const v of ines.results) expect(!!v.fromMain, v.vin).toBe(!inCopy.has(v.vin))
    expect(ines.results.map((v) => !!v.fromMain).sort()).toEqual([false, true])
    await cache.delete()
  })
})

describe('with a complete copy', () => {
  let cache: CacheDatabase
  beforeAll(async () => {
    cache = fresh()
    await createSyncEngine(cache, sourceFor(hotline)).sync()
  })
  afterAll(() => cache.delete())

  it('answers alone, and asks main only for a VIN it does not hold', async () => {
    expect(await copyIsComplete(cache)).toBe(true)
    const main = mainFor(hotline)
    const found = await lookUp(cache, main, record(5).vehicle.vin)
    expect(found).toMatchObject({ main: 'not-asked' })
    expect(found.results.map((v) => [v.vin, v.fromMain])).toEqual([[record(5).vehicle.vin, undefined]])
    expect((await lookUp(cache, main, 'no such name')).main).toBe('not-asked')
    expect(main.asked).toBe(0)

    // A vehicle registered after the copy's last sync: main finds it.
    const vin = 'WMW11DJ0X0NEW0001'
    await backend.db.query(
      `INSERT INTO vehicles (vin, plate, model, market, equipment, sim_state, customer_id) VALUES ($1, NULL, 'MINI Cooper', 'DK', '{}', 'ACTIVE', $2)`,
      [vin, record(0).vehicle.customerId]
    )
    const late = await lookUp(cache, main, vin)
    expect(late.results.map((v) => [v.vin, v.fromMain])).toEqual([[vin, true]])
    expect(main.asked).toBe(1)
    await backend.db.query('DELETE FROM vehicles WHERE vin = $1', [vin])
  })

  it('finds what main finds, for every kind of input', async () => {
    const c0 = customerOf(0)
    const queries = [
      record(2).vehicle.vin, record(0).vehicle.vin.slice(-7), record(2).vehicle.plate!.slice(0, 4), record(2).vehicle.plate!,
      'soren', 'Søren Ærø Østergård', 'oestergaard', 'bjorn nystrom', 'bjö', 'ida bækgård', 'hansen', 'a', 'sjoberg bygg', 'van den',
      c0.customerNumber, c0.phone!, c0.phone!.split(' ')[1]!, c0.email!, c0.email!.slice(0, c0.email!.indexOf('@') + 2), '4', '12345'
    ]
    for (const query of queries) {
      const copy = (await searchVehicles(cache, query)).results.map((v) => v.vin)
      const main = (await hotline.call('vehicleSearch', { query })).vehicles.map((v) => v.vin)
      expect([...copy].sort(), query).toEqual([...main].sort())
      // The same ranking: identifiers and full names first, in the same tiers.
      const plan = planSearch(query)
      const tiers = async (vins: string[]) => Promise.all(vins.map(async (vin) => matchTier(plan, (await cache.vehicles.get(vin))!)))
      expect(await tiers(copy), query).toEqual(await tiers(main))
    }
  })
})
