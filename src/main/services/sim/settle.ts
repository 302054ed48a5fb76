import { Temporal } from 'temporal-polyfill'
import { toVehicleFacts } from '@shared/domain/facts'
import type { SimCommandDoc, SimState } from '@shared/ipc/schemas'
import { mustKeepSim } from '@shared/rules'
import type { Clock } from '../../clock'
import type { Database } from '../../db/database'
import { lockVehicle } from '../../db/sql-locks'
import type { Audit } from '../audit'
import type { VehicleService } from '../vehicles'
import { reconcileWithdrawnSim } from './reconcile'
import { retriesByItself, retryDelayMs } from './store'
import type { TelematicsErrorCode } from './telematics'

/**
 * What the unit's answer (or its silence) does, decided on the locked vehicle in one transaction: a
 * confirmation makes the target the vehicle's state (the legal-eCall invariant checked once more); a
 * failure or a timeout ends the attempt, and a command that must reach its target is tried again later.
 * A late answer to an attempt that is no longer current changes nothing, so every result applies once.
 * Afterwards a withdrawn contract's SIM is brought in line (reconcile.ts).
 */
export type AttemptOutcome = { ok: true } | { ok: false; error: TelematicsErrorCode | 'invariant-stop' } | 'timeout'

export interface SettleDeps {
  db: Database
  clock: Clock
  audit: Audit
  vehicles: VehicleService
  timeoutMs: () => number
}

export interface Settlement {
  vin: string
  changed: boolean
  /** A command queued by this settlement (a retry waits for its time; a reconcile command is due now). */
  followUp: string | null
}

interface Row {
  vin: string
  status: SimCommandDoc['status']
  attempts: number
  target_state: SimState
  action: 'deactivate' | 'reactivate'
  agent_name: string
  origin: SimCommandDoc['origin']
  contract_effect: SimCommandDoc['contractEffect']
  next_attempt_at: string | null
}

export async function settleAttempt(deps: SettleDeps, id: string, attempt: number, outcome: AttemptOutcome): Promise<Settlement> {
  const { db, clock, audit, vehicles } = deps
  const vin = (await db.query<{ vin: string }>('SELECT vin FROM sim_commands WHERE id = $1', [id])).rows[0]?.vin
  if (!vin) return { vin: '', changed: false, followUp: null }
  return db.transaction(async (tx) => {
    await lockVehicle(tx, vin)
    const { rows } = await tx.query<Row>(
      `SELECT vin, status, attempts, target_state, action, agent_name, origin, contract_effect, next_attempt_at FROM sim_commands WHERE id = $1 FOR UPDATE`,
      [id]
    )
    const row = rows[0]
    if (!row || row.status !== 'pending' || row.attempts !== attempt || row.next_attempt_at !== null) return { vin, changed: false, followUp: null }
    const now = clock.now()
    const requestedBy = row.agent_name
    let followUp: string | null = null
    if (outcome !== 'timeout' && outcome.ok) {
      const facts = toVehicleFacts(await vehicles.get(vin, tx))
      if (row.target_state === 'DEACTIVATED' && (!facts || mustKeepSim(facts))) {
        await tx.query(`UPDATE sim_commands SET status = 'failed', error = 'invariant-stop', completed_at = $2, lease_owner = NULL, lease_until = NULL WHERE id = $1`, [id, now.toString()])
        await audit.record({ actor: null, action: 'sim.invariant-stop', vin, outcome: 'error', reason: 'legal-ecall-at-confirmation', details: { commandId: id } }, tx)
      } else {
        await tx.query('UPDATE vehicles SET sim_state = $2 WHERE vin = $1', [vin, row.target_state])
        await tx.query(`UPDATE sim_commands SET status = 'confirmed', completed_at = $2, error = NULL, lease_owner = NULL, lease_until = NULL WHERE id = $1`, [id, now.toString()])
        await audit.record({ actor: null, action: 'sim.confirmed', vin, outcome: 'ok', details: { commandId: id, attempt, targetState: row.target_state, requestedBy } }, tx)
      }
    } else {
      const timedOut = outcome === 'timeout'
      const error = timedOut ? 'no-answer' : outcome.error
      const final = error === 'invariant-stop' || !retriesByItself({ origin: row.origin, contractEffect: row.contract_effect, action: row.action })
      if (final) {
        await tx.query(`UPDATE sim_commands SET status = $2, completed_at = $3, error = $4, lease_owner = NULL, lease_until = NULL WHERE id = $1`, [id, timedOut ? 'timed-out' : 'failed', now.toString(), error])
      } else {
        const retryAt = now.add({ milliseconds: retryDelayMs(attempt) })
        await tx.query(
          `UPDATE sim_commands SET attempts = $2, next_attempt_at = $3, deadline_at = $4, error = $5, lease_owner = NULL, lease_until = NULL WHERE id = $1`,
          [id, attempt + 1, retryAt.toString(), retryAt.add({ milliseconds: deps.timeoutMs() }).toString(), error]
        )
        followUp = id
      }
      await audit.record(
        {
          actor: null,
          action: timedOut ? 'sim.timed-out' : error === 'invariant-stop' ? 'sim.invariant-stop' : 'sim.failed',
          vin,
          outcome: error === 'invariant-stop' ? 'error' : 'failed',
          reason: error,
          details: { commandId: id, attempt, requestedBy, ...(final ? {} : { nextAttemptAt: Temporal.Instant.from(now.toString()).add({ milliseconds: retryDelayMs(attempt) }).toString() }) }
        },
        tx
      )
    }
    const reconciled = await reconcileWithdrawnSim({
      tx,
      vin,
      now: now.toString(),
      deadlineAt: now.add({ milliseconds: deps.timeoutMs() }).toString(),
      audit,
      vehicles,
      actor: null,
      origin: 'reconcile'
    })
    return { vin, changed: true, followUp: reconciled ?? followUp }
  })
}
