/**
 * Issue 11, point 6: the shared deployment proven on a real PostgreSQL, with server instances as separate
 * processes on one database and desktops speaking the wire protocol:
 * - two instances and eight clients issuing random commands and lookups for a bounded time: every client's
 *   copy equals the database, no revision lost, the legal-eCall invariant held, each command applied once;
 * - one instance killed (SIGKILL) with SIM commands pending: the other settles every one, once;
 * - a session signed out on one instance is refused on the other; a setting changed on one is in force on
 *   the other within a second; forged and missing tokens are refused on every channel and on the events.
 * SERVER_SOAK_SECONDS sets the length of the first (default 60).
 */
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import pg from 'pg'
import { toVehicleFacts } from '@shared/domain/facts'
import { contract, methods } from '@shared/ipc/contract'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { assessSimDeactivation, deactivationTarget, mustKeepSim } from '@shared/rules'
import { generateFleet } from '@shared/fleet/generate'
import { emptyDatabaseUrl } from '@main/testing/databases'
import { WireClient } from './client'
import { startInstance, type Instance } from './instances'

const TODAY = '2026-11-21'
const SOAK_MS = Number(process.env['SERVER_SOAK_SECONDS'] ?? 60) * 1000
const fleet = generateFleet({ size: 60, referenceDate: TODAY })
const PASSWORDS: Record<string, string> = { hotline: 'demo-hotline', supervisor: 'demo-supervisor', 'dealer.dk': 'demo-dealer', 'dealer.se': 'demo-dealer' }

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined)
})

async function database(): Promise<{ url: string; query<T>(sql: string, params?: unknown[]): Promise<T[]> }> {
  const empty = await emptyDatabaseUrl()
  const pool = new pg.Pool({ connectionString: empty.url, max: 2 })
  cleanups.push(async () => {
    await pool.end()
    await empty.drop()
  })
  return { url: empty.url, query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[] }
}

async function instances(url: string, env: Record<string, string> = {}): Promise<[Instance, Instance]> {
  const both = await Promise.all([startInstance('a', url, env), startInstance('b', url, env)])
  cleanups.push(async () => {
    await Promise.all(both.map((i) => i.kill('SIGTERM')))
  })
  return both
}

async function client(instance: Instance, username: string): Promise<WireClient> {
  const c = new WireClient(instance.url)
  await c.signIn(username, PASSWORDS[username]!)
  cleanups.push(async () => c.close())
  return c
}

const customerOf = (vin: string) => {
  const record = fleet.records.find((r) => r.vehicle.vin === vin)!
  return fleet.customers.find((c) => c.id === record.vehicle.customerId)!
}

describe('two instances on one database behave as one', () => {
  it(`stays consistent under ${SOAK_MS / 1000} s of random commands and lookups from 8 clients`, async () => {
    const db = await database()
    const [a, b] = await instances(db.url, { MINI_TELEMATICS_LATENCY_MS: '0-80', MINI_TELEMATICS_FAILURE_RATE: '0.2', MINI_TELEMATICS_TIMEOUT_MS: '3000' })
    const accounts = ['hotline', 'hotline', 'supervisor', 'dealer.dk', 'hotline', 'supervisor', 'dealer.se', 'hotline']
    const clients = await Promise.all(accounts.map((u, i) => client(i % 2 === 0 ? a : b, u)))
    for (const c of clients) {
      c.follow()
      await c.sync()
    }
    const succeeded = new Map<string, number>() // method → successful first-time commands (distinct keys)
    const vins = fleet.records.map((r) => r.vehicle.vin)
    const until = Date.now() + SOAK_MS
    let operations = 0
    const work = clients.map(async (c, n) => {
      const keys: string[] = []
      while (Date.now() < until) {
        operations++
        const vin = vins[Math.floor(Math.random() * vins.length)]!
        const roll = Math.random()
        const key = keys.length && Math.random() < 0.15 ? keys[Math.floor(Math.random() * keys.length)]! : randomUUID()
        keys.push(key)
        const count = (method: string, r: { ok: boolean; data?: unknown }, replay: boolean) => {
          if (r.ok && !replay) succeeded.set(method, (succeeded.get(method) ?? 0) + 1)
        }
        if (roll < 0.25) {
          await c.raw('vehicle:get', { vin })
        } else if (roll < 0.45) {
          const customer = customerOf(vin)
          if (accounts[n]!.startsWith('dealer')) await c.raw('caller:identity-document', { vin, kind: 'passport' })
          else await c.raw('caller:verify', { vin, firstName: customer.firstName ?? '', lastName: customer.lastName ?? '', spokenVin: vin, postcode: customer.postcode })
        } else if (roll < 0.7) {
          const doc = c.copy.get(vin)
          const facts = doc ? toVehicleFacts(doc) : null
          const target = facts ? assessSimDeactivation(facts, TODAY).targetState : 'ECALL_ONLY'
          const r = await c.raw('sim:deactivate', { vin, idempotencyKey: key, expectedTargetState: target, acknowledgement: { emergencyCallLoss: true, warningsReadOut: true } })
          count(`deactivate:${accounts[n]}:${key}`, r, false)
        } else if (roll < 0.85) {
          const r = await c.raw('sim:reactivate', { vin, idempotencyKey: key })
          count(`reactivate:${accounts[n]}:${key}`, r, false)
        } else if (roll < 0.95) {
          const customer = customerOf(vin)
          const r = await c.raw('withdrawal:record', {
            vin,
            idempotencyKey: key,
            subject: 'connected',
            noticeChannel: 'email',
            noticeSentAt: TODAY,
            noticeReceivedAt: TODAY,
            consumers: [`${customer.firstName ?? 'A'} ${customer.lastName ?? 'B'}`],
            address: `${customer.street}\n${customer.postcode} ${customer.city}`,
            startRequested: false,
            decision: 'accept',
            emergencyCallLossNoted: true
          })
          count(`withdraw:${accounts[n]}:${key}`, r, false)
        } else {
          await c.sync()
        }
      }
    })
    await Promise.all(work)
    // Every attempt in flight answered or timed out (scheduled retries may wait: they are pending).
    for (const started = Date.now(); ; ) {
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sim_commands WHERE status = 'pending' AND next_attempt_at IS NULL`)
      if (row!.n === 0) break
      if (Date.now() - started > 120_000) throw new Error('commands still in flight after two minutes')
      await new Promise((r) => setTimeout(r, 200))
    }
    await Promise.all(clients.map((c) => c.sync()))

    const docs = (await db.query<{ doc: VehicleDoc }>('SELECT doc FROM vehicle_docs')).map((r) => r.doc)
    // The invariant and the withdrawn contracts' SIMs.
    for (const v of docs) {
      const facts = toVehicleFacts(v)
      if (!facts) continue
      if (mustKeepSim(facts)) expect(v.sim).not.toBe('DEACTIVATED')
      if (facts.contract.status === 'withdrawn') {
        const target = deactivationTarget(facts)
        expect(v.sim === target || (v.simCommand?.status === 'pending' && v.simCommand.targetState === target), v.vin).toBe(true)
      }
    }
    // Every client's copy equals the database, in its scope: nothing lost, nothing stale.
    for (const [n, c] of clients.entries()) {
      const dealerMarket = accounts[n]!.startsWith('dealer') ? accounts[n]!.slice(-2).toUpperCase() : null
      const visible = docs.filter((d) => !dealerMarket || d.market === dealerMarket)
      expect(c.copy.size, `client ${n}`).toBe(visible.length)
      for (const d of visible) expect(c.copy.get(d.vin), `client ${n}, ${d.vin}`).toEqual(d)
    }
    // Each command applied once: one command row (or case) per successful key, one audit line each.
    const distinct = (prefix: string) => [...succeeded.keys()].filter((k) => k.startsWith(prefix)).length
    const [rows] = await db.query<{ deact: number; react: number; cases: number; keys: number }>(
      `SELECT (SELECT count(*)::int FROM sim_commands WHERE origin = 'agent' AND action = 'deactivate') AS deact,
              (SELECT count(*)::int FROM sim_commands WHERE origin = 'agent' AND action = 'reactivate') AS react,
              (SELECT count(*)::int FROM withdrawal_cases WHERE source = 'agent') AS cases,
              (SELECT count(*)::int FROM idempotency_keys) AS keys`
    )
    expect(rows!.deact).toBe(distinct('deactivate:'))
    expect(rows!.react).toBe(distinct('reactivate:'))
    expect(rows!.cases).toBe(distinct('withdraw:'))
    const [confirmed] = await db.query<{ twice: number }>(
      `SELECT count(*)::int AS twice FROM (SELECT details->>'commandId', details->>'attempt' FROM audit_log WHERE action = 'sim.confirmed' GROUP BY 1, 2 HAVING count(*) > 1) x`
    )
    expect(confirmed!.twice).toBe(0)
    console.log(`shared deployment soak: ${operations} operations by 8 clients on 2 instances in ${SOAK_MS / 1000} s; ${rows!.deact + rows!.react} SIM commands, ${rows!.cases} withdrawals`)
  })

  it('settles every pending SIM command of an instance killed with SIGKILL, on the other, once', async () => {
    const db = await database()
    const slow = { MINI_TELEMATICS_LATENCY_MS: '4000', MINI_TELEMATICS_FAILURE_RATE: '0', MINI_TELEMATICS_TIMEOUT_MS: '60000', MINI_LEASE_MS: '2000' }
    const [a, b] = await instances(db.url, slow)
    const supervisor = await client(a, 'supervisor')
    const candidates = fleet.records.filter((r) => r.vehicle.sim === 'ACTIVE' && r.contract && r.contract.status === 'active').slice(0, 8)
    const ids: string[] = []
    for (const r of candidates) {
      await supervisor.call('callerIdentityDocument', { vin: r.vehicle.vin, kind: 'passport' })
      const doc = await supervisor.call('vehicleGet', { vin: r.vehicle.vin })
      const facts = toVehicleFacts(doc)!
      const assessment = assessSimDeactivation(facts, TODAY)
      if (!assessment.allowed) continue
      const { command } = await supervisor.call('simDeactivate', { vin: r.vehicle.vin, idempotencyKey: randomUUID(), expectedTargetState: assessment.targetState, acknowledgement: { emergencyCallLoss: true, warningsReadOut: true } })
      ids.push(command.id)
    }
    expect(ids.length).toBeGreaterThanOrEqual(4)
    // Instance a holds them (it was asked), then dies before the unit answers.
    for (const started = Date.now(); ; ) {
      const held = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sim_commands WHERE id = ANY($1) AND lease_owner = 'a'`, [ids])
      if (held[0]!.n === ids.length) break
      if (Date.now() - started > 30_000) throw new Error('instance a never claimed its commands')
      await new Promise((r) => setTimeout(r, 100))
    }
    await a.kill('SIGKILL')
    for (const started = Date.now(); ; ) {
      const open = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sim_commands WHERE id = ANY($1) AND status = 'pending'`, [ids])
      if (open[0]!.n === 0) break
      if (Date.now() - started > 120_000) throw new Error(`pending commands were not settled by instance b: ${b.output()}`)
      await new Promise((r) => setTimeout(r, 200))
    }
    const settled = await db.query<{ id: string; status: string }>(`SELECT id, status FROM sim_commands WHERE id = ANY($1)`, [ids])
    expect(settled.every((s) => s.status === 'confirmed'), JSON.stringify(settled)).toBe(true)
    const lines = await db.query<{ id: string; n: number }>(`SELECT details->>'commandId' AS id, count(*)::int AS n FROM audit_log WHERE action = 'sim.confirmed' AND details->>'commandId' = ANY($1) GROUP BY 1`, [ids])
    expect(lines.map((l) => l.n)).toEqual(ids.map(() => 1))
    const resumed = await db.query<{ n: number }>(`SELECT count(DISTINCT details->>'commandId')::int AS n FROM audit_log WHERE action = 'sim.resumed' AND details->>'previousOwner' = 'a'`)
    expect(resumed[0]!.n).toBe(ids.length)
  })

  it('shares sessions and settings, and refuses forged and missing tokens everywhere', async () => {
    const db = await database()
    const [a, b] = await instances(db.url)
    // Signed in on a, known on b; signed out on b, refused on a.
    const agent = await client(a, 'supervisor')
    const onB = new WireClient(b.url)
    onB.token = agent.token
    expect((await onB.raw('fleet:stats', {})).ok).toBe(true)
    await onB.call('signOut', {})
    expect(await agent.raw('fleet:stats', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })

    // A setting changed on one instance is in force on the other within a second.
    const supervisor = await client(a, 'supervisor')
    const reader = new WireClient(b.url)
    reader.token = supervisor.token
    const before = (await reader.call('settingsGet', {})).idleMinutes
    const changed = Date.now()
    await supervisor.call('settingsSet', { key: 'idleMinutes', value: before + 7 })
    let seenAfter = Infinity
    while (Date.now() - changed < 5_000) {
      if ((await reader.call('settingsGet', {})).idleMinutes === before + 7) {
        seenAfter = Date.now() - changed
        break
      }
      await new Promise((r) => setTimeout(r, 20))
    }
    expect(seenAfter).toBeLessThanOrEqual(1_000)

    // Forged, missing and ended tokens: refused on every non-public channel of both instances, and on the events.
    const forged = ['A'.repeat(43), randomUUID().replace(/-/g, '') + 'zzzzzzzzzzz', agent.token!]
    for (const instance of [a, b]) {
      for (const token of [null, ...forged]) {
        const c = new WireClient(instance.url)
        c.token = token
        for (const method of methods) {
          if (contract[method].access === 'public') continue
          const result = await c.raw(contract[method].channel, {})
          expect(result, `${instance.id} ${method} with ${token ? 'a forged token' : 'no token'}`).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
        }
        const events = await fetch(`${instance.url}/api/events`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
        expect(events.status, `${instance.id} events`).toBe(401)
        await events.body?.cancel()
      }
    }
  })
})
