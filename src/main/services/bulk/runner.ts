import type { SessionAgent } from '../../auth/sessions'
import type { Clock } from '../../clock'
import type { Database } from '../../db/database'
import type { Logger } from '../../logger'
import type { Audit } from '../audit'
import { createLeaseLoop } from '../lease-loop'
import type { BulkProblem } from '@shared/bulk/csv'

/**
 * Runs bulk jobs: one process at a time per job, under a lease (the SIM dispatcher's pattern: claimed with
 * `FOR UPDATE SKIP LOCKED`, `lease_owner`/`lease_until` renewed while it runs; a process that dies leaves
 * its lease to run out and another process, or the next start of the app, takes the job over). Rows are
 * taken one at a time in line order, at most `rowsPerSecond` a second; a paused or cancelled job stops
 * before its next row. A row run twice (a take-over after a crash between the command and the row's
 * update) is answered by its idempotency key with the first result: every row is applied once.
 */
export interface QueuedRow {
  line: number
  vin: string
  action: 'deactivate' | 'reactivate'
  reason: string | null
  idempotencyKey: string
  expectedTarget: 'ECALL_ONLY' | 'DEACTIVATED' | 'ACTIVE' | null
}

export interface ClaimedJob {
  id: string
  agent: SessionAgent
  authorisation: Record<string, unknown>
}

export type RowResult = { status: 'sent'; commandId: string } | { status: 'refused'; problem: BulkProblem }

export interface BulkRunnerOptions {
  db: Database
  clock: Clock
  audit: Audit
  log: Logger
  owner?: string
  leaseMs?: number
  pollMs?: number
  rowsPerSecond: () => number
  /** One row as an ordinary SIM command; a refusal is a result, anything else stops the job's loop for now. */
  runRow(job: ClaimedJob, row: QueuedRow): Promise<RowResult>
  onProgress?: (jobId: string) => void
}

interface JobRow {
  id: string
  authorisation: Record<string, unknown>
  previousOwner: string | null
  agentId: string
  username: string
  displayName: string
  role: SessionAgent['role']
  dealerNumber: string | null
  language: SessionAgent['language']
}

export function createBulkRunner(options: BulkRunnerOptions) {
  const { db, clock, audit } = options
  const loop = createLeaseLoop<ClaimedJob>(options, {
    claim,
    renew: (job) => holdLease(job.id),
    run,
    messages: {
      renewFailed: 'bulk: could not renew a lease',
      // A failure (the database gone for a moment) leaves the row queued; the next poll picks the job up again.
      runFailed: (job) => `bulk: job ${job.id} stopped`,
      claimFailed: 'bulk: could not claim a job',
      pollFailed: 'bulk: poll failed'
    }
  })
  const { owner, leaseUntil } = loop

  async function claim(id: string | null): Promise<ClaimedJob[]> {
    return db.transaction(async (tx) => {
      const now = clock.now().toString()
      const { rows } = await tx.query<JobRow>(
        `SELECT j.id, j.authorisation, j.lease_owner AS "previousOwner", a.id AS "agentId", a.username, a.display_name AS "displayName", a.role,
                a.dealer_number AS "dealerNumber", a.language
         FROM bulk_jobs j JOIN agents a ON a.id = j.created_by
         WHERE j.status = 'running' AND ($1::text IS NULL OR j.id = $1)
           AND (j.lease_until IS NULL OR j.lease_until < $2 OR j.lease_owner = $3 OR ($4 AND j.lease_owner <> $3))
         ORDER BY j.created_at LIMIT 5 FOR UPDATE OF j SKIP LOCKED`,
        [id, now, owner, loop.exclusive()]
      )
      const claimed: ClaimedJob[] = []
      for (const row of rows) {
        if (loop.isRunning(row.id)) continue
        if (row.previousOwner && row.previousOwner !== owner) {
          await audit.record({ actor: null, action: 'bulk.resumed', outcome: 'ok', reason: 'taken-over', details: { jobId: row.id, previousOwner: row.previousOwner } }, tx)
        }
        await tx.query('UPDATE bulk_jobs SET lease_owner = $2, lease_until = $3 WHERE id = $1', [row.id, owner, leaseUntil()])
        claimed.push({
          id: row.id,
          authorisation: row.authorisation,
          agent: { id: row.agentId, username: row.username, displayName: row.displayName, role: row.role, dealerNumber: row.dealerNumber, language: row.language }
        })
      }
      return claimed
    })
  }

  /** Renews the lease; false when the job is no longer this process's to run (paused, cancelled, taken). */
  async function holdLease(jobId: string): Promise<boolean> {
    const { rows } = await db.query(`UPDATE bulk_jobs SET lease_until = $3 WHERE id = $1 AND lease_owner = $2 AND status = 'running' RETURNING id`, [jobId, owner, leaseUntil()])
    return rows.length > 0
  }

  async function run(job: ClaimedJob): Promise<void> {
    for (;;) {
      if (loop.closed() || !(await holdLease(job.id))) return
      const { rows } = await db.query<QueuedRow>(
        `SELECT line, vin, action, reason, idempotency_key AS "idempotencyKey", expected_target AS "expectedTarget"
         FROM bulk_job_rows WHERE job_id = $1 AND status = 'queued' ORDER BY line LIMIT 1`,
        [job.id]
      )
      const row = rows[0]
      if (!row) {
        await db.transaction(async (tx) => {
          const done = await tx.query(`UPDATE bulk_jobs SET status = 'done', finished_at = $2, lease_owner = NULL, lease_until = NULL WHERE id = $1 AND status = 'running' RETURNING id`, [job.id, clock.now().toString()])
          if (done.rows.length) await audit.record({ actor: null, action: 'bulk.done', outcome: 'ok', details: { jobId: job.id } }, tx)
        })
        options.onProgress?.(job.id)
        return
      }
      const started = Date.now()
      const result = await options.runRow(job, row)
      // The row says what happened, even when the job was cancelled meanwhile: a command that was sent, was sent.
      await db.query(
        `UPDATE bulk_job_rows SET status = $3, problem = $4, problem_params = $5, command_id = $6, processed_at = $7 WHERE job_id = $1 AND line = $2`,
        [
          job.id,
          row.line,
          result.status,
          result.status === 'refused' ? result.problem.key : null,
          result.status === 'refused' && result.problem.params ? JSON.stringify(result.problem.params) : null,
          result.status === 'sent' ? result.commandId : null,
          clock.now().toString()
        ]
      )
      options.onProgress?.(job.id)
      const wait = 1000 / Math.max(1, options.rowsPerSecond()) - (Date.now() - started)
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }

  return {
    owner,
    poll: loop.poll,
    /** Runs a job now (just started or resumed); another process may already hold it. */
    kick: loop.kick,
    /** `exclusive`: the embedded database, held by one process: an earlier run's leases are void at once. */
    start: (startOptions: { exclusive: boolean }): Promise<void> => loop.start(startOptions),
    running: loop.running,
    close: loop.close
  }
}

export type BulkRunner = ReturnType<typeof createBulkRunner>
