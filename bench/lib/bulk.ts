/**
 * Bulk SIM jobs (issue 16), measured on the real backend in Node: an embedded PGlite with a demo fleet,
 * the router as the renderer calls it. Preview: a file of 10 000 rows, assessed without changing anything
 * (rows per second). Run: a job of `runRows` ready deactivations with the simulated telematics unit
 * answering at once (latency 0, no failures) and the throttle at its maximum, timed from the start until
 * every row was sent and every command settled (rows per second).
 */
import { join } from 'node:path'
import { createBackend, type Backend } from '../../src/main/backend'
import { systemClock } from '../../src/main/clock'
import type { Logger } from '../../src/main/logger'
import { contract, type Method, type Request, type Response } from '../../src/shared/ipc/contract'
import { generateFleet } from '../../src/shared/fleet/generate'
import { elapsed } from './stats'

export interface BulkFigures {
  previewRows: number
  previewMs: number
  previewRowsPerSecond: number
  runRows: number
  runMs: number
  runRowsPerSecond: number
  confirmed: number
}

function caller(backend: Backend) {
  let token: string | null = null
  const ctx = { transport: 'harness' as const, get sessionToken() { return token }, setSessionToken(next: string | null) { token = next } }
  return async function call<M extends Method>(method: M, request: Request<M>): Promise<Response<M>> {
    const result = await backend.router.handle(contract[method].channel, request, ctx)
    if (!result.ok) throw new Error(`${method}: ${result.error.key}`)
    return result.data as Response<M>
  }
}

export async function measureBulk(root: string, options: { fleetSize: number; previewRows: number; runRows: number; today: string; log: Logger }): Promise<BulkFigures> {
  const backend = await createBackend({
    dataDir: 'memory',
    resourcesDir: join(root, 'resources'),
    demoFleet: { size: options.fleetSize },
    clock: systemClock({ fixedToday: options.today }),
    log: options.log,
    transport: 'harness',
    version: 'bench',
    signInLimits: { perAccount: 1000, perClient: 1000 },
    defaults: { telematics: { minLatencyMs: 0, maxLatencyMs: 0, failureRate: 0, timeoutMs: 60_000 }, bulk: { rolesAllowed: ['hotline', 'dealer'], rowsPerSecond: 1000 } }
  })
  try {
    const call = caller(backend)
    await call('signIn', { username: 'supervisor', password: 'demo-supervisor' })
    const fleet = generateFleet({ size: options.fleetSize, referenceDate: options.today })
    const vins = fleet.records.slice(12, 12 + options.previewRows).map((r) => r.vehicle.vin)
    const csv = ['vin,action,reason', ...vins.map((v) => `${v},deactivate,bench`)].join('\n')

    let t = performance.now()
    const preview = await call('bulkPreview', { csv, fileName: 'bench.csv' })
    const previewMs = elapsed(t)
    if (preview.rows.length !== vins.length) throw new Error(`the preview has ${preview.rows.length} rows, expected ${vins.length}`)

    const ready = preview.rows.filter((r) => r.outcome === 'ready').slice(0, options.runRows).map((r) => r.vin)
    t = performance.now()
    const job = await call('bulkStart', { csv: ready.map((v) => `${v},deactivate`).join('\n'), fileName: 'bench-run.csv', idempotencyKey: crypto.randomUUID() })
    let doc = job
    while (doc.status === 'running' || doc.sim.pending > 0) {
      await new Promise((r) => setTimeout(r, 50))
      doc = await call('bulkJobGet', { jobId: job.id })
    }
    const runMs = elapsed(t)
    return {
      previewRows: vins.length,
      previewMs,
      previewRowsPerSecond: (vins.length / previewMs) * 1000,
      runRows: ready.length,
      runMs,
      runRowsPerSecond: (ready.length / runMs) * 1000,
      confirmed: doc.sim.confirmed
    }
  } finally {
    await backend.close()
  }
}
