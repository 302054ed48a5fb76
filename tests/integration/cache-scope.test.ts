/**
 * Issue 10, defect 16: the offline copy on a shared desk follows the signed-in agent's scope. A hotline
 * agent's copy holds every market; when a Danish dealer signs in next, the other markets are gone from the
 * copy before anything is shown, and the sync refills it with Danish vehicles only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBackend, type TestBackend } from '@main/testing/backend'
import { CacheDatabase } from '@renderer/cache/db'
import { ensureScope, scopeOf } from '@renderer/cache/scope'
import { searchVehicles } from '@renderer/cache/search'
import { createSyncEngine } from '@renderer/cache/sync'

let backend: TestBackend
beforeAll(async () => {
  backend = await startTestBackend({ size: 60 })
})
afterAll(() => backend.close())

describe('the offline copy follows the agent', () => {
  it('empties a wider copy before a narrower agent sees it, and refills it with their market only', async () => {
    const cache = new CacheDatabase(`scope-${Math.random()}`)
    const hotline = await backend.as('hotline')
    const dealer = await backend.as('dealer.dk')
    const seVin = backend.fleet.records.find((r) => r.vehicle.market === 'SE')!.vehicle.vin

    expect(await ensureScope(cache, scopeOf({ role: 'hotline', dealerNumber: null }))).toBe(false)
    await createSyncEngine(cache, { syncChanges: (r) => hotline.call('syncChanges', r) }).sync()
    expect(await cache.vehicles.count()).toBe(60)

    expect(await ensureScope(cache, scopeOf({ role: 'dealer', dealerNumber: 'DK-24031' }))).toBe(true)
    // Before any sync: nothing of another market can be found.
    expect(await cache.vehicles.count()).toBe(0)
    expect((await searchVehicles(cache, seVin)).results).toEqual([])

    await createSyncEngine(cache, { syncChanges: (r) => dealer.call('syncChanges', r) }).sync()
    const markets = new Set((await cache.vehicles.toArray()).map((v) => v.market))
    expect(markets).toEqual(new Set(['DK']))
    expect(await cache.vehicles.count()).toBe(backend.fleet.records.filter((r) => r.vehicle.market === 'DK').length)

    // The same scope again (the same dealer, another Danish dealer) keeps the copy.
    expect(await ensureScope(cache, scopeOf({ role: 'dealer', dealerNumber: 'DK-24999' }))).toBe(false)
    cache.close()
  })
})
