import { toServicePurchases, toVehicleFacts } from '@shared/domain/facts'
import type { BulkFile } from '@shared/bulk/csv'
import type { BulkPreviewRow } from '@shared/ipc/contract'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { assessSimDeactivation, assessSimReactivation } from '@shared/rules'
import type { SessionAgent } from '../../auth/sessions'
import type { Queryable } from '../../db/database'
import { mayActOnMarket } from '../scope'
import { deactivationRefusal, reactivationRefusal } from '../sim/decide'

/**
 * What each row of a bulk file would do, read-only: the vehicle, the rules' assessment with main's date
 * (the same rules and refusal wording as the agent's own command, sim/decide.ts), and why a row cannot
 * run. A row the customer must acknowledge (no emergency call of any kind afterwards, RULES.md §3, D18)
 * can never run in bulk: nobody reads the warning out to the customer.
 */
export async function vehiclesByVin(db: Queryable, vins: string[]): Promise<Map<string, VehicleDoc>> {
  if (vins.length === 0) return new Map()
  const { rows } = await db.query<{ doc: VehicleDoc }>('SELECT doc FROM vehicle_docs WHERE vin = ANY($1::text[])', [vins])
  return new Map(rows.map((r) => [r.doc.vin, r.doc]))
}

function customerName(v: VehicleDoc): string {
  return [v.customer.firstName, v.customer.lastName].filter(Boolean).join(' ') || (v.customer.companyName ?? '')
}

export function previewRows(file: BulkFile, docs: Map<string, VehicleDoc>, agent: SessionAgent, today: string): BulkPreviewRow[] {
  return file.rows.map((row): BulkPreviewRow => {
    const base = { line: row.line, vin: row.vin ?? row.written, action: row.action, reason: row.reason, vehicle: null, targetState: null, contractEffect: null, terminationEffectiveOn: null, acknowledgementNeeded: false }
    if (row.problem || !row.vin || !row.action) return { ...base, outcome: 'not-understood', problem: row.problem ?? { key: 'request.invalid' } }
    const doc = docs.get(row.vin)
    if (!doc) return { ...base, outcome: 'not-understood', problem: { key: 'vehicle.notFound', params: { vin: row.vin } } }
    // A dealer's file naming another market's vehicle: not theirs to see, so nothing about it is shown.
    if (!mayActOnMarket(agent, doc.market)) return { ...base, outcome: 'not-understood', problem: { key: 'vehicle.otherMarket', params: { market: doc.market } } }
    const vehicle = { model: doc.model, plate: doc.plate, market: doc.market, sim: doc.sim, customer: customerName(doc) }
    const facts = toVehicleFacts(doc)
    if (!facts) return { ...base, vehicle, outcome: 'refused', problem: { key: 'sim.noContract' } }
    const pending = doc.simCommand?.status === 'pending'
    if (row.action === 'deactivate') {
      const a = assessSimDeactivation(facts, today)
      const shown = { ...base, vehicle, targetState: a.targetState, contractEffect: a.contractEffect, terminationEffectiveOn: a.terminationEffectiveOn ?? null, acknowledgementNeeded: a.requiresAcknowledgement }
      if (pending) return { ...shown, outcome: 'refused', problem: { key: 'sim.pending' } }
      const refusal = deactivationRefusal(facts, a)
      if (refusal) return { ...shown, outcome: 'refused', problem: { key: refusal } }
      if (a.requiresAcknowledgement) return { ...shown, outcome: 'refused', problem: { key: 'bulk.needsAcknowledgement' } }
      return { ...shown, outcome: 'ready', problem: null }
    }
    const a = assessSimReactivation(facts, today, { purchases: toServicePurchases(doc) })
    const shown = { ...base, vehicle, targetState: 'ACTIVE' as const, contractEffect: a.cancelsTermination ? ('cancel-termination' as const) : ('none' as const) }
    if (pending) return { ...shown, outcome: 'refused', problem: { key: 'sim.pending' } }
    const refusal = reactivationRefusal(a)
    if (refusal) return { ...shown, outcome: 'refused', problem: { key: refusal } }
    return { ...shown, outcome: 'ready', problem: null }
  })
}

export function previewCounts(rows: BulkPreviewRow[]): { ready: number; refused: number; notUnderstood: number } {
  return {
    ready: rows.filter((r) => r.outcome === 'ready').length,
    refused: rows.filter((r) => r.outcome === 'refused').length,
    notUnderstood: rows.filter((r) => r.outcome === 'not-understood').length
  }
}
