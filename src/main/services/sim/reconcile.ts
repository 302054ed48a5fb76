import { toVehicleFacts } from '@shared/domain/facts'
import { deactivationTarget } from '@shared/rules'
import type { Queryable } from '../../db/database'
import type { Audit, AuditActor } from '../audit'
import type { VehicleService } from '../vehicles'
import { insertCommand, pendingCommand } from './store'

/**
 * A withdrawn contract's SIM ends in its RULES.md §3 target (legal eCall or legal map data kept, otherwise
 * off), whatever happened before: a withdrawal accepted while another command was pending, a reactivation
 * the unit confirmed after the contract was withdrawn. Called in the transaction of every command and
 * every settlement, on the locked vehicle: when the SIM is not at its target and nothing is pending, a
 * command towards it is queued (sent after commit by the dispatcher).
 */
export interface ReconcileContext {
  tx: Queryable
  vin: string
  now: string
  deadlineAt: string
  audit: Audit
  vehicles: VehicleService
  /** The agent recording the withdrawal; null when the tool acts by itself (after a settlement). */
  actor: AuditActor | null
  /** The withdrawal case the command serves, if known. */
  caseId?: string | null
  origin: 'withdrawal' | 'reconcile'
  emergencyCallLossNoted?: boolean
}

export async function reconcileWithdrawnSim(ctx: ReconcileContext): Promise<string | null> {
  const vehicle = await ctx.vehicles.get(ctx.vin, ctx.tx)
  const facts = toVehicleFacts(vehicle)
  if (!facts || facts.contract.status !== 'withdrawn') return null
  const target = deactivationTarget(facts)
  if (vehicle.sim === target || (await pendingCommand(ctx.tx, ctx.vin))) return null
  const withdrawal = ctx.caseId ? vehicle.cases.find((c) => c.id === ctx.caseId) : [...vehicle.cases].reverse().find((c) => c.subject === 'connected' && c.decision === 'accepted')
  const caseId = withdrawal?.id ?? null
  // A command is always someone's request: the agent's, or, when the tool acts by itself, the agent who
  // recorded the withdrawal it serves.
  const requestedBy = ctx.actor ?? (caseId ? await caseAuthor(ctx.tx, caseId) : null)
  if (!requestedBy) return null
  const id = await insertCommand(ctx.tx, {
    vin: ctx.vin,
    action: 'deactivate',
    fromState: vehicle.sim,
    targetState: target,
    requestedAt: ctx.now,
    deadlineAt: ctx.deadlineAt,
    agent: requestedBy,
    contractEffect: 'none',
    terminationEffectiveOn: null,
    acknowledgement: { emergencyCallLoss: ctx.emergencyCallLossNoted ?? false, source: 'withdrawal' },
    reason: caseId,
    verification: { method: 'withdrawal-case', caseId },
    assessment: { caseId, target },
    origin: ctx.origin,
    caseId
  })
  await ctx.audit.record(
    {
      actor: ctx.actor,
      action: ctx.origin === 'withdrawal' ? 'sim.deactivate' : 'sim.reconcile',
      vin: ctx.vin,
      caseId,
      outcome: 'ok',
      reason: caseId,
      details: { commandId: id, targetState: target, contractEffect: 'none', origin: ctx.origin }
    },
    ctx.tx
  )
  return id
}

async function caseAuthor(tx: Queryable, caseId: string): Promise<{ id: string; displayName: string } | null> {
  const { rows } = await tx.query<{ id: string; displayName: string }>('SELECT created_by AS id, created_by_name AS "displayName" FROM withdrawal_cases WHERE id = $1', [caseId])
  return rows[0] ?? null
}
