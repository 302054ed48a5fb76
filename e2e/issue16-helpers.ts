import { toVehicleFacts } from '../src/shared/domain/facts'
import type { VehicleDoc } from '../src/shared/ipc/schemas'
import { assessSimDeactivation, type SimDeactivationDetail } from '../src/shared/rules'
import { HARNESS_TODAY } from './env'
import { fleet } from './fixtures'

/**
 * The demo fleet's vehicles as the rules see them on the harness's day, so that the bulk, acknowledgement
 * and dated-effects specs each pick vehicles by what the rules say of them, from a range of the fleet no
 * other spec touches (indexes `from` and up).
 */
function doc(i: number): VehicleDoc {
  const r = fleet.records[i]!
  const customer = fleet.customers.find((c) => c.id === r.vehicle.customerId)!
  return { ...r.vehicle, shortVin: r.vehicle.vin.slice(-7), customer, contract: r.contract, purchases: r.purchases, simCommand: null, cases: [], rev: 1 }
}

export function deactivation(i: number): SimDeactivationDetail | null {
  const facts = toVehicleFacts(doc(i))
  return facts ? assessSimDeactivation(facts, HARNESS_TODAY) : null
}

/** Indexes from `from` on whose deactivation the rules allow, with `pick` deciding which. */
export function vehiclesWhere(from: number, to: number, pick: (a: SimDeactivationDetail, i: number) => boolean): number[] {
  const out: number[] = []
  for (let i = from; i < Math.min(to, fleet.records.length); i++) {
    const a = deactivation(i)
    if (a && pick(a, i)) out.push(i)
  }
  return out
}

export const vinOf = (i: number) => fleet.records[i]!.vehicle.vin
export const consumerOf = (i: number) => {
  const c = fleet.customers.find((x) => x.id === fleet.records[i]!.vehicle.customerId)!
  return [c.firstName, c.lastName].filter(Boolean).join(' ') || (c.companyName ?? '')
}
