import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../config'
import { startTestBackend, type TestBackend } from '../testing/backend'
import { SIGN_IN_LOCK_MINUTES, SIGN_IN_MAX_FAILURES } from './agents'

/** Accounts, sessions held in main, idle sign-out and the append-only audit trail (issue: sign-in and roles). */
describe('first run', () => {
  let backend: TestBackend
  beforeAll(async () => {
    backend = await startTestBackend({ demoFleet: false })
  })
  afterAll(() => backend.close())

  it('asks for the first supervisor when there is no account, once', async () => {
    const page = await backend.as(null)
    expect(await page.call('authStatus', {})).toMatchObject({ firstRun: true, agent: null })
    const weak = await page.raw('auth:create-first-supervisor', { username: 'ana', displayName: 'Ana Gonçalves', password: 'short' })
    expect(weak).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    const agent = await page.call('createFirstSupervisor', { username: 'ana.goncalves', displayName: 'Ana Gonçalves', password: 'a long passphrase' })
    expect(agent).toMatchObject({ role: 'supervisor', displayName: 'Ana Gonçalves' })
    expect(await page.call('authStatus', {})).toMatchObject({ firstRun: false, agent: { username: 'ana.goncalves' } })
    const other = await backend.as(null)
    const again = await other.raw('auth:create-first-supervisor', { username: 'mallory', displayName: 'Mallory', password: 'another passphrase' })
    expect(again).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('lets the supervisor create accounts; dealer staff need a dealer number', async () => {
    const page = await backend.as(null)
    await page.call('signIn', { username: 'ana.goncalves', password: 'a long passphrase' })
    const noNumber = await page.raw('agents:create', { username: 'dealer1', displayName: 'Dealer One', role: 'dealer', password: 'dealer passphrase' })
    expect(noNumber).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/dealer number/) } })
    await page.call('agentCreate', { username: 'dealer1', displayName: 'Dealer One', role: 'dealer', dealerNumber: 'PT-51002', password: 'dealer passphrase' })
    const stored = await backend.db.query<{ password_hash: string }>(`SELECT password_hash FROM agents WHERE username = 'dealer1'`)
    expect(stored.rows[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(stored.rows[0]!.password_hash).not.toContain('dealer passphrase')
    const list = await page.call('agentsList', {})
    expect(list.map((a) => a.username).sort()).toEqual(['ana.goncalves', 'dealer1'])
  })
})

describe('sessions and sign-in', () => {
  let backend: TestBackend
  const clock = manualClock('2026-11-21T09:00:00Z', '2026-11-21')
  beforeAll(async () => {
    backend = await startTestBackend({ size: 8, clock, defaults: { idleMinutes: 10 } })
  })
  afterAll(() => backend.close())

  it('keeps the session in main; the renderer gets no credential back', async () => {
    const page = await backend.as(null)
    const agent = await page.call('signIn', { username: 'hotline', password: 'demo-hotline' })
    expect(Object.keys(agent).sort()).toEqual(['dealerNumber', 'displayName', 'id', 'role', 'username'])
    expect(JSON.stringify(agent)).not.toMatch(/scrypt|password|token/i)
  })

  it('signs out after the idle time, and activity keeps the session alive', async () => {
    const page = await backend.as('hotline')
    clock.advance({ minutes: 9 })
    expect((await page.raw('fleet:stats', {})).ok).toBe(true)
    clock.advance({ minutes: 9 })
    // A status poll does not count as activity.
    expect((await page.call('authStatus', {})).agent).not.toBeNull()
    clock.advance({ minutes: 2 })
    expect(await page.raw('fleet:stats', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    expect((await page.call('authStatus', {})).agent).toBeNull()
  })

  it(`locks an account after ${SIGN_IN_MAX_FAILURES} wrong passwords, for ${SIGN_IN_LOCK_MINUTES} minutes`, async () => {
    const page = await backend.as(null)
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      expect(await page.raw('auth:sign-in', { username: 'dealer.se', password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    }
    const locked = await page.raw('auth:sign-in', { username: 'dealer.se', password: 'demo-dealer' })
    expect(locked).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.stringMatching(/locked/) } })
    clock.advance({ minutes: SIGN_IN_LOCK_MINUTES + 1 })
    expect((await page.raw('auth:sign-in', { username: 'dealer.se', password: 'demo-dealer' })).ok).toBe(true)
    const { rows } = await backend.db.query<{ outcome: string }>(`SELECT outcome FROM audit_log WHERE action = 'auth.sign-in' AND details->>'username' = 'dealer.se' ORDER BY id`)
    expect(rows.filter((r) => r.outcome === 'denied')).toHaveLength(SIGN_IN_MAX_FAILURES + 1)
  })

  it('answers an unknown username like a wrong password', async () => {
    const page = await backend.as(null)
    const unknown = await page.raw('auth:sign-in', { username: 'nobody', password: 'whatever' })
    const wrong = await page.raw('auth:sign-in', { username: 'hotline', password: 'whatever' })
    expect(unknown.ok || wrong.ok).toBe(false)
    if (!unknown.ok && !wrong.ok) expect(unknown.error.message.split('.')[0]).toBe(wrong.error.message.split('.')[0])
  })

  it('signs out on request', async () => {
    const page = await backend.as('hotline')
    await page.call('signOut', {})
    expect(await page.raw('fleet:stats', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })
})

describe('audit log', () => {
  let backend: TestBackend
  beforeAll(async () => {
    backend = await startTestBackend({ size: 8 })
  })
  afterAll(() => backend.close())

  it('is append-only: the database refuses updates, deletes and truncation', async () => {
    await (await backend.as('hotline')).call('signOut', {})
    await expect(backend.db.query(`UPDATE audit_log SET outcome = 'ok'`)).rejects.toThrow(/append-only/)
    await expect(backend.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/)
    await expect(backend.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/)
  })

  it('lets a supervisor filter it and export it as CSV, and nobody else', async () => {
    const supervisor = await backend.as('supervisor')
    const hotline = await backend.as('hotline')
    const vin = backend.fleet.records[5]!.vehicle.vin
    await hotline.call('callerVerify', { vin, firstName: 'Nobody', lastName: 'Known', spokenVin: vin, postcode: '0000' })
    const filtered = await supervisor.call('auditList', { action: 'caller.verify', vin, limit: 50, offset: 0 })
    expect(filtered.total).toBe(1)
    expect(filtered.rows[0]).toMatchObject({ action: 'caller.verify', outcome: 'refused', role: 'hotline', vin })
    const csv = await supervisor.call('auditExport', { vin })
    const lines = csv.csv.trim().split('\r\n')
    expect(lines[0]).toBe('id,at,agent_id,agent_name,role,action,vin,case_id,outcome,reason,verification,details')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('caller.verify')
    expect(csv.rows).toBe(1)
    expect(await hotline.raw('audit:list', { limit: 10, offset: 0 })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('neutralises spreadsheet formulas in the export', async () => {
    const supervisor = await backend.as('supervisor')
    await supervisor.call('agentCreate', { username: 'formula', displayName: '=HYPERLINK("x")', role: 'hotline', password: 'a long passphrase' })
    await (await backend.as(null)).call('signIn', { username: 'formula', password: 'a long passphrase' })
    const csv = await supervisor.call('auditExport', { action: 'auth.sign-in' })
    expect(csv.csv).toContain(`"'=HYPERLINK(""x"")"`)
    expect(csv.csv).not.toMatch(/,=HYPERLINK/)
  })
})
