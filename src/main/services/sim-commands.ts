import { randomUUID } from 'node:crypto'
import { Temporal } from 'temporal-polyfill'
import { toServicePurchases, toVehicleFacts } from '@shared/domain/facts'
import type { SimCommandDoc, SimState, VehicleDoc } from '@shared/ipc/schemas'
import {
  assessSimDeactivation,
  assessSimReactivation,
  assessWithdrawal,
  isTargetStateAllowed,
  mustKeepSim,
  SIM_WARNING_TEXT,
  type VehicleFacts
} from '@shared/rules'
import type { SessionAgent } from '../auth/sessions'
import type { Clock } from '../config'
import type { Database, Queryable } from '../db/database'
import type { Logger } from '../logger'
import type { Audit } from './audit'
import { mayActOnMarket, type CallerCheck, type CallerChecks } from './callers'
import { insertWithdrawalCase } from './cases'
import { ConflictError, RefusedError, ServiceError } from './errors'
import type { Idempotency } from './idempotency'
import { keyedMutex } from './locks'
import type { SimulatorSettings, TelematicsAnswer, TelematicsPort } from './telematics'
import { currentRevision, type VehicleService } from './vehicles'

/**
 * SIM deactivation and reactivation (RULES.md §2–§4). Main decides: the request carries only what the
 * agent asked for and saw; the rules are applied again here with main's date, the legal-eCall invariant
 * is checked when the command is written, when it is sent and when the unit confirms it, and the
 * command, its contract effect and its audit record commit together before the unit is asked.
 */
export interface Actor {
  agent: SessionAgent
  sessionId: string
}

export interface DeactivateRequest {
  vin: string
  idempotencyKey: string
  /** What the agent was shown and confirmed; a different outcome here means the agent did not confirm it. */
  expectedTargetState: SimState
  acknowledgement?: { emergencyCallLoss: boolean; warningsReadOut: boolean } | undefined
  reason?: string | undefined
}

export interface ReactivateRequest {
  vin: string
  idempotencyKey: string
  reason?: string | undefined
}

export interface RetryRequest {
  commandId: string
  idempotencyKey: string
}

export interface SimCommandResult {
  command: SimCommandDoc
}

interface Deps {
  db: Database
  clock: Clock
  audit: Audit
  vehicles: VehicleService
  callers: CallerChecks
  telematics: TelematicsPort
  telematicsSettings: () => SimulatorSettings
  idempotency: Idempotency
  notify: (head: number) => void
  log: Logger
}

const COMMAND_COLUMNS = `id, vin, action, from_state AS "fromState", target_state AS "targetState", status,
  requested_at AS "requestedAt", completed_at AS "completedAt", error, attempts, agent_name AS "agentName",
  contract_effect AS "contractEffect", termination_effective_on AS "terminationEffectiveOn"`

export function createSimCommandService(deps: Deps) {
  const { db, clock, audit, vehicles, callers, telematics, idempotency, log } = deps
  const withLock = keyedMutex()
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  let closed = false

  async function notify(): Promise<void> {
    deps.notify(await currentRevision(db))
  }

  async function commandDoc(tx: Queryable, id: string): Promise<SimCommandDoc> {
    const { rows } = await tx.query<SimCommandDoc>(`SELECT ${COMMAND_COLUMNS} FROM sim_commands WHERE id = $1`, [id])
    if (!rows[0]) throw new ServiceError('not-found', `No SIM command ${id}.`)
    return rows[0]
  }

  /** Refusals are audited with their reason, then answered with a typed error; nothing else changes. */
  async function refuse(actor: Actor, action: string, vin: string, reason: string, details?: unknown, kind: 'refused' | 'conflict' | 'forbidden' = 'refused'): Promise<never> {
    await audit.record({ actor: actor.agent, action, vin, outcome: kind === 'forbidden' ? 'denied' : 'refused', reason, details })
    if (kind === 'conflict') throw new ConflictError(reason)
    if (kind === 'forbidden') throw new ServiceError('forbidden', reason)
    throw new RefusedError(reason)
  }

  async function checkScope(actor: Actor, action: string, vehicle: VehicleDoc): Promise<void> {
    if (!mayActOnMarket(actor.agent, vehicle.market)) {
      await refuse(actor, action, vehicle.vin, `Dealer ${actor.agent.dealerNumber} cannot act on a vehicle of the ${vehicle.market} market.`, undefined, 'forbidden')
    }
  }

  /** RULES.md §8, D11: the hotline verifies the caller; dealer staff record the identity document. */
  async function requireCheck(actor: Actor, action: string, vin: string): Promise<CallerCheck> {
    const check = await callers.fitting(actor.sessionId, actor.agent, vin)
    if (!check) {
      return refuse(
        actor,
        action,
        vin,
        actor.agent.role === 'dealer'
          ? 'Record the identity document you checked before changing the SIM.'
          : 'Verify the caller first (exact name, full VIN, and customer number or postcode). (D11)'
      )
    }
    return check
  }

  async function factsOf(actor: Actor, action: string, vehicle: VehicleDoc): Promise<VehicleFacts> {
    const facts = toVehicleFacts(vehicle)
    if (!facts) return refuse(actor, action, vehicle.vin, 'This vehicle has no MINI Connected contract on record, so there is no SIM service to change.')
    return facts
  }

  function deadlineFrom(now: Temporal.Instant): string {
    return now.add({ milliseconds: deps.telematicsSettings().timeoutMs }).toString()
  }

  // ---- execution: the unit is asked after commit; its answer (or silence) settles the attempt ----

  function dispatch(command: { id: string; vin: string; targetState: SimState; attempts: number; deadlineAt: string }): void {
    if (closed) return
    const remaining = Temporal.Instant.from(command.deadlineAt).epochMilliseconds - clock.now().epochMilliseconds
    const timer = setTimeout(() => void settle(command.id, command.attempts, 'timeout'), Math.max(0, remaining))
    timer.unref?.()
    timers.set(command.id, timer)
    void (async () => {
      // The invariant, again, at execution: the vehicle may have changed since the request.
      const vehicle = await vehicles.get(command.vin)
      const facts = toVehicleFacts(vehicle)
      if (command.targetState === 'DEACTIVATED' && (!facts || !isTargetStateAllowed(facts, 'DEACTIVATED'))) {
        await settle(command.id, command.attempts, { ok: false, error: 'Refused at execution: the vehicle has legal eCall or legal map data, so its SIM can never be fully deactivated.' }, true)
        return
      }
      const answer = await telematics
        .send({ commandId: command.id, vin: command.vin, targetState: command.targetState, attempt: command.attempts })
        .catch((error: unknown): TelematicsAnswer => ({ ok: false, error: `The telematics service failed: ${(error as Error).message}` }))
      await settle(command.id, command.attempts, answer)
    })().catch((error: unknown) => log.error('sim: dispatch failed', error))
  }

  async function settle(id: string, attempt: number, outcome: TelematicsAnswer | 'timeout', invariantStop = false): Promise<void> {
    if (closed) return
    const vin = (await db.query<{ vin: string }>('SELECT vin FROM sim_commands WHERE id = $1', [id])).rows[0]?.vin
    if (!vin) return
    await withLock(vin, async () => {
      const changed = await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ status: string; attempts: number; target_state: SimState; action: string; agent_id: string; agent_name: string }>(
          'SELECT status, attempts, target_state, action, agent_id, agent_name FROM sim_commands WHERE id = $1 FOR UPDATE',
          [id]
        )
        const row = rows[0]
        // A late answer to an attempt that already timed out, or was retried, changes nothing.
        if (!row || row.status !== 'pending' || row.attempts !== attempt) return false
        const requestedBy = row.agent_name
        const now = clock.now().toString()
        if (outcome !== 'timeout' && outcome.ok) {
          const vehicle = await vehicles.get(vin, tx)
          const facts = toVehicleFacts(vehicle)
          if (row.target_state === 'DEACTIVATED' && (!facts || mustKeepSim(facts))) {
            await tx.query(`UPDATE sim_commands SET status = 'failed', error = $2, completed_at = $3 WHERE id = $1`, [id, 'Refused at confirmation: legal eCall present.', now])
            await audit.record({ actor: null, action: 'sim.invariant-stop', vin, outcome: 'error', reason: 'confirmation would have deactivated a legal-eCall SIM', details: { commandId: id } }, tx)
            return true
          }
          await tx.query('UPDATE vehicles SET sim_state = $2 WHERE vin = $1', [vin, row.target_state])
          await tx.query(`UPDATE sim_commands SET status = 'confirmed', completed_at = $2, error = NULL WHERE id = $1`, [id, now])
          await audit.record({ actor: null, action: 'sim.confirmed', vin, outcome: 'ok', details: { commandId: id, attempt, targetState: row.target_state, requestedBy } }, tx)
        } else {
          const timedOut = outcome === 'timeout'
          const error = timedOut ? 'The telematics unit did not answer in time.' : outcome.error
          await tx.query(`UPDATE sim_commands SET status = $2, completed_at = $3, error = $4 WHERE id = $1`, [id, timedOut ? 'timed-out' : 'failed', now, error])
          await audit.record(
            { actor: null, action: timedOut ? 'sim.timed-out' : 'sim.failed', vin, outcome: invariantStop ? 'error' : 'failed', reason: error, details: { commandId: id, attempt, requestedBy } },
            tx
          )
        }
        return true
      })
      const timer = timers.get(id)
      if (timer) clearTimeout(timer)
      timers.delete(id)
      if (changed) await notify()
    })
  }

  // ---- requests ----

  async function replayOr<T>(key: string, method: string, agent: SessionAgent, work: () => Promise<T>): Promise<T> {
    const earlier = await idempotency.find<T>(key, method, agent.id)
    if (earlier !== undefined) return earlier
    return work()
  }

  return {
    async deactivate(actor: Actor, request: DeactivateRequest): Promise<SimCommandResult> {
      const action = 'sim.deactivate'
      return withLock(request.vin, () =>
        replayOr(request.idempotencyKey, 'simDeactivate', actor.agent, async () => {
          const vehicle = await vehicles.get(request.vin)
          await checkScope(actor, action, vehicle)
          const facts = await factsOf(actor, action, vehicle)
          const today = clock.today()
          const assessment = assessSimDeactivation(facts, today)
          const summary = { targetState: assessment.targetState, contractEffect: assessment.contractEffect, clauses: assessment.clauses }

          if (request.expectedTargetState !== assessment.targetState || !isTargetStateAllowed(facts, request.expectedTargetState)) {
            const legal = !isTargetStateAllowed(facts, 'DEACTIVATED')
            await refuse(
              actor,
              action,
              vehicle.vin,
              legal && request.expectedTargetState === 'DEACTIVATED'
                ? 'Refused: this vehicle has legal eCall (or legal map data), so its SIM can never be fully deactivated. It can only be restricted to legal eCall.'
                : `Refused: the request expected ${request.expectedTargetState}, but the rules give ${assessment.targetState} today. Reopen the dialog to see the current assessment.`,
              { expectedTargetState: request.expectedTargetState, assessment: summary }
            )
          }
          if (vehicle.simCommand?.status === 'pending') {
            await refuse(actor, action, vehicle.vin, 'A SIM command for this vehicle is already pending. Wait for it to be confirmed, fail or time out.', undefined, 'conflict')
          }
          if (!assessment.allowed) {
            const why = {
              'already-deactivated': `The SIM is already ${facts.sim === 'ECALL_ONLY' ? 'restricted to legal eCall' : 'deactivated'}.`,
              'contract-withdrawn': 'The MINI Connected contract was withdrawn: there is nothing left to deactivate.',
              'contract-ended': 'The MINI Connected contract has ended.'
            }[assessment.refusal ?? 'contract-ended']
            await refuse(actor, action, vehicle.vin, why, { assessment: summary })
          }
          if (assessment.requiresAcknowledgement && request.acknowledgement?.emergencyCallLoss !== true) {
            await refuse(actor, action, vehicle.vin, 'Refused: the customer must acknowledge that no emergency call will work after the SIM is deactivated. (RULES.md §3)', { assessment: summary })
          }
          const check = await requireCheck(actor, action, vehicle.vin)

          const now = clock.now()
          const id = `SIM-${randomUUID()}`
          const effectiveOn = assessment.contractEffect === 'termination' ? (assessment.terminationEffectiveOn ?? null) : null
          const acknowledgement = {
            emergencyCallLoss: request.acknowledgement?.emergencyCallLoss ?? false,
            warningsReadOut: request.acknowledgement?.warningsReadOut ?? false,
            warnings: assessment.warnings.map((w) => SIM_WARNING_TEXT[w])
          }
          const verification = { method: check.method, at: check.at, ...check.details }
          const result = await db.transaction(async (tx) => {
            await tx.query(
              `INSERT INTO sim_commands (id, vin, action, from_state, target_state, status, requested_at, deadline_at, agent_id, agent_name,
                 contract_effect, termination_effective_on, acknowledgement, reason, verification, assessment)
               VALUES ($1, $2, 'deactivate', $3, $4, 'pending', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
              [
                id, vehicle.vin, vehicle.sim, assessment.targetState, now.toString(), deadlineFrom(now), actor.agent.id, actor.agent.displayName,
                assessment.contractEffect, effectiveOn, JSON.stringify(acknowledgement), request.reason ?? null, JSON.stringify(verification), JSON.stringify(assessment)
              ]
            )
            let caseId: string | null = null
            if (assessment.contractEffect === 'withdrawal' && vehicle.contract) {
              // GTC 1.6 a) / SE 1.6 a) with D12: the request before handover is a withdrawal; all payments come back.
              await tx.query(`UPDATE contracts SET status = 'withdrawn', termination_effective_on = NULL WHERE vin = $1`, [vehicle.vin])
              const w = assessWithdrawal({
                market: vehicle.market,
                contract: 'connected',
                customer: vehicle.contract.customer,
                channel: vehicle.contract.channel,
                concludedAt: vehicle.contract.concludedAt,
                noticeSentAt: today,
                noticeReceivedAt: today,
                currency: vehicle.contract.currency,
                price: vehicle.contract.price,
                paid: vehicle.contract.paid,
                startRequested: false,
                simDeactivationBeforeHandover: true
              })
              caseId = await insertWithdrawalCase(tx, clock, {
                vin: vehicle.vin,
                subject: 'connected',
                purchaseId: null,
                contractKind: 'connected',
                source: 'sim-deactivation',
                decision: 'accepted',
                noticeChannel: 'sim-request',
                noticeSentAt: today,
                noticeReceivedAt: today,
                consumers: [[vehicle.customer.firstName, vehicle.customer.lastName].filter(Boolean).join(' ') || (vehicle.customer.companyName ?? '')],
                address: `${vehicle.customer.street}\n${vehicle.customer.postcode} ${vehicle.customer.city}\n${vehicle.customer.country}`,
                startRequested: false,
                agentShare: null,
                agentShareReason: null,
                currency: vehicle.contract.currency,
                price: vehicle.contract.price,
                paid: vehicle.contract.paid,
                charge: 0,
                refund: vehicle.contract.paid,
                refundDueBy: w.refundDueBy,
                deadline: w.deadline,
                refusal: null,
                assessment: w,
                agent: actor.agent
              })
            } else if (assessment.contractEffect === 'termination' && effectiveOn && !assessment.terminationAlreadyPending) {
              await tx.query(`UPDATE contracts SET status = 'terminated', termination_effective_on = $2 WHERE vin = $1`, [vehicle.vin, effectiveOn])
            }
            await audit.record(
              {
                actor: actor.agent,
                action,
                vin: vehicle.vin,
                caseId,
                outcome: 'ok',
                reason: request.reason ?? null,
                verification,
                details: { commandId: id, targetState: assessment.targetState, contractEffect: assessment.contractEffect, terminationEffectiveOn: effectiveOn, acknowledgement, clauses: assessment.clauses }
              },
              tx
            )
            const doc = { command: await commandDoc(tx, id) }
            await idempotency.store(tx, request.idempotencyKey, 'simDeactivate', actor.agent.id, doc)
            return doc
          })
          await notify()
          dispatch({ id, vin: vehicle.vin, targetState: assessment.targetState, attempts: 1, deadlineAt: deadlineFrom(now) })
          return result
        })
      )
    },

    /**
     * The SIM part of an accepted withdrawal (RULES.md §5 effects): to its §3 target, legal eCall kept.
     * The withdrawal case is the authority for the request, so there is no caller check or contract
     * effect here; the invariant is applied all the same.
     */
    async deactivateForWithdrawal(actor: Actor, request: { vin: string; caseId: string; targetState: SimState; emergencyCallLossNoted: boolean }): Promise<SimCommandResult> {
      const action = 'sim.deactivate'
      return withLock(request.vin, async () => {
        const vehicle = await vehicles.get(request.vin)
        const facts = await factsOf(actor, action, vehicle)
        if (!isTargetStateAllowed(facts, request.targetState)) {
          await refuse(actor, action, vehicle.vin, 'Refused: the vehicle has legal eCall or legal map data, so its SIM can never be fully deactivated.')
        }
        if (vehicle.simCommand?.status === 'pending') {
          await refuse(actor, action, vehicle.vin, 'A SIM command for this vehicle is already pending.', undefined, 'conflict')
        }
        const now = clock.now()
        const id = `SIM-${randomUUID()}`
        const verification = { method: 'withdrawal-case', caseId: request.caseId }
        const acknowledgement = { emergencyCallLoss: request.emergencyCallLossNoted, warningsReadOut: false, source: 'withdrawal' }
        const result = await db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO sim_commands (id, vin, action, from_state, target_state, status, requested_at, deadline_at, agent_id, agent_name,
               contract_effect, acknowledgement, reason, verification, assessment)
             VALUES ($1, $2, 'deactivate', $3, $4, 'pending', $5, $6, $7, $8, 'none', $9, $10, $11, $12)`,
            [id, vehicle.vin, vehicle.sim, request.targetState, now.toString(), deadlineFrom(now), actor.agent.id, actor.agent.displayName, JSON.stringify(acknowledgement), `withdrawal ${request.caseId}`, JSON.stringify(verification), JSON.stringify({ caseId: request.caseId })]
          )
          await audit.record(
            { actor: actor.agent, action, vin: vehicle.vin, caseId: request.caseId, outcome: 'ok', reason: `withdrawal ${request.caseId}`, verification, details: { commandId: id, targetState: request.targetState, contractEffect: 'none', acknowledgement } },
            tx
          )
          return { command: await commandDoc(tx, id) }
        })
        await notify()
        dispatch({ id, vin: vehicle.vin, targetState: request.targetState, attempts: 1, deadlineAt: deadlineFrom(now) })
        return result
      })
    },

    async reactivate(actor: Actor, request: ReactivateRequest): Promise<SimCommandResult> {
      const action = 'sim.reactivate'
      return withLock(request.vin, () =>
        replayOr(request.idempotencyKey, 'simReactivate', actor.agent, async () => {
          const vehicle = await vehicles.get(request.vin)
          await checkScope(actor, action, vehicle)
          const facts = await factsOf(actor, action, vehicle)
          const assessment = assessSimReactivation(facts, clock.today(), { purchases: toServicePurchases(vehicle) })
          if (vehicle.simCommand?.status === 'pending') {
            await refuse(actor, action, vehicle.vin, 'A SIM command for this vehicle is already pending. Wait for it to be confirmed, fail or time out.', undefined, 'conflict')
          }
          if (!assessment.allowed) {
            const why = {
              'already-active': 'The SIM is already active.',
              'contract-withdrawn': 'The MINI Connected contract was withdrawn: the customer needs a new contract before the SIM can be reactivated. (RULES.md §4)',
              'contract-ended': 'The MINI Connected contract has ended: the customer needs a new contract before the SIM can be reactivated. (RULES.md §4)'
            }[assessment.refusal ?? 'contract-ended']
            await refuse(actor, action, vehicle.vin, why, { clauses: assessment.clauses })
          }
          const check = await requireCheck(actor, action, vehicle.vin)
          const now = clock.now()
          const id = `SIM-${randomUUID()}`
          const verification = { method: check.method, at: check.at, ...check.details }
          const effect = assessment.cancelsTermination ? 'cancel-termination' : 'none'
          const result = await db.transaction(async (tx) => {
            await tx.query(
              `INSERT INTO sim_commands (id, vin, action, from_state, target_state, status, requested_at, deadline_at, agent_id, agent_name,
                 contract_effect, reason, verification, assessment)
               VALUES ($1, $2, 'reactivate', $3, 'ACTIVE', 'pending', $4, $5, $6, $7, $8, $9, $10, $11)`,
              [id, vehicle.vin, vehicle.sim, now.toString(), deadlineFrom(now), actor.agent.id, actor.agent.displayName, effect, request.reason ?? null, JSON.stringify(verification), JSON.stringify(assessment)]
            )
            if (assessment.cancelsTermination) {
              await tx.query(`UPDATE contracts SET status = 'active', termination_effective_on = NULL WHERE vin = $1`, [vehicle.vin])
            }
            await audit.record(
              {
                actor: actor.agent,
                action,
                vin: vehicle.vin,
                outcome: 'ok',
                reason: request.reason ?? null,
                verification,
                details: {
                  commandId: id,
                  cancelsTermination: assessment.cancelsTermination,
                  restored: assessment.restoredServices.map((s) => s.service),
                  expired: assessment.expiredServices.map((s) => s.service),
                  clauses: assessment.clauses
                }
              },
              tx
            )
            const doc = { command: await commandDoc(tx, id) }
            await idempotency.store(tx, request.idempotencyKey, 'simReactivate', actor.agent.id, doc)
            return doc
          })
          await notify()
          dispatch({ id, vin: vehicle.vin, targetState: 'ACTIVE', attempts: 1, deadlineAt: deadlineFrom(now) })
          return result
        })
      )
    },

    async retry(actor: Actor, request: RetryRequest): Promise<SimCommandResult> {
      const action = 'sim.retry'
      const found = (await db.query<{ vin: string }>('SELECT vin FROM sim_commands WHERE id = $1', [request.commandId])).rows[0]
      if (!found) throw new ServiceError('not-found', 'There is no such SIM command.')
      return withLock(found.vin, () =>
        replayOr(request.idempotencyKey, 'simRetry', actor.agent, async () => {
          const vehicle = await vehicles.get(found.vin)
          await checkScope(actor, action, vehicle)
          const command = await commandDoc(db, request.commandId)
          if (vehicle.simCommand?.id !== command.id) {
            await refuse(actor, action, vehicle.vin, 'Only the latest SIM command of a vehicle can be retried.', { commandId: command.id }, 'conflict')
          }
          if (command.status !== 'failed' && command.status !== 'timed-out') {
            await refuse(actor, action, vehicle.vin, `This command is ${command.status}; only a failed or timed-out command can be retried.`, { commandId: command.id }, 'conflict')
          }
          const facts = await factsOf(actor, action, vehicle)
          if (!isTargetStateAllowed(facts, command.targetState)) {
            await refuse(actor, action, vehicle.vin, 'Refused: the vehicle has legal eCall or legal map data, so its SIM can never be fully deactivated.', { commandId: command.id })
          }
          const check = await requireCheck(actor, action, vehicle.vin)
          const now = clock.now()
          const attempts = command.attempts + 1
          const deadlineAt = deadlineFrom(now)
          const result = await db.transaction(async (tx) => {
            await tx.query(`UPDATE sim_commands SET status = 'pending', attempts = $2, deadline_at = $3, completed_at = NULL, error = NULL WHERE id = $1`, [command.id, attempts, deadlineAt])
            await audit.record(
              { actor: actor.agent, action, vin: vehicle.vin, outcome: 'ok', verification: { method: check.method, at: check.at, ...check.details }, details: { commandId: command.id, attempt: attempts, previousError: command.error } },
              tx
            )
            const doc = { command: await commandDoc(tx, command.id) }
            await idempotency.store(tx, request.idempotencyKey, 'simRetry', actor.agent.id, doc)
            return doc
          })
          await notify()
          dispatch({ id: command.id, vin: vehicle.vin, targetState: command.targetState, attempts, deadlineAt })
          return result
        })
      )
    },

    /** After a restart: commands still within their deadline are sent again, the others have timed out. */
    async resume(): Promise<{ resumed: number; timedOut: number }> {
      const { rows } = await db.query<{ id: string; vin: string; targetState: SimState; attempts: number; deadlineAt: string }>(
        `SELECT id, vin, target_state AS "targetState", attempts, deadline_at AS "deadlineAt" FROM sim_commands WHERE status = 'pending'`
      )
      let resumed = 0
      let timedOut = 0
      for (const row of rows) {
        if (Temporal.Instant.compare(Temporal.Instant.from(row.deadlineAt), clock.now()) <= 0) {
          await settle(row.id, row.attempts, 'timeout')
          timedOut++
        } else {
          await audit.record({ actor: null, action: 'sim.resumed', vin: row.vin, outcome: 'ok', reason: 'pending command resumed after a restart', details: { commandId: row.id, attempt: row.attempts } })
          dispatch(row)
          resumed++
        }
      }
      if (rows.length) log.info(`sim: ${resumed} pending command(s) resumed, ${timedOut} timed out after the restart`)
      return { resumed, timedOut }
    },

    close(): void {
      closed = true
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
    }
  }
}

export type SimCommandService = ReturnType<typeof createSimCommandService>
