import { Temporal } from 'temporal-polyfill'
import { toVehicleFacts } from '@shared/domain/facts'
import { noticeProblems, withdrawalInput, type WithdrawalDetails } from '@shared/domain/withdrawal-input'
import type { ParsedRequest, Recipient } from '@shared/ipc/contract'
import type { Market, VehicleDoc, WithdrawalCaseDoc } from '@shared/ipc/schemas'
import { readOutsFor } from '@shared/readouts'
import { assessWithdrawal, deactivationTarget, recipientIsSetting, type WithdrawalAssessmentDetail } from '@shared/rules'
import type { SessionAgent } from '../auth/sessions'
import type { Clock } from '../clock'
import type { Database, Queryable } from '../db/database'
import { lockVehicle } from '../db/sql-locks'
import type { Audit } from './audit'
import type { CallerChecks } from './callers'
import { refuse, runOnce } from './command'
import { conflict, notFound, refused, type ServiceError } from './errors'
import type { Idempotency } from './idempotency'
import { mayActOnMarket, otherMarket } from './scope'
import type { Settings } from './settings'
import { reconcileWithdrawnSim } from './sim/reconcile'
import type { Actor } from './sim/requests'
import { pendingCommand } from './sim/store'
import type { VehicleService } from './vehicles'
import { recordWithdrawalCase } from './withdrawal-cases'

/**
 * Withdrawal cases (RULES.md §5): the rules decide eligibility, the deadline and the money; an accepted
 * withdrawal ends the contract or purchase, stops its services, queues the SIM change to its §3 target,
 * and leaves a refund owed until it is paid. A refusal is recorded with its reason and changes nothing on
 * the vehicle. All of it (case, contract, SIM command, audit, idempotency key) is one transaction on the
 * locked vehicle.
 */
export type { WithdrawalDetails }

interface Deps {
  db: Database
  clock: Clock
  audit: Audit
  vehicles: VehicleService
  callers: CallerChecks
  settings: Settings
  idempotency: Idempotency
  timeoutMs: () => number
}

export interface WithdrawalOutcome {
  case: WithdrawalCaseDoc
  simCommandId: string | null
  fresh: boolean
}

export function createWithdrawalService(deps: Deps) {
  const { db, clock, audit, vehicles, callers, settings, idempotency } = deps

  /** The recipient a supervisor set for the market (D5); null where the terms name it or none is set. */
  function recipientFor(market: Market): Recipient | null {
    return recipientIsSetting(market) ? (settings.get('recipients')[market] ?? null) : null
  }

  async function lockedVehicle(tx: Queryable, agent: SessionAgent, action: string, vin: string): Promise<VehicleDoc> {
    if (!(await lockVehicle(tx, vin))) throw notFound('vehicle.notFound', { vin })
    const vehicle = await vehicles.get(vin, tx)
    if (!mayActOnMarket(agent, vehicle.market)) refuse(otherMarket(vehicle.market), { actor: agent, action, vin })
    return vehicle
  }

  async function caseDoc(tx: Queryable, vin: string, caseId: string): Promise<WithdrawalCaseDoc> {
    return (await vehicles.get(vin, tx)).cases.find((c) => c.id === caseId)!
  }

  return {
    recipientFor,

    async record(actor: Actor, request: ParsedRequest<'withdrawalRecord'>): Promise<WithdrawalOutcome> {
      const action = 'withdrawal.record'
      const { idempotencyKey, ...asked } = request
      const { result, replayed } = await runOnce(
        db,
        audit,
        idempotency,
        { agentId: actor.agent.id, method: 'withdrawalRecord', key: idempotencyKey, request: asked, actor: actor.agent, action },
        async (tx) => {
          const vehicle = await lockedVehicle(tx, actor.agent, action, request.vin)
          const no: (error: ServiceError, caseId?: string | null) => never = (error, caseId = null) => refuse(error, { actor: actor.agent, action, vin: vehicle.vin, caseId })
          const facts = toVehicleFacts(vehicle)
          if (!facts || !vehicle.contract) no(refused('withdrawal.noContract'))
          const mapped = withdrawalInput(vehicle, request, recipientFor(vehicle.market))
          if (!mapped.ok) no(mapped.code === 'no-purchase' ? notFound(mapped.key) : refused(mapped.key))
          const problem = noticeProblems(vehicle, request, clock.today())[0]
          if (problem) no(refused(problem.key, problem.params))
          const alreadyWithdrawn = request.subject === 'connected' ? vehicle.contract.status === 'withdrawn' : mapped.purchase?.status === 'withdrawn'
          if (alreadyWithdrawn) no(conflict('withdrawal.alreadyWithdrawn'))
          // D11: a withdrawal taken on a call is recorded only for a verified caller (or a checked document).
          if (request.noticeChannel === 'phone' && !(await callers.fitting(tx, actor.token, actor.agent, vehicle.vin))) no(refused('withdrawal.phoneNeedsVerification'))
          const open = vehicle.cases.find((c) => c.status === 'refund-due' && c.subject === request.subject && (c.purchaseId ?? undefined) === request.purchaseId)
          if (open) no(conflict('withdrawal.caseOpen', { caseId: open.id }), open.id)

          const assessment = assessWithdrawal(mapped.input) as WithdrawalAssessmentDetail
          if (request.decision === 'accept' && !assessment.eligible) no(refused('withdrawal.cannotAccept', { refusal: assessment.refusal ?? 'late' }))
          if (request.decision === 'refuse' && assessment.eligible) no(refused('withdrawal.cannotRefuse'))
          if (assessment.chargeFormula.kind === 'agent-required' && request.decision === 'accept') no(refused('withdrawal.shareRequired'))
          if (request.agentShare !== undefined && !request.agentShareReason?.trim()) no(refused('withdrawal.shareReasonRequired'))
          const accepted = request.decision === 'accept'
          // The SIM goes to its §3 target (legal eCall kept); a full deactivation is said to the customer first.
          const simTarget = accepted && request.subject === 'connected' ? deactivationTarget(facts) : null
          const pending = await pendingCommand(tx, vehicle.vin)
          const simMoves = simTarget !== null && (vehicle.sim !== simTarget || (pending !== null && pending.targetState !== simTarget))
          if (simMoves && simTarget === 'DEACTIVATED' && !request.emergencyCallLossNoted) no(refused('withdrawal.emergencyCallLossNotice'))

          const refund = accepted ? assessment.refund : 0
          const note = request.note?.trim() || null
          // What the agent read out to the consumer, and in which language (recorded with the decision).
          const language = request.readOutLanguage ?? vehicle.customer.language
          const readOut = accepted
            ? readOutsFor(
                {
                  contractEffect: 'withdrawal',
                  ...(mapped.purchase ? { withdrawnProduct: mapped.purchase.name } : {}),
                  refund: { amount: refund, currency: mapped.input.currency, dueBy: assessment.refundDueBy }
                },
                language
              )
            : []
          const caseId = await recordWithdrawalCase(tx, clock, {
            vin: vehicle.vin,
            subject: request.subject,
            purchaseId: request.subject === 'purchase' ? (request.purchaseId ?? null) : null,
            contractKind: mapped.input.contract,
            source: 'agent',
            decision: accepted ? 'accepted' : 'refused',
            noticeChannel: request.noticeChannel,
            noticeSentAt: request.noticeSentAt,
            noticeReceivedAt: request.noticeReceivedAt,
            consumers: request.consumers,
            address: request.address,
            startRequested: request.startRequested,
            agentShare: request.agentShare ?? null,
            agentShareReason: request.agentShareReason?.trim() || null,
            currency: mapped.input.currency,
            price: mapped.input.price,
            paid: mapped.input.paid,
            charge: assessment.charge,
            refund,
            refundDueBy: accepted ? assessment.refundDueBy : null,
            deadline: assessment.deadline,
            refusal: accepted ? null : (assessment.refusal ?? 'late'),
            note,
            consumerLanguage: vehicle.customer.language,
            assessment,
            agent: actor.agent
          })
          await audit.record(
            {
              actor: actor.agent,
              action,
              vin: vehicle.vin,
              caseId,
              outcome: accepted ? 'ok' : 'refused',
              reason: accepted ? note : (assessment.refusal ?? 'late'),
              details: {
                decision: request.decision,
                subject: request.subject,
                purchaseId: request.purchaseId ?? null,
                deadline: assessment.deadline,
                inTime: assessment.inTime,
                charge: assessment.charge,
                refund,
                refundDueBy: accepted ? assessment.refundDueBy : null,
                readOut: { language, sentences: readOut },
                clauses: assessment.clauses
              }
            },
            tx
          )
          // If a command is pending (a reactivation, say), the SIM change follows when it settles (settle.ts).
          const now = clock.now()
          const simCommandId = simTarget
            ? await reconcileWithdrawnSim({
                tx,
                vin: vehicle.vin,
                now: now.toString(),
                deadlineAt: now.add({ milliseconds: deps.timeoutMs() }).toString(),
                audit,
                vehicles,
                actor: actor.agent,
                caseId,
                origin: 'withdrawal',
                emergencyCallLossNoted: request.emergencyCallLossNoted ?? false
              })
            : null
          return { case: await caseDoc(tx, vehicle.vin, caseId), simCommandId }
        }
      )
      return { ...result, fresh: !replayed }
    },

    async recordRefund(actor: Actor, request: ParsedRequest<'refundRecord'>): Promise<{ case: WithdrawalCaseDoc }> {
      const action = 'refund.record'
      const found = (await db.query<{ vin: string }>('SELECT vin FROM withdrawal_cases WHERE id = $1', [request.caseId])).rows[0]
      if (!found) throw notFound('case.notFound', { caseId: request.caseId })
      const { idempotencyKey, ...asked } = request
      const { result } = await runOnce(
        db,
        audit,
        idempotency,
        { agentId: actor.agent.id, method: 'refundRecord', key: idempotencyKey, request: asked, actor: actor.agent, action },
        async (tx) => {
          // Vehicle, then case: the lock order every command keeps (db/sql-locks.ts).
          await lockedVehicle(tx, actor.agent, action, found.vin)
          await tx.query('SELECT id FROM withdrawal_cases WHERE id = $1 FOR UPDATE', [request.caseId])
          const current = await caseDoc(tx, found.vin, request.caseId)
          const no: (error: ServiceError) => never = (error) => refuse(error, { actor: actor.agent, action, vin: found.vin, caseId: request.caseId })
          if (current.status !== 'refund-due') no(refused('refund.nothingOwed', { caseId: current.id }))
          const remaining = current.refund - current.refundPaid
          if (request.amount > remaining) no(refused('refund.moreThanOwed', { remaining, currency: current.currency }))
          if (request.paidOn > clock.today()) no(refused('refund.inFuture'))
          if (request.paidOn < current.noticeReceivedAt) no(refused('refund.beforeNotice'))
          await tx.query(
            `INSERT INTO refund_payments (case_id, amount, paid_on, method, reference, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [request.caseId, request.amount, request.paidOn, request.method, request.reference?.trim() || null, actor.agent.id, clock.now().toString()]
          )
          const closes = request.amount === remaining
          if (closes) await tx.query(`UPDATE withdrawal_cases SET status = 'closed', closed_at = $2 WHERE id = $1`, [request.caseId, clock.now().toString()])
          await audit.record(
            {
              actor: actor.agent,
              action,
              vin: found.vin,
              caseId: request.caseId,
              outcome: 'ok',
              details: { amount: request.amount, currency: current.currency, paidOn: request.paidOn, method: request.method, remaining: remaining - request.amount, closes, late: !!current.refundDueBy && request.paidOn > current.refundDueBy }
            },
            tx
          )
          return { case: await caseDoc(tx, found.vin, request.caseId) }
        }
      )
      return result
    },

    /** What happened to a case: its own audit entries, and those of the SIM commands it started. */
    async timeline(agent: SessionAgent, caseId: string) {
      const found = (await db.query<{ vin: string }>('SELECT vin FROM withdrawal_cases WHERE id = $1', [caseId])).rows[0]
      if (!found) throw notFound('case.notFound', { caseId })
      await vehicles.getFor(agent, found.vin)
      type Row = { id: number; at: string; agentName: string | null; action: string; outcome: string; reason: string | null; details: unknown }
      const columns = `id, at, agent_name AS "agentName", action, outcome, reason, details`
      const own = await db.query<Row>(`SELECT ${columns} FROM audit_log WHERE case_id = $1 ORDER BY at, id`, [caseId])
      const commandIds = own.rows.flatMap((r) => {
        const id = (r.details as { commandId?: unknown } | null)?.commandId
        return typeof id === 'string' ? [id] : []
      })
      const sims = commandIds.length
        ? await db.query<Row>(`SELECT ${columns} FROM audit_log WHERE case_id IS NULL AND details->>'commandId' = ANY($1::text[]) ORDER BY at, id`, [commandIds])
        : { rows: [] }
      // Instants compared as instants: their text drops trailing zeros ("…:08.4Z", "…:08.45Z", "…:08Z"), so
      // comparing it as text put a later entry first now and then (a confirmation before its command).
      return [...own.rows, ...sims.rows]
        .sort((a, b) => Temporal.Instant.compare(a.at, b.at) || a.id - b.id)
        .map(({ id: _id, ...row }) => row)
    }
  }
}

export type WithdrawalService = ReturnType<typeof createWithdrawalService>
