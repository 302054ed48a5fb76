import type { ServicePurchase, VehicleFacts } from '../rules'
import type { VehicleDoc } from '../ipc/schemas'

/**
 * The rules module's view of a vehicle, from the aggregate that main stores and the cache holds. `null`
 * in the database means "not known"; the rules use `undefined` for that.
 */
export function toVehicleFacts(doc: VehicleDoc): VehicleFacts | null {
  if (!doc.contract) return null
  return {
    vin: doc.vin,
    market: doc.market,
    firstRegistration: doc.firstRegistration,
    handedOverAt: doc.handedOverAt,
    equipment: doc.equipment,
    ...(doc.euEcall === null ? {} : { euEcall: doc.euEcall }),
    ...(doc.legalMapData === null ? {} : { legalMapData: doc.legalMapData }),
    sim: doc.sim,
    contract: {
      concludedAt: doc.contract.concludedAt,
      customer: doc.contract.customer,
      channel: doc.contract.channel,
      status: doc.contract.status,
      ...(doc.contract.terminationEffectiveOn ? { terminationEffectiveOn: doc.contract.terminationEffectiveOn } : {})
    }
  }
}

/** Store purchases as the rules' service-validity input (withdrawn purchases grant nothing). */
export function toServicePurchases(doc: Pick<VehicleDoc, 'purchases'>): ServicePurchase[] {
  return doc.purchases
    .filter((p) => p.status !== 'withdrawn')
    .map((p) => ({ code: p.code, name: p.name, purchasedAt: p.purchasedAt, ...(p.termMonths ? { termMonths: p.termMonths } : {}) }))
}
