import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from './backend'
import { systemClock } from './config'
import { silentLogger } from './logger'
import { currentRevision } from './services/vehicles'

let backend: Backend
const ctx = { transport: 'harness' as const, sessionId: 'test' }

beforeAll(async () => {
  backend = await createBackend({
    dataDir: 'memory',
    resourcesDir: 'resources',
    demoFleet: { size: 60 },
    clock: systemClock({ fixedToday: '2026-11-21' }),
    log: silentLogger,
    transport: 'harness',
    version: 'test',
    validateResponses: true
  })
})
afterAll(() => backend.close())

describe('router', () => {
  it('answers a valid call with data that satisfies the contract', async () => {
    const result = await backend.router.handle('app:info', {}, ctx)
    expect(result).toMatchObject({ ok: true, data: { fleetSize: 60, today: '2026-11-21', databaseKind: 'pglite' } })
  })

  it('refuses an unknown channel with a typed error', async () => {
    const result = await backend.router.handle('sim:format-disk', {}, ctx)
    expect(result).toEqual({ ok: false, error: { code: 'unknown-channel', message: expect.stringContaining('sim:format-disk') } })
  })

  it.each([
    ['a VIN of the wrong shape', { vin: 'WMW123' }],
    ['a VIN with O', { vin: 'WMW11DH0OT2012345' }],
    ['a number instead of a string', { vin: 12345678901234567 }],
    ['an extra field', { vin: 'WMW11DH00T2012345', admin: true }],
    ['no payload object', 'WMW11DH00T2012345'],
    ['null', null]
  ])('refuses %s with bad-request and field issues', async (_label, payload) => {
    const before = await currentRevision(backend.db)
    const result = await backend.router.handle('vehicle:get', payload, ctx)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('bad-request')
    expect(result.error.message).toMatch(/not understood/)
    expect(result.error.issues?.length).toBeGreaterThan(0)
    expect(await currentRevision(backend.db)).toBe(before)
  })

  it('reports a missing vehicle as not-found, not as a crash', async () => {
    const result = await backend.router.handle('vehicle:get', { vin: 'WMW99999999999999' }, ctx)
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('refuses sync limits outside the contract', async () => {
    for (const payload of [{ cursor: -1 }, { cursor: 0, limit: 0 }, { cursor: 0, limit: 1e9 }, { cursor: 1.5 }]) {
      const result = await backend.router.handle('sync:changes', payload, ctx)
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    }
  })
})
