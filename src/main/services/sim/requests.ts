import { Temporal } from 'temporal-polyfill'
import { toServicePurchases, toVehicleFacts } from '@shared/domain/facts'
import type { ParsedRequest } from '@shared/ipc/contract'
import type { SimCommandDoc, VehicleDoc } from '@shared/ipc/schemas'
import { readOutsFor } from '@shared/readouts'
import { assessSimDeactivation, assessSimReactivation, assessWithdrawal, isTargetStateAllowed, type VehicleFacts } from '@shared/rules'
import type { SessionAgent } from '../../auth/sessions'
import type { Clock } from '../../clock'
import type { Database, Queryable } from '../../db/database'
import { lockVehicle } from '../../db/sql-locks'
import type { Audit } from '../audit'
import type { CallerCheck, CallerChecks } from '../callers'
import { refuse, runOnce } from '../command'
import { conflict, notFound, refused } from '../errors'
import type { Idempotency } from '../idempotency'
import { mayActOnMarket, otherMarket } from '../scope'
import type { VehicleService } from '../vehicles'
import { recordWithdrawalCase } from '../withdrawal-cases'
import { deactivationRefusal, reactivationRefusal } from './decide'
import { commandDoc, insertCommand, pendingCommand, retriesByItself } from './store'

/**
 * The agent's SIM commands (RULES.md §2–§4): deactivate, reactivate, retry. Main decides: the request
 * carries only what the agent asked for and saw; each command is one transaction that takes its
 * idempotency key, locks the vehicle, re-reads it, applies the rules with main's date, writes the pending
 * command with its contract effect and audit record, and stores its result under the key. The unit is
 * asked only after the commit (dispatcher.ts).
 */
export interface Actor {
  agent: SessionAgent
  /** The session's token, for the caller check this command rests on. */
  token: string | null
}

/**
 * What a command rests on: the caller check of the agent's session (RULES.md §8, D11), or a bulk job the
 * agent confirmed (its authorisation replaces the per-call check and is recorded as the verification).
 * A bulk row can never carry the customer's acknowledgement of a lost emergency call: such rows are refused.
 */
export type Authority = { kind: 'caller-check' } | { kind: 'bulk-job'; jobId: string; verification: Record<string, unknown> }
const CALLER_CHECK: Authority = { kind: 'caller-check' }

export interface SimRequestsDeps {
  db: Database
  clock: Clock
  audit: Audit
  vehicles: VehicleService
  callers: CallerChecks
  idempotency: Idempotency
  timeoutMs: () => number
}

export interface CommandOutcome {
  command: SimCommandDoc
  /** Whether this call did the work (false: the key's first result, replayed). */
  fresh: boolean
}

export function createSimRequests(deps: SimRequestsDeps) {
  const { db, clock, audit, vehicles, callers, idempotency } = deps

  /** Locks the vehicle and reads it; refusals (unknown, another market, no contract) end the command. */
  async function lockedVehicle(tx: Queryable, actor: Actor, action: string, vin: string): Promise<{ vehicle: VehicleDoc; facts: VehicleFacts }> {
    if (!(await lockVehicle(tx, vin))) throw notFound('vehicle.notFound', { vin })
    const vehicle = await vehicles.get(vin, tx)
    if (!mayActOnMarket(actor.agent, vehicle.market)) refuse(otherMarket(vehicle.market), { actor: actor.agent, action, vin })
    const facts = toVehicleFacts(vehicle)
    if (!facts) refuse(refused('sim.noContract'), { actor: actor.agent, action, vin })
    return { vehicle, facts }
  }

  /** RULES.md §8, D11: the hotline verifies the caller; dealer staff record the identity document. */
  async function requireCheck(tx: Queryable, actor: Actor, action: string, vin: string): Promise<CallerCheck> {
    const check = await callers.fitting(tx, actor.token, actor.agent, vin)
    if (!check) refuse(refused(actor.agent.role === 'dealer' ? 'caller.identityDocumentFirst' : 'caller.verifyFirst'), { actor: actor.agent, action, vin })
    return check
  }

  /** The verification a command records: the session's caller check, or the bulk job's authorisation. */
  async function verificationFor(tx: Queryable, actor: Actor, authority: Authority, action: string, vin: string): Promise<Record<string, unknown>> {
    if (authority.kind === 'bulk-job') return authority.verification
    const check = await requireCheck(tx, actor, action, vin)
    return { method: check.method, at: check.at, ...check.details }
  }

  /** The first attempt's deadline: no answer by then and it has timed out. */
  const deadlineFrom = (now: string) => Temporal.Instant.from(now).add({ milliseconds: deps.timeoutMs() }).toString()

  return {
    async deactivate(actor: Actor, request: ParsedRequest<'simDeactivate'>, authority: Authority = CALLER_CHECK): Promise<CommandOutcome> {
      const action = 'sim.deactivate'
      const { idempotencyKey, ...asked } = request
      const { result, replayed } = await runOnce(
        db,
        audit,
        idempotency,
        { agentId: actor.agent.id, method: 'simDeactivate', key: idempotencyKey, request: asked, actor: actor.agent, action },
        async (tx) => {
          const { vehicle, facts } = await lockedVehicle(tx, actor, action, request.vin)
          const today = clock.today()
          const assessment = assessSimDeactivation(facts, today)
          const summary = { targetState: assessment.targetState, contractEffect: assessment.contractEffect, clauses: assessment.clauses }
          if (request.expectedTargetState !== assessment.targetState || !isTargetStateAllowed(facts, request.expectedTargetState)) {
            const legal = !isTargetStateAllowed(facts, 'DEACTIVATED')
            refuse(
              legal && request.expectedTargetState === 'DEACTIVATED'
                ? refused('sim.legalEcallKept')
                : refused('sim.assessmentChanged', { expected: request.expectedTargetState, actual: assessment.targetState }),
              { actor: actor.agent, action, vin: vehicle.vin, details: { expectedTargetState: request.expectedTargetState, assessment: summary } }
            )
          }
          if (await pendingCommand(tx, vehicle.vin)) refuse(conflict('sim.pending'), { actor: actor.agent, action, vin: vehicle.vin })
          const refusal = deactivationRefusal(facts, assessment)
          if (refusal) refuse(refused(refusal), { actor: actor.agent, action, vin: vehicle.vin, details: { assessment: summary } })
          if (assessment.requiresAcknowledgement && (authority.kind === 'bulk-job' || request.acknowledgement?.emergencyCallLoss !== true)) {
            const key = authority.kind === 'bulk-job' ? 'bulk.needsAcknowledgement' : 'sim.acknowledgementRequired'
            refuse(refused(key), { actor: actor.agent, action, vin: vehicle.vin, details: { assessment: summary } })
          }
          const verification = await verificationFor(tx, actor, authority, action, vehicle.vin)

          const now = clock.now().toString()
          const effectiveOn = assessment.contractEffect === 'termination' ? (assessment.terminationEffectiveOn ?? null) : null
          const acknowledgement = {
            emergencyCallLoss: request.acknowledgement?.emergencyCallLoss ?? false,
            warningsReadOut: request.acknowledgement?.warningsReadOut ?? false,
            warnings: assessment.warnings
          }
          // What the agent read out, in which language (the customer's on record unless the agent chose another).
          // A bulk job reads nothing out: no customer is on the line (it refuses rows that need an acknowledgement).
          const language = request.readOutLanguage ?? vehicle.customer.language
          const readOut = authority.kind === 'bulk-job' ? undefined : { language, sentences: readOutsFor(assessment, language) }
          let caseId: string | null = null
          if (assessment.contractEffect === 'withdrawal' && vehicle.contract) {
            // GTC 1.6 a) / SE 1.6 a) with D12: the request before handover is a withdrawal; all payments come back.
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
            caseId = await recordWithdrawalCase(tx, clock, {
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
              note: request.reason ?? null,
              consumerLanguage: vehicle.customer.language,
              assessment: w,
              agent: actor.agent
            })
          } else if (assessment.contractEffect === 'termination' && effectiveOn && !assessment.terminationAlreadyPending) {
            // Pending until its date: the contract ends then, by itself (dated-effects.ts).
            await tx.query(`UPDATE contracts SET termination_effective_on = $2 WHERE vin = $1`, [vehicle.vin, effectiveOn])
          }
          const id = await insertCommand(tx, {
            vin: vehicle.vin,
            action: 'deactivate',
            fromState: vehicle.sim,
            targetState: assessment.targetState,
            requestedAt: now,
            deadlineAt: deadlineFrom(now),
            agent: actor.agent,
            contractEffect: assessment.contractEffect,
            terminationEffectiveOn: effectiveOn,
            acknowledgement,
            reason: request.reason ?? null,
            verification,
            assessment,
            origin: authority.kind === 'bulk-job' ? 'bulk' : 'agent',
            caseId,
            readOut
          })
          await audit.record(
            {
              actor: actor.agent,
              action,
              vin: vehicle.vin,
              caseId,
              outcome: 'ok',
              reason: request.reason ?? null,
              verification,
              details: {
                commandId: id,
                targetState: assessment.targetState,
                contractEffect: assessment.contractEffect,
                terminationEffectiveOn: effectiveOn,
                acknowledgement,
                ...(readOut ? { readOut: { language, keys: readOut.sentences.map((s) => s.key) } } : {}),
                clauses: assessment.clauses,
                ...(authority.kind === 'bulk-job' ? { origin: 'bulk', jobId: authority.jobId } : {})
              }
            },
            tx
          )
          return { command: await commandDoc(tx, id) }
        }
      )
      return { command: result.command, fresh: !replayed }
    },

    async reactivate(actor: Actor, request: ParsedRequest<'simReactivate'>, authority: Authority = CALLER_CHECK): Promise<CommandOutcome> {
      const action = 'sim.reactivate'
      const { idempotencyKey, ...asked } = request
      const { result, replayed } = await runOnce(
        db,
        audit,
        idempotency,
        { agentId: actor.agent.id, method: 'simReactivate', key: idempotencyKey, request: asked, actor: actor.agent, action },
        async (tx) => {
          const { vehicle, facts } = await lockedVehicle(tx, actor, action, request.vin)
          const assessment = assessSimReactivation(facts, clock.today(), { purchases: toServicePurchases(vehicle) })
          if (await pendingCommand(tx, vehicle.vin)) refuse(conflict('sim.pending'), { actor: actor.agent, action, vin: vehicle.vin })
          const refusal = reactivationRefusal(assessment)
          if (refusal) refuse(refused(refusal), { actor: actor.agent, action, vin: vehicle.vin, details: { clauses: assessment.clauses } })
          const verification = await verificationFor(tx, actor, authority, action, vehicle.vin)
          const now = clock.now().toString()
          const effect = assessment.cancelsTermination ? 'cancel-termination' : 'none'
          if (assessment.cancelsTermination) {
            await tx.query(`UPDATE contracts SET status = 'active', termination_effective_on = NULL WHERE vin = $1`, [vehicle.vin])
          }
          const id = await insertCommand(tx, {
            vin: vehicle.vin,
            action: 'reactivate',
            fromState: vehicle.sim,
            targetState: 'ACTIVE',
            requestedAt: now,
            deadlineAt: deadlineFrom(now),
            agent: actor.agent,
            contractEffect: effect,
            terminationEffectiveOn: null,
            acknowledgement: null,
            reason: request.reason ?? null,
            verification,
            assessment,
            origin: authority.kind === 'bulk-job' ? 'bulk' : 'agent',
            caseId: null
          })
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
                clauses: assessment.clauses,
                ...(authority.kind === 'bulk-job' ? { origin: 'bulk', jobId: authority.jobId } : {})
              }
            },
            tx
          )
          return { command: await commandDoc(tx, id) }
        }
      )
      return { command: result.command, fresh: !replayed }
    },

    /**
     * A failed or timed-out command, sent again (a new attempt of the same command); a command waiting for
     * its automatic retry is sent now.
     */
    async retry(actor: Actor, request: ParsedRequest<'simRetry'>): Promise<CommandOutcome> {
      const action = 'sim.retry'
      const found = (await db.query<{ vin: string }>('SELECT vin FROM sim_commands WHERE id = $1', [request.commandId])).rows[0]
      if (!found) throw notFound('sim.commandNotFound')
      const { idempotencyKey, ...asked } = request
      const { result, replayed } = await runOnce(
        db,
        audit,
        idempotency,
        { agentId: actor.agent.id, method: 'simRetry', key: idempotencyKey, request: asked, actor: actor.agent, action },
        async (tx) => {
          const { vehicle, facts } = await lockedVehicle(tx, actor, action, found.vin)
          const command = await commandDoc(tx, request.commandId)
          if (vehicle.simCommand?.id !== command.id) refuse(conflict('sim.retryNotLatest'), { actor: actor.agent, action, vin: vehicle.vin, details: { commandId: command.id } })
          const waiting = command.status === 'pending' && command.nextAttemptAt !== null
          if (command.status !== 'failed' && command.status !== 'timed-out' && !waiting) {
            refuse(conflict('sim.retryNotFailed', { status: command.status }), { actor: actor.agent, action, vin: vehicle.vin, details: { commandId: command.id } })
          }
          if (!isTargetStateAllowed(facts, command.targetState)) refuse(refused('sim.legalEcallKept'), { actor: actor.agent, action, vin: vehicle.vin, details: { commandId: command.id } })
          // A withdrawal's or termination's own command rests on that request; other retries on a fresh check.
          const check = retriesByItself(command) ? null : await requireCheck(tx, actor, action, vehicle.vin)
          const now = clock.now().toString()
          const attempts = waiting ? command.attempts : command.attempts + 1
          await tx.query(
            `UPDATE sim_commands SET status = 'pending', attempts = $2, deadline_at = $3, completed_at = NULL, next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL WHERE id = $1`,
            [command.id, attempts, deadlineFrom(now)]
          )
          await audit.record(
            {
              actor: actor.agent,
              action,
              vin: vehicle.vin,
              outcome: 'ok',
              verification: check ? { method: check.method, at: check.at, ...check.details } : { method: 'withdrawal-case', caseId: command.caseId },
              details: { commandId: command.id, attempt: attempts, previousError: command.error }
            },
            tx
          )
          return { command: await commandDoc(tx, command.id) }
        }
      )
      return { command: result.command, fresh: !replayed }
    }
  }
}

export type SimRequests = ReturnType<typeof createSimRequests>
