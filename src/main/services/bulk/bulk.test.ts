import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BulkJobDoc } from '@shared/ipc/contract'
import { CallFailed, eventually, startTestBackend, TEST_TODAY, type Caller, type TestBackend } from '../../testing/backend'
import { persistentDatabase } from '../../testing/databases'
import { addMonths } from '@shared/rules'
import { createVehicleService } from '../vehicles'

/**
 * Bulk SIM jobs through the router, on both engines: the preview changes nothing; a started job runs each
 * row as an ordinary audited SIM command (origin 'bulk', the job's authorisation as its verification);
 * pause, resume, cancel; dealer scope and the supervisor's setting; a job survives a restart.
 */
let backend: TestBackend
let hotline: Caller
let supervisor: Caller

const vin = (i: number) => backend.fleet.records[i]!.vehicle.vin
const count = async (sql: string, params: unknown[] = []) => (await backend.db.query<{ n: number }>(sql, params)).rows[0]!.n
const finished = (jobId: string, caller = hotline) => eventually(() => caller.call('bulkJobGet', { jobId }), (j) => j.status === 'done' && j.sim.pending === 0)

async function failure(work: Promise<unknown>): Promise<CallFailed> {
  try {
    await work
  } catch (error) {
    if (error instanceof CallFailed) return error
    throw error
  }
  throw new Error('the call succeeded')
}

/** Fleet vehicles (not showcases) whose deactivation can run in bulk today, found through the preview itself. */
async function readyVins(n: number, exclude: string[] = []): Promise<string[]> {
  const candidates = backend.fleet.records.slice(12).map((r) => r.vehicle.vin).filter((v) => !exclude.includes(v))
  const preview = await hotline.call('bulkPreview', { csv: candidates.map((v) => `${v},deactivate`).join('\n') })
  const ready = preview.rows.filter((r) => r.outcome === 'ready').map((r) => r.vin)
  expect(ready.length).toBeGreaterThanOrEqual(n)
  return ready.slice(0, n)
}

beforeAll(async () => {
  backend = await startTestBackend({ size: 40, defaults: { bulk: { rolesAllowed: ['hotline', 'dealer'], rowsPerSecond: 1000 } } })
  hotline = await backend.as('hotline')
  supervisor = await backend.as('supervisor')
})
afterAll(() => backend.close())

describe('the preview', () => {
  it('shows each row’s vehicle and assessment, and the rows that cannot run and why, changing nothing', async () => {
    const csv = [
      'vin;action;reason',
      `${vin(2)};deactivate;customer request by letter`,
      `${vin(4)};deactivate`,
      `${vin(7)};deactivate`,
      `${vin(9)};reactivate`,
      'WMWXU710OTT000001;deactivate',
      'WMWZZZ99999999999;deactivate',
      `${vin(2)};reactivate`,
      `${vin(5)};switch off`
    ].join('\r\n')
    const before = await Promise.all([count('SELECT count(*)::int AS n FROM audit_log'), count('SELECT count(*)::int AS n FROM sim_commands'), count('SELECT max(rev)::int AS n FROM vehicles')])
    const { rows, counts } = await hotline.call('bulkPreview', { csv, fileName: 'sims.csv' })
    expect(rows.map((r) => [r.line, r.outcome, r.problem?.key ?? null])).toEqual([
      [2, 'ready', null],
      [3, 'refused', 'bulk.needsAcknowledgement'],
      [4, 'refused', 'sim.alreadyRestricted'],
      [5, 'ready', null],
      [6, 'not-understood', 'bulk.vinInvalid'],
      [7, 'not-understood', 'vehicle.notFound'],
      [8, 'not-understood', 'bulk.duplicate'],
      [9, 'not-understood', 'bulk.actionUnknown']
    ])
    expect(counts).toEqual({ ready: 2, refused: 2, notUnderstood: 4 })
    // DK after handover: a termination one month on (GTC 8.1); the PT row needs the customer's acknowledgement.
    expect(rows[0]).toMatchObject({ targetState: 'ECALL_ONLY', contractEffect: 'termination', terminationEffectiveOn: addMonths(TEST_TODAY, 1), reason: 'customer request by letter', vehicle: { market: 'DK', sim: 'ACTIVE' } })
    expect(rows[1]).toMatchObject({ targetState: 'DEACTIVATED', acknowledgementNeeded: true, vehicle: { market: 'PT' } })
    expect(rows[3]).toMatchObject({ targetState: 'ACTIVE', contractEffect: 'cancel-termination' })
    expect(rows[6]!.problem).toEqual({ key: 'bulk.duplicate', params: { line: 2 } })
    const after = await Promise.all([count('SELECT count(*)::int AS n FROM audit_log'), count('SELECT count(*)::int AS n FROM sim_commands'), count('SELECT max(rev)::int AS n FROM vehicles')])
    expect(after).toEqual(before)
  })

  it('refuses a malformed file whole, with the line, and stores nothing', async () => {
    const csv = `${vin(2)},deactivate\n${vin(3)},deactivate\n${vin(5)},deactivate,a,b\n`
    expect(await failure(hotline.call('bulkPreview', { csv }))).toMatchObject({ code: 'bad-request', key: 'bulk.columns', params: { line: 3, found: 4 } })
    expect(await failure(hotline.call('bulkStart', { csv, idempotencyKey: randomUUID() }))).toMatchObject({ code: 'bad-request', key: 'bulk.columns' })
    expect(await count('SELECT count(*)::int AS n FROM bulk_jobs')).toBe(0)
  })

  it('dealer staff: another market’s vehicles are not understood, and nothing about them is shown', async () => {
    const dealer = await backend.as('dealer.dk')
    const { rows } = await dealer.call('bulkPreview', { csv: `${vin(2)},deactivate\n${vin(1)},deactivate` })
    expect(rows[0]).toMatchObject({ outcome: 'ready', vehicle: { market: 'DK' } })
    expect(rows[1]).toMatchObject({ outcome: 'not-understood', problem: { key: 'vehicle.otherMarket', params: { market: 'SE' } }, vehicle: null, targetState: null })
  })
})

describe('a job', () => {
  it('runs each ready row as an ordinary audited SIM command resting on the job, and skips the others', async () => {
    const key = randomUUID()
    const csv = `vin,action,reason\n${vin(2)},deactivate,fleet return\n${vin(4)},deactivate\n${vin(9)},reactivate\n`
    const job = await hotline.call('bulkStart', { csv, fileName: 'fleet.csv', idempotencyKey: key })
    expect(job).toMatchObject({ status: 'running', total: 3, fileName: 'fleet.csv', rows: { skipped: 1 } })
    const done = await finished(job.id)
    expect(done).toMatchObject({ rows: { queued: 0, sent: 2, skipped: 1, refused: 0 }, sim: { confirmed: 2, pending: 0 } })
    // The same key again is the same job, not a second one.
    expect((await hotline.call('bulkStart', { csv, fileName: 'fleet.csv', idempotencyKey: key })).id).toBe(job.id)
    expect(await count('SELECT count(*)::int AS n FROM bulk_jobs')).toBe(1)

    const { rows } = await backend.db.query<{ vin: string; origin: string; verification: { method: string; jobId: string; authorisedByName: string }; agent_name: string; reason: string | null }>(
      `SELECT vin, origin, verification, agent_name, reason FROM sim_commands WHERE origin = 'bulk' ORDER BY vin`
    )
    expect(rows.map((r) => r.vin).sort()).toEqual([vin(2), vin(9)].sort())
    for (const r of rows) expect(r).toMatchObject({ origin: 'bulk', verification: { method: 'bulk-job', jobId: job.id } })
    expect(rows.find((r) => r.vin === vin(2))?.reason).toBe('fleet return')
    const audits = await backend.db.query<{ action: string; agent_name: string | null; details: { jobId?: string; origin?: string } }>(
      `SELECT action, agent_name, details FROM audit_log WHERE vin = ANY($1::text[]) AND action IN ('sim.deactivate', 'sim.reactivate') ORDER BY id`,
      [[vin(2), vin(9)]]
    )
    expect(audits.rows).toHaveLength(2)
    for (const a of audits.rows) expect(a.details).toMatchObject({ origin: 'bulk', jobId: job.id })
    // The rules' effects, as for the agent's own command: a termination pending, a termination cancelled.
    const vehicles = createVehicleService(backend.db)
    expect((await vehicles.get(vin(2))).contract).toMatchObject({ status: 'active', terminationEffectiveOn: addMonths(TEST_TODAY, 1) })
    expect((await vehicles.get(vin(9))).contract).toMatchObject({ status: 'active', terminationEffectiveOn: null })
    expect((await vehicles.get(vin(4))).simCommand?.origin ?? null).not.toBe('bulk')

    const result = await hotline.call('bulkJobRows', { jobId: job.id, limit: 100 })
    expect(result.total).toBe(3)
    expect(result.rows.map((r) => [r.line, r.status, r.problem?.key ?? null, r.commandStatus])).toEqual([
      [2, 'sent', null, 'confirmed'],
      [3, 'skipped', 'bulk.needsAcknowledgement', null],
      [4, 'sent', null, 'confirmed']
    ])
    // Another agent does not see this job; a supervisor does.
    expect(await failure((await backend.as('dealer.dk')).call('bulkJobGet', { jobId: job.id }))).toMatchObject({ key: 'bulk.jobNotFound' })
    expect((await supervisor.call('bulkJobs', {})).map((j) => j.id)).toContain(job.id)
  })

  it('a vehicle whose contract changed after the preview is assessed again when the job starts, and skipped', async () => {
    const [target] = await readyVins(1, [vin(2), vin(9)])
    await backend.db.query(`UPDATE contracts SET status = 'withdrawn' WHERE vin = $1`, [target])
    const job = await hotline.call('bulkStart', { csv: `${target},deactivate\n${vin(7)},reactivate`, idempotencyKey: randomUUID() })
    // Withdrawn before the start: the start's own assessment already skips it.
    const done = await finished(job.id)
    expect(done.rows).toMatchObject({ skipped: 1, sent: 1 })
    const rows = (await hotline.call('bulkJobRows', { jobId: job.id })).rows
    expect(rows[0]).toMatchObject({ status: 'skipped', problem: { key: 'sim.contractWithdrawn' } })
  })

  it('is paused, resumed and cancelled; a cancelled job sends nothing more', async () => {
    await supervisor.call('settingsSet', { key: 'bulk', value: { rolesAllowed: ['hotline', 'dealer'], rowsPerSecond: 1 } })
    try {
      const vins = await readyVins(8, [vin(2), vin(9)])
      const job = await hotline.call('bulkStart', { csv: vins.map((v) => `${v},deactivate`).join('\n'), idempotencyKey: randomUUID() })
      const paused = await hotline.call('bulkPause', { jobId: job.id })
      expect(paused.status).toBe('paused')
      expect(await failure(hotline.call('bulkPause', { jobId: job.id }))).toMatchObject({ code: 'conflict', key: 'bulk.jobStatus', params: { status: 'paused' } })
      // A row already on its way when the pause came finishes; then nothing moves.
      const settledCount = async () => (await hotline.call('bulkJobGet', { jobId: job.id })).rows.queued
      const still = await eventually(
        async () => {
          const a = await settledCount()
          await new Promise((r) => setTimeout(r, 1_500))
          return { a, b: await settledCount() }
        },
        ({ a, b }) => a === b
      )
      expect(still.b).toBeGreaterThan(0)
      await hotline.call('bulkResume', { jobId: job.id })
      await eventually(() => hotline.call('bulkJobGet', { jobId: job.id }), (j) => j.rows.queued < still.b)
      const cancelled = await hotline.call('bulkCancel', { jobId: job.id })
      expect(cancelled.status).toBe('cancelled')
      expect(cancelled.rows.cancelled).toBeGreaterThan(0)
      await new Promise((r) => setTimeout(r, 1_500))
      const final: BulkJobDoc = await hotline.call('bulkJobGet', { jobId: job.id })
      expect(final.rows.queued).toBe(0)
      expect(final.rows.sent + final.rows.cancelled).toBe(8)
      // Exactly the rows that say "sent" have a command.
      expect(await count(`SELECT count(*)::int AS n FROM sim_commands WHERE vin = ANY($1::text[])`, [vins])).toBe(final.rows.sent)
      const actions = (await backend.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE details->>'jobId' = $1 AND action LIKE 'bulk.%' AND outcome = 'ok' ORDER BY id`, [job.id])).rows.map((r) => r.action)
      expect(actions).toEqual(['bulk.start', 'bulk.pause', 'bulk.resume', 'bulk.cancel'])
      // The second pause was refused, and that is on record too.
      expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE details->>'jobId' = $1 AND action = 'bulk.pause' AND outcome = 'refused'`, [job.id])).toBe(1)
    } finally {
      await supervisor.call('settingsSet', { key: 'bulk', value: { rolesAllowed: ['hotline', 'dealer'], rowsPerSecond: 1000 } })
    }
  })

  it('each row is decided again when it runs: a vehicle withdrawn while the job waited is refused, not sent', async () => {
    await supervisor.call('settingsSet', { key: 'bulk', value: { rolesAllowed: ['hotline', 'dealer'], rowsPerSecond: 1 } })
    try {
      const vins = await readyVins(5, [vin(2), vin(9)])
      const fresh = [] as string[]
      for (const v of vins) if ((await count('SELECT count(*)::int AS n FROM sim_commands WHERE vin = $1', [v])) === 0) fresh.push(v)
      const job = await hotline.call('bulkStart', { csv: fresh.map((v) => `${v},deactivate`).join('\n'), idempotencyKey: randomUUID() })
      await hotline.call('bulkPause', { jobId: job.id })
      const last = fresh[fresh.length - 1]!
      const before = (await hotline.call('bulkJobRows', { jobId: job.id })).rows.at(-1)!
      expect(before).toMatchObject({ vin: last, status: 'queued' })
      await backend.db.query(`UPDATE contracts SET status = 'withdrawn' WHERE vin = $1`, [last])
      await supervisor.call('settingsSet', { key: 'bulk', value: { rolesAllowed: ['hotline', 'dealer'], rowsPerSecond: 1000 } })
      await hotline.call('bulkResume', { jobId: job.id })
      await finished(job.id)
      const after = (await hotline.call('bulkJobRows', { jobId: job.id })).rows.at(-1)!
      expect(after).toMatchObject({ vin: last, status: 'refused', problem: { key: 'sim.contractWithdrawn' }, commandId: null })
      expect(await count('SELECT count(*)::int AS n FROM sim_commands WHERE vin = $1', [last])).toBe(0)
      // The refusal is audited like the agent's own.
      expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE vin = $1 AND action = 'sim.deactivate' AND outcome = 'refused'`, [last])).toBe(1)
    } finally {
      await supervisor.call('settingsSet', { key: 'bulk', value: { rolesAllowed: ['hotline', 'dealer'], rowsPerSecond: 1000 } })
    }
  })

  it('a supervisor may forbid bulk jobs for the other roles; the refusal is audited', async () => {
    await supervisor.call('settingsSet', { key: 'bulk', value: { rolesAllowed: ['dealer'], rowsPerSecond: 1000 } })
    try {
      expect(await failure(hotline.call('bulkPreview', { csv: `${vin(3)},deactivate` }))).toMatchObject({ code: 'forbidden', key: 'bulk.roleForbidden', params: { role: 'hotline' } })
      expect(await failure(hotline.call('bulkStart', { csv: `${vin(3)},deactivate`, idempotencyKey: randomUUID() }))).toMatchObject({ code: 'forbidden' })
      expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'bulk.start' AND outcome = 'denied'`)).toBe(1)
      // Supervisors may always.
      expect((await supervisor.call('bulkPreview', { csv: `${vin(3)},deactivate` })).rows).toHaveLength(1)
    } finally {
      await supervisor.call('settingsSet', { key: 'bulk', value: { rolesAllowed: ['hotline', 'dealer'], rowsPerSecond: 1000 } })
    }
  })
})

describe('a job and a restart', () => {
  it('survives the app quitting mid-run: the next start takes it over and applies every row once', async () => {
    const storage = await persistentDatabase({ size: 40, referenceDate: TEST_TODAY })
    try {
      const slow = { bulk: { rolesAllowed: ['hotline', 'dealer'] as ('hotline' | 'dealer')[], rowsPerSecond: 1 } }
      const first = await startTestBackend({ size: 40, database: await storage.open(), defaults: slow })
      const caller = await first.as('hotline')
      const candidates = first.fleet.records.slice(12).map((r) => r.vehicle.vin)
      const preview = await caller.call('bulkPreview', { csv: candidates.map((v) => `${v},deactivate`).join('\n') })
      const vins = preview.rows.filter((r) => r.outcome === 'ready').slice(0, 5).map((r) => r.vin)
      const job = await caller.call('bulkStart', { csv: vins.map((v) => `${v},deactivate`).join('\n'), idempotencyKey: randomUUID() })
      await eventually(() => caller.call('bulkJobGet', { jobId: job.id }), (j) => j.rows.sent >= 1)
      await first.close() // the app quits with the job running

      const second = await startTestBackend({ size: 40, database: await storage.open(), defaults: { bulk: { rolesAllowed: ['hotline', 'dealer'], rowsPerSecond: 1000 } } })
      try {
        const again = await second.as('hotline')
        const done = await eventually(() => again.call('bulkJobGet', { jobId: job.id }), (j) => j.status === 'done' && j.sim.pending === 0)
        expect(done.rows).toMatchObject({ sent: 5, queued: 0 })
        // Once each: one command per vehicle, whichever process sent it.
        const per = await second.db.query<{ vin: string; n: number }>(`SELECT vin, count(*)::int AS n FROM sim_commands WHERE vin = ANY($1::text[]) GROUP BY vin`, [vins])
        expect(per.rows.map((r) => r.n)).toEqual([1, 1, 1, 1, 1])
        const resumed = await second.db.query(`SELECT 1 FROM audit_log WHERE action = 'bulk.resumed' AND details->>'jobId' = $1`, [job.id])
        expect(resumed.rows).toHaveLength(1)
      } finally {
        await second.close()
      }
    } finally {
      await storage.drop()
    }
  })
})
