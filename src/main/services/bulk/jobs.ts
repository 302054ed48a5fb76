import { randomUUID } from 'node:crypto'
import { BulkFileError, parseBulkCsv, type BulkFile } from '@shared/bulk/csv'
import type { BulkJobDoc, BulkJobRowDoc, ParsedRequest } from '@shared/ipc/contract'
import type { SessionAgent } from '../../auth/sessions'
import type { Clock } from '../../clock'
import type { Database, Queryable } from '../../db/database'
import type { Logger } from '../../logger'
import type { Audit } from '../audit'
import { refuse, runCommand, runOnce } from '../command'
import { badRequest, conflict, forbidden, notFound, refused, ServiceError } from '../errors'
import type { Idempotency } from '../idempotency'
import type { Settings } from '../settings'
import type { SimCommandService } from '../sim/service'
import { previewCounts, previewRows, vehiclesByVin } from './preview'
import { createBulkRunner, type ClaimedJob, type QueuedRow, type RowResult } from './runner'

/**
 * Bulk SIM jobs (issue 16): a file of VINs previewed without changing anything, then, on the agent's
 * confirmation, stored as one job (its rows, each with its own idempotency key) and run in main by the
 * runner. Each row is an ordinary SIM command through the same code as the agent's own (sim/requests.ts:
 * vehicle lock, rules, legal-eCall invariant, audit), resting on the job's authorisation instead of a
 * caller check. Dealer staff act for their own market only; a supervisor may forbid bulk jobs for the
 * other roles (setting `bulk`).
 */
export interface BulkDeps {
  db: Database
  clock: Clock
  audit: Audit
  settings: Settings
  idempotency: Idempotency
  sim: Pick<SimCommandService, 'deactivate' | 'reactivate'>
  log: Logger
  owner?: string
  leaseMs?: number
}

const JOB_COLUMNS = `j.id, j.status, j.file_name AS "fileName", j.created_at AS "createdAt", j.created_by_name AS "createdByName",
  j.finished_at AS "finishedAt", j.total,
  count(r.line) FILTER (WHERE r.status = 'queued')::int AS queued,
  count(r.line) FILTER (WHERE r.status = 'skipped')::int AS skipped,
  count(r.line) FILTER (WHERE r.status = 'sent')::int AS sent,
  count(r.line) FILTER (WHERE r.status = 'refused')::int AS refused,
  count(r.line) FILTER (WHERE r.status = 'cancelled')::int AS cancelled,
  count(s.id) FILTER (WHERE s.status = 'pending')::int AS pending,
  count(s.id) FILTER (WHERE s.status = 'confirmed')::int AS confirmed,
  count(s.id) FILTER (WHERE s.status = 'failed')::int AS failed,
  count(s.id) FILTER (WHERE s.status = 'timed-out')::int AS "timedOut"`
const JOB_FROM = `FROM bulk_jobs j LEFT JOIN bulk_job_rows r ON r.job_id = j.id LEFT JOIN sim_commands s ON s.id = r.command_id`

type JobRow = Omit<BulkJobDoc, 'rows' | 'sim'> & Record<'queued' | 'skipped' | 'sent' | 'refused' | 'cancelled' | 'pending' | 'confirmed' | 'failed' | 'timedOut', number>

function toDoc(r: JobRow): BulkJobDoc {
  return {
    id: r.id,
    status: r.status,
    fileName: r.fileName,
    createdAt: r.createdAt,
    createdByName: r.createdByName,
    finishedAt: r.finishedAt,
    total: r.total,
    rows: { queued: r.queued, skipped: r.skipped, sent: r.sent, refused: r.refused, cancelled: r.cancelled },
    sim: { pending: r.pending, confirmed: r.confirmed, failed: r.failed, timedOut: r.timedOut }
  }
}

export function createBulkJobs(deps: BulkDeps) {
  const { db, clock, audit, settings, idempotency, sim } = deps

  /** Supervisors always; hotline and dealer staff unless a supervisor has forbidden it for their role. */
  function mayRun(agent: SessionAgent): boolean {
    return agent.role === 'supervisor' || (settings.get('bulk').rolesAllowed as readonly string[]).includes(agent.role)
  }
  function requireMayRun(agent: SessionAgent): void {
    if (!mayRun(agent)) throw forbidden('bulk.roleForbidden', { role: agent.role })
  }

  function parse(csv: string): BulkFile {
    try {
      return parseBulkCsv(csv)
    } catch (error) {
      if (error instanceof BulkFileError) throw badRequest(error.key, error.params)
      throw error
    }
  }

  async function assess(csv: string, agent: SessionAgent, tx: Queryable = db) {
    const file = parse(csv)
    const docs = await vehiclesByVin(tx, [...new Set(file.rows.flatMap((r) => (r.vin ? [r.vin] : [])))])
    return previewRows(file, docs, agent, clock.today())
  }

  async function jobDoc(tx: Queryable, jobId: string): Promise<BulkJobDoc> {
    const { rows } = await tx.query<JobRow>(`SELECT ${JOB_COLUMNS} ${JOB_FROM} WHERE j.id = $1 GROUP BY j.id`, [jobId])
    if (!rows[0]) throw notFound('bulk.jobNotFound')
    return toDoc(rows[0])
  }

  /** A job this agent may see: their own; a supervisor every job. */
  async function visibleJob(tx: Queryable, agent: SessionAgent, jobId: string, lock = false): Promise<{ status: BulkJobDoc['status'] }> {
    const { rows } = await tx.query<{ status: BulkJobDoc['status']; createdBy: string }>(
      `SELECT status, created_by AS "createdBy" FROM bulk_jobs WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [jobId]
    )
    const job = rows[0]
    if (!job || (agent.role !== 'supervisor' && job.createdBy !== agent.id)) throw notFound('bulk.jobNotFound')
    return job
  }

  async function runRow(job: ClaimedJob, row: QueuedRow): Promise<RowResult> {
    if (!mayRun(job.agent)) return { status: 'refused', problem: { key: 'bulk.roleForbidden', params: { role: job.agent.role } } }
    const authority = { kind: 'bulk-job' as const, jobId: job.id, verification: { method: 'bulk-job', jobId: job.id, line: row.line, ...job.authorisation } }
    const actor = { agent: job.agent, token: null }
    const reason = row.reason ? { reason: row.reason } : {}
    try {
      const outcome =
        row.action === 'deactivate'
          ? await sim.deactivate(actor, { vin: row.vin, idempotencyKey: row.idempotencyKey, expectedTargetState: row.expectedTarget ?? 'ECALL_ONLY', ...reason }, authority)
          : await sim.reactivate(actor, { vin: row.vin, idempotencyKey: row.idempotencyKey, ...reason }, authority)
      return { status: 'sent', commandId: outcome.command.id }
    } catch (error) {
      if (error instanceof ServiceError) return { status: 'refused', problem: { key: error.key, params: error.params } }
      throw error
    }
  }

  const runner = createBulkRunner({
    db,
    clock,
    audit,
    log: deps.log,
    ...(deps.owner ? { owner: deps.owner } : {}),
    ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}),
    rowsPerSecond: () => settings.get('bulk').rowsPerSecond,
    runRow
  })

  async function changeStatus(agent: SessionAgent, jobId: string, action: 'bulk.pause' | 'bulk.resume' | 'bulk.cancel'): Promise<BulkJobDoc> {
    const doc = await runCommand(db, audit, async (tx) => {
      const job = await visibleJob(tx, agent, jobId, true)
      const from: Record<typeof action, readonly string[]> = { 'bulk.pause': ['running'], 'bulk.resume': ['paused'], 'bulk.cancel': ['running', 'paused'] }
      if (!from[action].includes(job.status)) refuse(conflict('bulk.jobStatus', { status: job.status }), { actor: agent, action, details: { jobId } })
      const now = clock.now().toString()
      if (action === 'bulk.pause') await tx.query(`UPDATE bulk_jobs SET status = 'paused', lease_owner = NULL, lease_until = NULL WHERE id = $1`, [jobId])
      if (action === 'bulk.resume') await tx.query(`UPDATE bulk_jobs SET status = 'running' WHERE id = $1`, [jobId])
      if (action === 'bulk.cancel') {
        await tx.query(`UPDATE bulk_jobs SET status = 'cancelled', finished_at = $2, lease_owner = NULL, lease_until = NULL WHERE id = $1`, [jobId, now])
        await tx.query(`UPDATE bulk_job_rows SET status = 'cancelled', processed_at = $2 WHERE job_id = $1 AND status = 'queued'`, [jobId, now])
      }
      await audit.record({ actor: agent, action, outcome: 'ok', details: { jobId, from: job.status } }, tx)
      return jobDoc(tx, jobId)
    })
    if (action === 'bulk.resume') runner.kick(jobId)
    return doc
  }

  return {
    mayRun,

    async preview(agent: SessionAgent, request: ParsedRequest<'bulkPreview'>) {
      requireMayRun(agent)
      const rows = await assess(request.csv, agent)
      return { rows, counts: previewCounts(rows) }
    },

    async start(agent: SessionAgent, request: ParsedRequest<'bulkStart'>): Promise<BulkJobDoc> {
      const action = 'bulk.start'
      const { idempotencyKey, ...asked } = request
      if (!mayRun(agent)) {
        await audit.record({ actor: agent, action, outcome: 'denied', reason: 'bulk.roleForbidden', details: { role: agent.role } })
        throw forbidden('bulk.roleForbidden', { role: agent.role })
      }
      const { result, replayed } = await runOnce(db, audit, idempotency, { agentId: agent.id, method: 'bulkStart', key: idempotencyKey, request: asked, actor: agent, action }, async (tx) => {
        const rows = await assess(request.csv, agent, tx)
        const ready = rows.filter((r) => r.outcome === 'ready')
        if (ready.length === 0) refuse(refused('bulk.nothingToRun'), { actor: agent, action, details: { rows: rows.length } })
        const id = `BULK-${randomUUID()}`
        const now = clock.now().toString()
        // What the agent confirmed, recorded as the verification of each of the job's commands.
        const authorisation = { authorisedBy: agent.id, authorisedByName: agent.displayName, role: agent.role, dealerNumber: agent.dealerNumber, at: now, fileName: request.fileName ?? null, rows: rows.length }
        await tx.query(
          `INSERT INTO bulk_jobs (id, created_by, created_by_name, file_name, status, created_at, total, authorisation) VALUES ($1, $2, $3, $4, 'running', $5, $6, $7)`,
          [id, agent.id, agent.displayName, request.fileName ?? null, now, rows.length, JSON.stringify(authorisation)]
        )
        // One statement for up to 10 000 rows: arrays, unnested by the database.
        await tx.query(
          `INSERT INTO bulk_job_rows (job_id, line, vin, action, reason, idempotency_key, expected_target, status, problem, problem_params, processed_at)
           SELECT $1, line, vin, action, reason, key, target, status, problem, params::jsonb, CASE WHEN status = 'skipped' THEN $11::timestamptz END
           FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) AS t(line, vin, action, reason, key, target, status, problem, params)`,
          [
            id,
            rows.map((r) => r.line),
            rows.map((r) => r.vin.slice(0, 64)),
            rows.map((r) => r.action ?? ''),
            rows.map((r) => r.reason),
            rows.map(() => randomUUID()),
            rows.map((r) => (r.outcome === 'ready' ? r.targetState : null)),
            rows.map((r) => (r.outcome === 'ready' ? 'queued' : 'skipped')),
            rows.map((r) => r.problem?.key ?? null),
            rows.map((r) => (r.problem?.params ? JSON.stringify(r.problem.params) : null)),
            now
          ]
        )
        await audit.record({ actor: agent, action, outcome: 'ok', details: { jobId: id, fileName: request.fileName ?? null, rows: rows.length, queued: ready.length, skipped: rows.length - ready.length } }, tx)
        return jobDoc(tx, id)
      })
      if (!replayed) runner.kick(result.id)
      return replayed ? jobDoc(db, result.id) : result
    },

    async list(agent: SessionAgent): Promise<BulkJobDoc[]> {
      const { rows } = await db.query<JobRow>(
        `SELECT ${JOB_COLUMNS} ${JOB_FROM} WHERE ($1::text IS NULL OR j.created_by = $1) GROUP BY j.id ORDER BY j.created_at DESC LIMIT 20`,
        [agent.role === 'supervisor' ? null : agent.id]
      )
      return rows.map(toDoc)
    },

    async get(agent: SessionAgent, jobId: string): Promise<BulkJobDoc> {
      await visibleJob(db, agent, jobId)
      return jobDoc(db, jobId)
    },

    async rows(agent: SessionAgent, request: ParsedRequest<'bulkJobRows'>): Promise<{ rows: BulkJobRowDoc[]; total: number }> {
      await visibleJob(db, agent, request.jobId)
      const { rows } = await db.query<BulkJobRowDoc & { problemParams: Record<string, string | number | boolean | null> | null; problemKey: string | null }>(
        `SELECT r.line, r.vin, r.action, r.reason, r.status, r.problem AS "problemKey", r.problem_params AS "problemParams", r.command_id AS "commandId",
                s.status AS "commandStatus", s.error AS "commandError", r.processed_at AS "processedAt"
         FROM bulk_job_rows r LEFT JOIN sim_commands s ON s.id = r.command_id
         WHERE r.job_id = $1 ORDER BY r.line LIMIT $2 OFFSET $3`,
        [request.jobId, request.limit, request.offset]
      )
      const total = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM bulk_job_rows WHERE job_id = $1', [request.jobId])).rows[0]?.n ?? 0
      return {
        rows: rows.map(({ problemKey, problemParams, ...r }) => ({ ...r, problem: problemKey ? { key: problemKey, ...(problemParams ? { params: problemParams } : {}) } : null })),
        total
      }
    },

    pause: (agent: SessionAgent, jobId: string) => changeStatus(agent, jobId, 'bulk.pause'),
    resume: (agent: SessionAgent, jobId: string) => changeStatus(agent, jobId, 'bulk.resume'),
    cancel: (agent: SessionAgent, jobId: string) => changeStatus(agent, jobId, 'bulk.cancel'),

    startRunner: (options: { exclusive: boolean }) => runner.start(options),
    poll: () => runner.poll(),
    running: () => runner.running(),
    close: () => runner.close()
  }
}

export type BulkJobs = ReturnType<typeof createBulkJobs>
