import { Temporal } from 'temporal-polyfill'
import { toVehicleFacts } from '@shared/domain/facts'
import type { SimState } from '@shared/ipc/schemas'
import { isTargetStateAllowed } from '@shared/rules'
import type { Logger } from '../../logger'
import { createLeaseLoop } from '../lease-loop'
import { settleAttempt, type AttemptOutcome, type SettleDeps, type Settlement } from './settle'
import type { TelematicsPort } from './telematics'

/**
 * Sends pending SIM commands to the telematics unit, after the command's transaction has committed, from
 * the stored row. A command is sent by one process at a time: it is claimed with a lease
 * (`FOR UPDATE SKIP LOCKED`, then `lease_owner`/`lease_until`), renewed while the answer is awaited; when
 * a process dies, its leases run out and another process takes the commands over (sending the same
 * attempt again: the unit treats a repeated command id as one). A poll finds due retries, taken-over
 * commands and attempts past their deadline; `kick` sends a new command at once.
 */
export interface DispatcherOptions extends SettleDeps {
  telematics: TelematicsPort
  log: Logger
  /** This process, in lease rows (a server instance's id). */
  owner?: string
  leaseMs?: number
  pollMs?: number
  /** Called after every settlement that changed something (pushes, notifications). */
  onSettled?: (settlement: Settlement) => void
}

interface Claimed {
  id: string
  vin: string
  targetState: SimState
  attempts: number
  deadlineAt: string
}

export function createDispatcher(options: DispatcherOptions) {
  const { db, clock, telematics, log } = options
  const loop = createLeaseLoop<Claimed>(options, {
    claim,
    renew: (command): Promise<unknown> => db.query(`UPDATE sim_commands SET lease_until = $3 WHERE id = $1 AND lease_owner = $2 AND status = 'pending'`, [command.id, owner, leaseUntil()]),
    run,
    messages: {
      renewFailed: 'sim: could not renew a lease',
      runFailed: () => 'sim: dispatch failed',
      claimFailed: 'sim: could not claim a command',
      pollFailed: 'sim: poll failed'
    }
  })
  const { owner, leaseUntil, kick } = loop

  /** Claims due commands (or one by id): not leased by a live process, and not waiting for a retry. */
  async function claim(id: string | null, limit = 20): Promise<Claimed[]> {
    return db.transaction(async (tx) => {
      const now = clock.now()
      const { rows } = await tx.query<Claimed & { waiting: boolean; previousOwner: string | null }>(
        `SELECT id, vin, target_state AS "targetState", attempts, deadline_at AS "deadlineAt", next_attempt_at IS NOT NULL AS waiting,
                lease_owner AS "previousOwner"
         FROM sim_commands
         WHERE status = 'pending' AND ($1::text IS NULL OR id = $1)
           AND (lease_until IS NULL OR lease_until < $2 OR ($4 AND lease_owner <> $5))
           AND (next_attempt_at IS NULL OR next_attempt_at <= $2)
         ORDER BY requested_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [id, now.toString(), limit, loop.exclusive(), owner]
      )
      const claimed: Claimed[] = []
      for (const row of rows) {
        if (row.previousOwner && row.previousOwner !== owner) {
          // Another process (an earlier run of the app, a server instance that died) had sent it: this one
          // takes it over and sends the same attempt again.
          await options.audit.record({ actor: null, action: 'sim.resumed', vin: row.vin, outcome: 'ok', reason: 'taken-over', details: { commandId: row.id, attempt: row.attempts, previousOwner: row.previousOwner } }, tx)
        }
        // A scheduled retry starts its attempt now: its deadline counts from here.
        const deadlineAt = row.waiting ? now.add({ milliseconds: options.timeoutMs() }).toString() : row.deadlineAt
        await tx.query(`UPDATE sim_commands SET lease_owner = $2, lease_until = $3, next_attempt_at = NULL, deadline_at = $4 WHERE id = $1`, [row.id, owner, leaseUntil(), deadlineAt])
        claimed.push({ id: row.id, vin: row.vin, targetState: row.targetState, attempts: row.attempts, deadlineAt })
      }
      return claimed
    })
  }

  async function settle(id: string, attempt: number, outcome: AttemptOutcome): Promise<void> {
    const settlement = await settleAttempt(options, id, attempt, outcome)
    if (!settlement.changed) return
    options.onSettled?.(settlement)
    if (settlement.followUp) kick(settlement.followUp)
  }

  async function run(command: Claimed): Promise<void> {
    const remaining = Temporal.Instant.from(command.deadlineAt).epochMilliseconds - clock.now().epochMilliseconds
    if (remaining <= 0) {
      await settle(command.id, command.attempts, 'timeout')
      return
    }
    // The invariant, again, at execution: the vehicle may have changed since the request.
    const facts = toVehicleFacts(await options.vehicles.get(command.vin))
    if (command.targetState === 'DEACTIVATED' && (!facts || !isTargetStateAllowed(facts, 'DEACTIVATED'))) {
      await settle(command.id, command.attempts, { ok: false, error: 'invariant-stop' })
      return
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    const silence = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), remaining)
      timer.unref?.()
    })
    const answer = await Promise.race([
      telematics
        .send({ commandId: command.id, vin: command.vin, targetState: command.targetState, attempt: command.attempts })
        .catch((error: unknown): AttemptOutcome => {
          log.warn('sim: the telematics service failed', error)
          return { ok: false, error: 'telematics-failed' }
        }),
      silence
    ])
    clearTimeout(timer)
    if (!loop.closed()) await settle(command.id, command.attempts, answer)
  }

  return {
    owner,
    /** Sends one command now (after its transaction committed); another process may already hold it. */
    kick,
    poll: loop.poll,

    /**
     * Starts the loop. `exclusive` (the embedded database, which one process holds): leases of an earlier
     * run of this app are void at once instead of running out.
     */
    async start(startOptions: { exclusive: boolean }): Promise<{ pending: number }> {
      let pending = 0
      await loop.start(startOptions, async () => {
        const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sim_commands WHERE status = 'pending'`)
        pending = rows[0]?.n ?? 0
        if (pending) log.info(`sim: ${pending} pending command(s) to resume or time out`)
      })
      return { pending }
    },

    /** Commands this process is waiting on (tests; the updater waits for none). */
    inFlight: loop.running,

    close: loop.close
  }
}

export type Dispatcher = ReturnType<typeof createDispatcher>
