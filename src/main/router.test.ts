import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBackend, type Caller, type TestBackend } from './testing/backend'
import { currentRevision } from './services/vehicles'
import { testEngine } from './testing/databases'

let backend: TestBackend
let hotline: Caller
let anonymous: Caller

beforeAll(async () => {
  backend = await startTestBackend({ size: 60 })
  hotline = await backend.as('hotline')
  anonymous = await backend.as(null)
})
afterAll(() => backend.close())

async function auditCount(): Promise<number> {
  return (await backend.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n
}

describe('router', () => {
  it('answers a public call without a session', async () => {
    const result = await anonymous.raw('app:info', {})
    expect(result).toMatchObject({ ok: true, data: { fleetSize: 60, today: '2026-11-21', databaseKind: testEngine(), demo: true } })
  })

  it('refuses an unknown channel with a typed error', async () => {
    const result = await hotline.raw('sim:format-disk', {})
    expect(result).toEqual({ ok: false, error: { code: 'unknown-channel', key: 'request.unknownChannel' } })
  })

  it('refuses every non-public call without a session, before looking at the payload', async () => {
    const vin = backend.fleet.records[0]!.vehicle.vin
    expect(await anonymous.raw('vehicle:get', { vin })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    expect(await anonymous.raw('vehicle:get', { nonsense: true })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })

  it.each([
    ['a VIN of the wrong shape', { vin: 'WMW123' }],
    ['a VIN with O', { vin: 'WMW11DH0OT2012345' }],
    ['a number instead of a string', { vin: 1234567 }],
    ['an extra field', { vin: 'WMW11DH00T2012345', admin: true }],
    ['no payload object', 'WMW11DH00T2012345'],
    ['null', null]
  ])('refuses %s with bad-request and field issues, changing nothing', async (_label, payload) => {
    const before = await currentRevision(backend.db)
    const result = await hotline.raw('vehicle:get', payload)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('bad-request')
    expect(result.error.key).toBe('request.invalid')
    expect(result.error.issues?.length).toBeGreaterThan(0)
    expect(await currentRevision(backend.db)).toBe(before)
  })

  it('reports a missing vehicle as not-found, not as a crash', async () => {
    const result = await hotline.raw('vehicle:get', { vin: 'WMW99999999999999' })
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('refuses sync limits outside the contract', async () => {
    for (const payload of [{ cursor: -1 }, { cursor: 0, limit: 0 }, { cursor: 0, limit: 1e9 }, { cursor: 1.5 }]) {
      expect(await hotline.raw('sync:changes', payload)).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    }
  })

  it('decides roles in main: a hotline agent may not change settings, and the attempt is audited', async () => {
    const before = await auditCount()
    const result = await hotline.raw('settings:set', { key: 'idleMinutes', value: 600 })
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await auditCount()).toBe(before + 1)
    const settings = await hotline.call('settingsGet', {})
    expect(settings.idleMinutes).not.toBe(600)
  })

  it('refuses a malformed command from a signed-in agent, audits it, and changes nothing else', async () => {
    const before = await currentRevision(backend.db)
    const audits = await auditCount()
    const result = await hotline.raw('sim:deactivate', { vin: backend.fleet.records[5]!.vehicle.vin, idempotencyKey: 'not-a-uuid', expectedTargetState: 'DEACTIVATED' })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await currentRevision(backend.db)).toBe(before)
    expect(await auditCount()).toBe(audits + 1)
  })

  // Issue 10, defect 7: one request with a 10 MB unknown key wrote 10 MB into the append-only audit log and
  // into the answer (the validation message quoted the key).
  it('bounds what a refusal stores and echoes, however large the request', async () => {
    const hugeKey = 'k'.repeat(10_000_000)
    const before = await backend.db.query<{ n: number }>('SELECT coalesce(max(id), 0)::int AS n FROM audit_log')
    const result = await hotline.raw('sim:deactivate', { vin: backend.fleet.records[5]!.vehicle.vin, idempotencyKey: crypto.randomUUID(), expectedTargetState: 'ECALL_ONLY', [hugeKey]: 1, note: 'x'.repeat(2_000_000) })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', key: 'request.invalid' } })
    expect(JSON.stringify(result).length).toBeLessThan(5_000)
    const { rows } = await backend.db.query<{ size: number }>(
      `SELECT octet_length(coalesce(reason, '')) + octet_length(coalesce(details::text, '')) + octet_length(coalesce(verification::text, '')) AS size FROM audit_log WHERE id > $1`,
      [before.rows[0]!.n]
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]!.size).toBeLessThan(10_000)
  })

  // Issue 10, defect 10: year 0000 passed validation and ended in an internal error.
  it('refuses dates that are not real calendar dates with a clear key, before any service runs', async () => {
    for (const date of ['0000-01-01', '1899-12-31', '2026-02-30', '9999-12-31']) {
      const result = await hotline.raw('audit:export', { from: date })
      expect(result, date).toMatchObject({ ok: false, error: { code: expect.stringMatching(/bad-request|forbidden/) } })
      const asSupervisor = await (await backend.as('supervisor')).raw('audit:list', { from: date })
      expect(asSupervisor, date).toMatchObject({ ok: false, error: { code: 'bad-request', issues: [{ path: 'from', key: expect.stringMatching(/^field\.date/) }] } })
    }
  })
})
