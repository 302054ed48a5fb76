/**
 * Issue 10, point 4: random interleavings of every command, from several sessions at once, against the
 * real services on the real database (PGlite in the `integration` project, PostgreSQL in `node-postgres`),
 * with a telematics unit that fails and falls silent. After each run, whatever the interleaving:
 * - no vehicle with legal eCall or legal map data is DEACTIVATED;
 * - a withdrawn contract's SIM is at its RULES.md §3 target, or a command towards it is pending;
 * - the sign-in lockout and the verification lock counted every attempt (replayed from the log);
 * - each idempotency key was applied once;
 * - each decided command left exactly one audit line;
 * - the renderer's cache, fed only by sync while all this ran, equals the database.
 * CONCURRENCY_RUNS sets the number of runs (interleavings); CONCURRENCY_SEED reproduces one.
 */
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { toServicePurchases, toVehicleFacts } from '@main/../shared/domain/facts'
import { eventually, startTestBackend, type Caller, type TestBackend } from '@main/testing/backend'
import { testEngine } from '@main/testing/databases'
import { CacheDatabase } from '@renderer/cache/db'
import { createSyncEngine } from '@renderer/cache/sync'
import type { Method } from '@shared/ipc/contract'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { assessSimDeactivation, assessSimReactivation, deactivationTarget, mustKeepSim, verificationLockout } from '@shared/rules'

const RUNS = Number(process.env['CONCURRENCY_RUNS'] ?? (testEngine() === 'pglite' ? 8 : 12))
const SEED = Number(process.env['CONCURRENCY_SEED'] ?? 20_261_130)
const TODAY = '2026-11-21'
const VEHICLES = 16
const WHO = ['hotline', 'hotline2', 'supervisor', 'dealer.dk'] as const
type Who = (typeof WHO)[number]

type Kind = 'deactivate' | 'reactivate' | 'retry' | 'withdraw' | 'refund' | 'signIn' | 'verify' | 'document' | 'settings'
interface Step {
  who: Who
  kind: Kind
  vehicle: number
  /** A variant of the request: a wrong answer, a stale expectation, another amount… */
  variant: number
  /** Reuse the key of an earlier step of the same kind and agent (a double click, a retry). */
  reuse: number | null
  delayMs: number
}

const step: fc.Arbitrary<Step> = fc.record({
  who: fc.constantFrom(...WHO),
  kind: fc.constantFrom<Kind>('deactivate', 'deactivate', 'reactivate', 'retry', 'withdraw', 'withdraw', 'refund', 'signIn', 'verify', 'verify', 'document', 'settings'),
  vehicle: fc.nat(VEHICLES - 1),
  variant: fc.nat(5),
  reuse: fc.option(fc.nat(30), { nil: null, freq: 3 }),
  delayMs: fc.nat(30)
})

interface Outcome {
  step: Step
  method: Method
  key: string | null
  ok: boolean
  code: string | null
  errorKey: string | null
  data: unknown
}

const interleavings: { runs: number; violations: number; ms: number } = { runs: 0, violations: 0, ms: 0 }

afterAll(() => {
  console.log(`concurrency property (${testEngine()}): ${interleavings.runs} interleavings, ${interleavings.violations} violations, ${(interleavings.ms / 1000).toFixed(1)} s`)
})

async function run(steps: Step[]): Promise<void> {
  const started = Date.now()
  const backend: TestBackend = await startTestBackend({
    size: VEHICLES,
    defaults: { telematics: { minLatencyMs: 0, maxLatencyMs: 60, failureRate: 0.3, timeoutMs: 40 } }
  })
  try {
    const callers = {} as Record<Who, Caller>
    for (const who of WHO) callers[who] = await backend.as(who === 'hotline2' ? 'hotline' : who)
    const docs = async (vin: string): Promise<VehicleDoc> => (await backend.db.query<{ doc: VehicleDoc }>('SELECT doc FROM vehicle_docs WHERE vin = $1', [vin])).rows[0]!.doc
    const vinOf = (i: number) => backend.fleet.records[i]!.vehicle.vin
    const customerOf = (i: number) => backend.fleet.customers.find((c) => c.id === backend.fleet.records[i]!.vehicle.customerId)!

    // The renderer's copy, fed only by sync while the commands run.
    const cache = new CacheDatabase(`property-${randomUUID()}`)
    const syncer = await backend.as('supervisor')
    const engine = createSyncEngine(cache, { syncChanges: (r) => syncer.call('syncChanges', r) })
    let syncing = true
    const syncLoop = (async () => {
      while (syncing) {
        await engine.sync()
        await new Promise((r) => setTimeout(r, 5))
      }
    })()

    const keys: string[] = []
    async function perform(s: Step, index: number): Promise<Outcome> {
      await new Promise((r) => setTimeout(r, s.delayMs))
      const caller = callers[s.who]
      const vin = vinOf(s.vehicle)
      const key = s.reuse !== null && keys[s.reuse] !== undefined ? keys[s.reuse]! : randomUUID()
      keys[index] = key
      const doc = await docs(vin)
      const facts = toVehicleFacts(doc)
      let method: Method
      let request: unknown
      switch (s.kind) {
        case 'deactivate': {
          const target = facts ? assessSimDeactivation(facts, TODAY).targetState : 'ECALL_ONLY'
          method = 'simDeactivate'
          request = { vin, idempotencyKey: key, expectedTargetState: s.variant === 0 ? 'DEACTIVATED' : target, acknowledgement: { emergencyCallLoss: s.variant !== 1, warningsReadOut: true } }
          break
        }
        case 'reactivate':
          method = 'simReactivate'
          request = { vin, idempotencyKey: key }
          if (facts) assessSimReactivation(facts, TODAY, { purchases: toServicePurchases(doc) })
          break
        case 'retry':
          method = 'simRetry'
          request = { commandId: doc.simCommand?.id ?? `SIM-${randomUUID()}`, idempotencyKey: key }
          break
        case 'withdraw': {
          const c = customerOf(s.vehicle)
          const purchase = s.variant >= 3 ? doc.purchases[0] : undefined
          method = 'withdrawalRecord'
          request = {
            vin,
            idempotencyKey: key,
            subject: purchase ? 'purchase' : 'connected',
            ...(purchase ? { purchaseId: purchase.id } : {}),
            noticeChannel: s.variant === 2 ? 'phone' : 'email',
            noticeSentAt: TODAY,
            noticeReceivedAt: TODAY,
            consumers: [`${c.firstName ?? ''} ${c.lastName ?? ''}`.trim() || 'Consumer'],
            address: `${c.street}\n${c.postcode} ${c.city}`,
            startRequested: s.variant === 4,
            decision: s.variant === 1 ? 'refuse' : 'accept',
            emergencyCallLossNoted: true
          }
          break
        }
        case 'refund': {
          const open = doc.cases.find((c) => c.status === 'refund-due')
          method = 'refundRecord'
          request = { caseId: open?.id ?? 'WD-2026-999999', idempotencyKey: key, amount: open ? Math.max(1, Math.floor((open.refund - open.refundPaid) / (s.variant + 1))) : 100, paidOn: TODAY, method: 'bank-transfer' }
          break
        }
        case 'signIn':
          method = 'signIn'
          request = { username: s.variant % 3 === 0 ? 'dealer.se' : 'dealer.pt', password: s.variant === 5 ? 'demo-dealer' : `wrong-${s.variant}` }
          break
        case 'verify': {
          const c = customerOf(s.vehicle)
          method = 'callerVerify'
          request = { vin, firstName: c.firstName ?? '', lastName: c.lastName ?? '', spokenVin: vin, postcode: s.variant < 2 ? c.postcode : `0${s.variant}00` }
          break
        }
        case 'document':
          method = 'callerIdentityDocument'
          request = { vin, kind: 'passport' }
          break
        case 'settings':
          method = 'settingsSet'
          request = { key: 'telematics', value: { minLatencyMs: 0, maxLatencyMs: 20 + s.variant * 20, failureRate: s.variant / 10, timeoutMs: 40 } }
          break
      }
      // A sign-in from a page of its own: the callers above keep their sessions.
      const via = s.kind === 'signIn' ? await backend.as(null) : caller
      const { contract } = await import('@shared/ipc/contract')
      const result = await via.raw(contract[method].channel, request)
      return {
        step: s,
        method,
        key: s.kind === 'signIn' || s.kind === 'verify' || s.kind === 'document' || s.kind === 'settings' ? null : key,
        ok: result.ok,
        code: result.ok ? null : result.error.code,
        errorKey: result.ok ? null : result.error.key,
        data: result.ok ? result.data : null
      }
    }

    const outcomes = await Promise.all(steps.map((s, i) => perform(s, i)))
    expect(outcomes.filter((o) => o.code === 'internal'), 'no command ended in an internal error').toEqual([])

    // Let the unit answer (or fall silent) for every attempt in flight; scheduled retries may wait.
    await eventually(
      () => backend.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sim_commands WHERE status = 'pending' AND next_attempt_at IS NULL`),
      (r) => r.rows[0]!.n === 0,
      120_000
    )
    syncing = false
    await syncLoop
    await engine.sync()

    // 1. The legal-eCall invariant, and 2. a withdrawn contract's SIM at its §3 target or on its way.
    const all = (await backend.db.query<{ doc: VehicleDoc }>('SELECT doc FROM vehicle_docs ORDER BY vin')).rows.map((r) => r.doc)
    for (const v of all) {
      const facts = toVehicleFacts(v)
      if (!facts) continue
      if (mustKeepSim(facts)) expect(v.sim, `${v.vin} keeps legal eCall`).not.toBe('DEACTIVATED')
      if (facts.contract.status === 'withdrawn') {
        const target = deactivationTarget(facts)
        const onItsWay = v.simCommand?.status === 'pending' && v.simCommand.targetState === target
        expect(v.sim === target || onItsWay, `${v.vin}: withdrawn, SIM ${v.sim}, command ${JSON.stringify(v.simCommand)}`).toBe(true)
      }
    }

    // 3a. Sign-in lockout, replayed from the log in the order the attempts were decided.
    const signIns = (await backend.db.query<{ agent_id: string | null; at: string; outcome: string; reason: string | null }>(`SELECT agent_id, at, outcome, reason FROM audit_log WHERE action = 'auth.sign-in' ORDER BY id`)).rows
    for (const username of ['dealer.se', 'dealer.pt']) {
      const agent = (await backend.db.query<{ id: string; failed: number }>('SELECT id, failed_sign_ins AS failed FROM agents WHERE username = $1', [username])).rows[0]!
      let failures = 0
      let lockedUntil: string | null = null
      for (const line of signIns.filter((l) => l.agent_id === agent.id)) {
        if (lockedUntil && line.at < lockedUntil) {
          expect(line.reason, `${username}: an attempt heard while locked`).toBe('auth.locked')
          continue
        }
        if (line.outcome === 'ok') failures = 0
        else if (line.reason === 'auth.wrongPassword') failures++
        else if (line.reason === 'auth.wrongPasswordLocked') {
          expect(failures + 1, `${username}: locked after exactly five`).toBe(5)
          failures = 0
          lockedUntil = new Date(Date.parse(line.at) + 15 * 60_000).toISOString()
        }
        expect(failures).toBeLessThan(5)
      }
      expect(agent.failed, `${username}: the stored counter`).toBe(failures)
    }

    // 3b. Caller verification: no attempt was heard while the vehicle was locked.
    const checks = (await backend.db.query<{ vin: string; at: string; passed: boolean }>(`SELECT vin, at, passed FROM caller_checks WHERE method = 'caller-verification' ORDER BY id`)).rows
    for (const vin of new Set(checks.map((c) => c.vin))) {
      const attempts = checks.filter((c) => c.vin === vin)
      attempts.forEach((a, i) => {
        expect(verificationLockout(attempts.slice(0, i), a.at).locked, `${vin}: an attempt heard while locked`).toBe(false)
      })
    }

    // 4. Each idempotency key applied once, and 5. one audit line per decided command.
    const n = async (sql: string) => (await backend.db.query<{ n: number }>(sql)).rows[0]!.n
    const distinct = (method: Method) => new Set(outcomes.filter((o) => o.method === method && o.ok).map((o) => `${o.step.who === 'hotline2' ? 'hotline' : o.step.who}/${o.key}`)).size
    // Refused by the rules (audited under the command's action); a role the router refuses is audited as ipc.<method>.
    const refusedAnswers = (method: Method) => outcomes.filter((o) => o.method === method && !o.ok && ['refused', 'conflict', 'forbidden'].includes(o.code!) && o.errorKey !== 'auth.roleForbidden').length
    const roleRefusals = outcomes.filter((o) => o.errorKey === 'auth.roleForbidden')
    expect(await n(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'ipc.%' AND reason = 'auth.roleForbidden'`)).toBe(roleRefusals.length)
    expect(await n(`SELECT count(*)::int AS n FROM sim_commands WHERE origin = 'agent' AND action = 'deactivate'`)).toBe(distinct('simDeactivate'))
    expect(await n(`SELECT count(*)::int AS n FROM sim_commands WHERE origin = 'agent' AND action = 'reactivate'`)).toBe(distinct('simReactivate'))
    expect(await n(`SELECT count(*)::int AS n FROM withdrawal_cases WHERE source = 'agent'`)).toBe(distinct('withdrawalRecord'))
    expect(await n(`SELECT count(*)::int AS n FROM refund_payments`)).toBe(distinct('refundRecord'))
    const lines = async (action: string, extra = '') => n(`SELECT count(*)::int AS n FROM audit_log WHERE action = '${action}' AND agent_id IS NOT NULL ${extra}`)
    expect(await lines('sim.deactivate', `AND details->>'origin' IS NULL`)).toBe(distinct('simDeactivate') + refusedAnswers('simDeactivate'))
    expect(await lines('sim.reactivate')).toBe(distinct('simReactivate') + refusedAnswers('simReactivate'))
    expect(await lines('sim.retry')).toBe(distinct('simRetry') + refusedAnswers('simRetry'))
    expect(await lines('withdrawal.record')).toBe(distinct('withdrawalRecord') + refusedAnswers('withdrawalRecord'))
    expect(await lines('refund.record')).toBe(distinct('refundRecord') + refusedAnswers('refundRecord'))

    // 6. The cache fed by sync equals the database (a supervisor sees every market).
    const cached = await cache.vehicles.toArray()
    expect(cached.map((c) => c.vin).sort()).toEqual(all.map((v) => v.vin).sort())
    for (const v of all) {
      const c = cached.find((x) => x.vin === v.vin)!
      // The copy's own index keys (cache/records.ts) are not part of main's document.
      const { plateKey: _p, nameKeys: _n, withCases: _w, phoneTail: _t, emailKey: _e, caseIds: _c, ...doc } = c
      expect(doc, `${v.vin} in the cache`).toEqual(v)
    }
    cache.close()
    interleavings.runs++
  } catch (error) {
    interleavings.violations++
    throw error
  } finally {
    interleavings.ms += Date.now() - started
    await backend.close()
  }
}

describe(`every rule holds under random interleavings (${testEngine()})`, () => {
  it(`holds for ${RUNS} random interleavings of every command from four sessions`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 28 }), (steps) => run(steps)),
      { numRuns: RUNS, seed: SEED, endOnFailure: true }
    )
  }, 1_800_000)
})
