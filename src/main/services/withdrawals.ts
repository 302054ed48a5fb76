import { toVehicleFacts } from '@shared/domain/facts'
import { withdrawalInput, type WithdrawalDetails } from '@shared/domain/withdrawal-input'
import type { VehicleDoc, WithdrawalCaseDoc } from '@shared/ipc/schemas'
import { assessWithdrawal, deactivationTarget, type WithdrawalAssessmentDetail, type WithdrawalAssessmentInput, type WithdrawalRecipient } from '@shared/rules'
import type { Clock } from '../config'
import type { Database } from '../db/database'
import type { Audit } from './audit'
import { mayActOnMarket, type CallerChecks } from './callers'
import { insertWithdrawalCase } from './cases'
import { ConflictError, RefusedError, ServiceError } from './errors'
import type { Idempotency } from './idempotency'
import { keyedMutex } from './locks'
import type { Settings } from './settings'
import type { Actor, SimCommandService } from './sim-commands'
import { currentRevision, type VehicleService } from './vehicles'

/**
 * Withdrawal cases (RULES.md §5): the rules decide eligibility, the deadline and the money; an accepted
 * withdrawal ends the contract or purchase, stops its services, sends the SIM to its §3 target through
 * the SIM command service, and leaves a refund owed until it is paid. A refusal is recorded with its
 * reason and changes nothing on the vehicle. Both are audited.
 */
export type { WithdrawalDetails }

export interface RecordWithdrawalRequest extends WithdrawalDetails {
  idempotencyKey: string
  /** What the agent saw and chose: main refuses a decision the rules do not support. */
  decision: 'accept' | 'refuse'
  note?: string | undefined
  /** The agent confirmed the customer is told the SIM will be fully deactivated (no legal eCall). */
  emergencyCallLossNoted?: boolean | undefined
}

export interface RecordRefundRequest {
  caseId: string
  idempotencyKey: string
  amount: number
  paidOn: string
  method: 'original-means' | 'bank-transfer' | 'card-refund' | 'other'
  reference?: string | undefined
}

interface Deps {
  db: Database
  clock: Clock
  audit: Audit
  vehicles: VehicleService
  sim: SimCommandService
  callers: CallerChecks
  settings: Settings
  idempotency: Idempotency
  notify: (head: number) => void
}

const REFUSAL_TEXT: Record<NonNullable<WithdrawalAssessmentDetail['refusal']>, string> = {
  'not-consumer': 'Only a consumer may withdraw; this customer acts in trade or business.',
  'channel-excluded': 'The right of withdrawal does not apply to a contract concluded this way (on premises).',
  'fully-performed': 'The service was fully performed at the consumer’s express request before the notice (D8).',
  late: 'The notice was sent after the withdrawal period ended.'
}

/** The shared mapping, with its refusals as service errors. */
function inputFor(vehicle: VehicleDoc, details: WithdrawalDetails, recipient: WithdrawalRecipient | null): WithdrawalAssessmentInput {
  const result = withdrawalInput(vehicle, details, recipient)
  if (!result.ok) throw new ServiceError(result.code === 'no-purchase' ? 'not-found' : 'refused', result.message)
  return result.input
}

export function createWithdrawalService(deps: Deps) {
  const { db, clock, audit, vehicles, sim, callers, settings, idempotency } = deps
  // One withdrawal at a time per vehicle: a double-clicked "Accept" finds the first one's key.
  const withLock = keyedMutex()

  function recipientFor(market: VehicleDoc['market']) {
    if (market === 'BE') return settings.get('recipientBE')
    if (market === 'LU') return settings.get('recipientLU')
    return null
  }

  async function refuse(actor: Actor, vin: string, caseId: string | null, reason: string, kind: 'refused' | 'conflict' = 'refused'): Promise<never> {
    await audit.record({ actor: actor.agent, action: 'withdrawal.record', vin, caseId, outcome: 'refused', reason })
    if (kind === 'conflict') throw new ConflictError(reason)
    throw new RefusedError(reason)
  }

async function recordNow(actor: Actor, request: RecordWithdrawalRequest): Promise<{ case: WithdrawalCaseDoc; simCommandId: string | null }> {
    const earlier = await idempotency.find<{ case: WithdrawalCaseDoc; simCommandId: string | null }>(request.idempotencyKey, 'withdrawalRecord', actor.agent.id)
    if (earlier) return earlier
    const vehicle = await vehicles.get(request.vin)
    if (!mayActOnMarket(actor.agent, vehicle.market)) {
      await audit.record({ actor: actor.agent, action: 'withdrawal.record', vin: vehicle.vin, outcome: 'denied', reason: `dealer of another market (${vehicle.market})` })
      throw new ServiceError('forbidden', `Dealer ${actor.agent.dealerNumber} cannot act on a vehicle of the ${vehicle.market} market.`)
    }
    const facts = toVehicleFacts(vehicle)
    if (!facts || !vehicle.contract) return refuse(actor, vehicle.vin, null, 'This vehicle has no MINI Connected contract on record.')
    if (request.noticeReceivedAt < request.noticeSentAt) return refuse(actor, vehicle.vin, null, 'The notice cannot be received before it was sent.')
    if (request.noticeReceivedAt > clock.today()) return refuse(actor, vehicle.vin, null, 'The notice cannot be received in the future.')
    const purchase = request.subject === 'purchase' ? vehicle.purchases.find((p) => p.id === request.purchaseId) : undefined
    const alreadyWithdrawn = request.subject === 'connected' ? vehicle.contract.status === 'withdrawn' : purchase?.status === 'withdrawn'
    if (alreadyWithdrawn) return refuse(actor, vehicle.vin, null, 'This contract or purchase has already been withdrawn.', 'conflict')
    // D11: a withdrawal taken on a call is recorded only for a verified caller (or a checked document).
    if (request.noticeChannel === 'phone' && !(await callers.fitting(actor.sessionId, actor.agent, vehicle.vin))) {
      return refuse(actor, vehicle.vin, null, 'A withdrawal given on the phone needs the caller verified first (exact name, full VIN, customer number or postcode). (D11)')
    }
    const open = vehicle.cases.find((c) => c.status === 'refund-due' && c.subject === request.subject && (c.purchaseId ?? undefined) === request.purchaseId)
    if (open) return refuse(actor, vehicle.vin, open.id, `Case ${open.id} is already open for this contract.`, 'conflict')

    const recipient = recipientFor(vehicle.market)
    const input = inputFor(vehicle, request, recipient)
    const assessment = assessWithdrawal(input) as WithdrawalAssessmentDetail
    if (request.decision === 'accept' && !assessment.eligible) {
      return refuse(actor, vehicle.vin, null, `Refused: ${REFUSAL_TEXT[assessment.refusal ?? 'late']} Record the withdrawal as refused instead.`)
    }
    if (request.decision === 'refuse' && assessment.eligible) {
      return refuse(actor, vehicle.vin, null, 'The rules say this withdrawal is valid: a valid withdrawal cannot be refused.')
    }
    if (assessment.chargeFormula.kind === 'agent-required' && request.decision === 'accept') {
      return refuse(actor, vehicle.vin, null, 'This service has no fixed term: enter the share the consumer owes, with a reason.')
    }
    if (request.agentShare !== undefined && !request.agentShareReason?.trim()) {
      return refuse(actor, vehicle.vin, null, 'Give the reason for the share the consumer owes.')
    }
    const simTarget = request.decision === 'accept' && request.subject === 'connected' ? deactivationTarget(facts) : null
    const simChange = simTarget !== null && vehicle.sim === 'ACTIVE'
    if (simChange && vehicle.simCommand?.status === 'pending') {
      return refuse(actor, vehicle.vin, null, 'A SIM command for this vehicle is pending: wait for it before accepting the withdrawal.', 'conflict')
    }
    if (simChange && simTarget === 'DEACTIVATED' && !request.emergencyCallLossNoted) {
      return refuse(actor, vehicle.vin, null, 'The SIM will be fully deactivated (no legal eCall): confirm that the customer is told no emergency call will work.')
    }

    const accepted = request.decision === 'accept'
    const refund = accepted ? assessment.refund : 0
    const result = await db.transaction(async (tx) => {
      const caseId = await insertWithdrawalCase(tx, clock, {
        vin: vehicle.vin,
        subject: request.subject,
        purchaseId: request.subject === 'purchase' ? (request.purchaseId ?? null) : null,
        contractKind: input.contract,
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
        currency: input.currency,
        price: input.price,
        paid: input.paid,
        charge: assessment.charge,
        refund,
        refundDueBy: accepted ? assessment.refundDueBy : null,
        deadline: assessment.deadline,
        refusal: accepted ? null : [REFUSAL_TEXT[assessment.refusal ?? 'late'], request.note?.trim()].filter(Boolean).join(' '),
        assessment,
        agent: actor.agent
      })
      if (accepted) {
        // The contract or purchase ends as if never concluded; its services stop (RULES.md §5, effects).
        if (request.subject === 'connected') {
          await tx.query(`UPDATE contracts SET status = 'withdrawn', termination_effective_on = NULL WHERE vin = $1`, [vehicle.vin])
        } else {
          await tx.query(`UPDATE purchases SET status = 'withdrawn' WHERE id = $1 AND vin = $2`, [request.purchaseId, vehicle.vin])
        }
      }
      await audit.record(
        {
          actor: actor.agent,
          action: 'withdrawal.record',
          vin: vehicle.vin,
          caseId,
          outcome: accepted ? 'ok' : 'refused',
          reason: accepted ? (request.note?.trim() ?? null) : REFUSAL_TEXT[assessment.refusal ?? 'late'],
          details: {
            decision: request.decision,
            subject: request.subject,
            purchaseId: request.purchaseId ?? null,
            deadline: assessment.deadline,
            inTime: assessment.inTime,
            charge: assessment.charge,
            refund,
            refundDueBy: accepted ? assessment.refundDueBy : null,
            clauses: assessment.clauses
          }
        },
        tx
      )
      return caseId
    })
    let simCommandId: string | null = null
    if (simChange && simTarget) {
      // The SIM goes to its §3 target (legal eCall kept) through the SIM command service, which applies
      // the invariant again; the withdrawal itself is already settled, so its contract effect is none.
      const { command } = await sim.deactivateForWithdrawal(actor, { vin: vehicle.vin, caseId: result, targetState: simTarget, emergencyCallLossNoted: request.emergencyCallLossNoted ?? false })
      simCommandId = command.id
    }
    const doc = (await vehicles.get(vehicle.vin)).cases.find((c) => c.id === result)!
    const answer = { case: doc, simCommandId }
    await db.transaction((tx) => idempotency.store(tx, request.idempotencyKey, 'withdrawalRecord', actor.agent.id, answer))
    deps.notify(await currentRevision(db))
    return answer
  }

async function recordRefundNow(actor: Actor, request: RecordRefundRequest): Promise<{ case: WithdrawalCaseDoc }> {
    const earlier = await idempotency.find<{ case: WithdrawalCaseDoc }>(request.idempotencyKey, 'refundRecord', actor.agent.id)
    if (earlier) return earlier
    const found = (await db.query<{ vin: string }>('SELECT vin FROM withdrawal_cases WHERE id = $1', [request.caseId])).rows[0]
    if (!found) throw new ServiceError('not-found', `There is no case ${request.caseId}.`)
    const current = (await vehicles.get(found.vin)).cases.find((c) => c.id === request.caseId)!
    const refuseRefund = async (reason: string): Promise<never> => {
      await audit.record({ actor: actor.agent, action: 'refund.record', vin: found.vin, caseId: request.caseId, outcome: 'refused', reason })
      throw new RefusedError(reason)
    }
    if (current.status !== 'refund-due') await refuseRefund(`Case ${current.id} has no refund outstanding.`)
    const remaining = current.refund - current.refundPaid
    if (request.amount > remaining) await refuseRefund(`The amount is more than the ${remaining / 100} ${current.currency} still owed.`)
    if (request.paidOn > clock.today()) await refuseRefund('A refund cannot be paid in the future.')
    if (request.paidOn < current.noticeReceivedAt) await refuseRefund('A refund cannot be paid before the notice was received.')
    const result = await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO refund_payments (case_id, amount, paid_on, method, reference, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [request.caseId, request.amount, request.paidOn, request.method, request.reference?.trim() || null, actor.agent.id, clock.now().toString()]
      )
      const closes = request.amount === remaining
      if (closes) await tx.query(`UPDATE withdrawal_cases SET status = 'closed', closed_at = $2 WHERE id = $1`, [request.caseId, clock.now().toString()])
      await audit.record(
        {
          actor: actor.agent,
          action: 'refund.record',
          vin: found.vin,
          caseId: request.caseId,
          outcome: 'ok',
          details: { amount: request.amount, currency: current.currency, paidOn: request.paidOn, method: request.method, remaining: remaining - request.amount, closes, late: !!current.refundDueBy && request.paidOn > current.refundDueBy }
        },
        tx
      )
      const doc = (await vehicles.get(found.vin, tx)).cases.find((c) => c.id === request.caseId)!
      await idempotency.store(tx, request.idempotencyKey, 'refundRecord', actor.agent.id, { case: doc })
      return { case: doc }
    })
    deps.notify(await currentRevision(db))
    return result
  }

  return {
    record(actor: Actor, request: RecordWithdrawalRequest): Promise<{ case: WithdrawalCaseDoc; simCommandId: string | null }> {
      return withLock(request.vin, () => recordNow(actor, request))
    },

    recordRefund(actor: Actor, request: RecordRefundRequest): Promise<{ case: WithdrawalCaseDoc }> {
      return withLock(request.caseId, () => recordRefundNow(actor, request))
    },

    /** What happened to a case: its own audit entries, and those of the SIM command it started. */
    async timeline(caseId: string) {
      type Row = { id: number; at: string; agentName: string | null; action: string; outcome: string; reason: string | null; details: unknown }
      const columns = `id, at, agent_name AS "agentName", action, outcome, reason, details`
      const own = await db.query<Row>(`SELECT ${columns} FROM audit_log WHERE case_id = $1 ORDER BY at, id`, [caseId])
      if (!own.rows.length) throw new ServiceError('not-found', `There is no case ${caseId}.`)
      const commandIds = own.rows.flatMap((r) => {
        const id = (r.details as { commandId?: unknown } | null)?.commandId
        return typeof id === 'string' ? [id] : []
      })
      const sims = commandIds.length
        ? await db.query<Row>(`SELECT ${columns} FROM audit_log WHERE case_id IS NULL AND details->>'commandId' = ANY($1::text[]) ORDER BY at, id`, [commandIds])
        : { rows: [] }
      return [...own.rows, ...sims.rows].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id).map(({ id: _id, ...row }) => row)
    },

    recipientFor
  }
}

export type WithdrawalService = ReturnType<typeof createWithdrawalService>
