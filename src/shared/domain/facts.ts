import { daysBetween, DK_SE_BASIC_SERVICES, isLegalService, optionCodeVariants, SERVICE_CATALOGUES, type ServicePurchase, type VehicleFacts } from '../rules'
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

/**
 * The rules' service-validity input for a vehicle: store purchases (withdrawn ones grant nothing) and,
 * in DK and SE, the contract's basic services, which end with the contract. Legal Emergency Call is the
 * exception: a type-approval function (RULES.md §1, DK SD «Legal eCall kan ikke deaktiveres»), it never
 * ends with a contract, terminated or withdrawn (issue 13, defect 3).
 */
export function toServicePurchases(doc: Pick<VehicleDoc, 'purchases'> & Partial<Pick<VehicleDoc, 'market' | 'equipment' | 'contract'>>): ServicePurchase[] {
  const bought: ServicePurchase[] = doc.purchases
    .filter((p) => p.status !== 'withdrawn')
    .map((p) => ({ code: p.code, name: p.name, purchasedAt: p.purchasedAt, ...(p.termMonths ? { termMonths: p.termMonths } : {}) }))
  const contract = doc.contract
  // The markets whose services come from purchase records (DK, SE) count the contract's basic services too.
  if (!doc.market || SERVICE_CATALOGUES[doc.market].basis !== 'purchases' || !contract || !doc.equipment) return bought
  const basic = doc.equipment.flatMap((printed): ServicePurchase[] => {
    const code = optionCodeVariants(printed).find((c) => DK_SE_BASIC_SERVICES[c])
    const name = code ? DK_SE_BASIC_SERVICES[code] : undefined
    if (!code || !name) return []
    if (isLegalService(name)) return [{ code, name, purchasedAt: contract.concludedAt, basic: true }]
    if (contract.status === 'withdrawn') return []
    const ends = contract.terminationEffectiveOn
    return [
      ends
        ? { code, name, purchasedAt: contract.concludedAt, termDays: Math.max(0, daysBetween(contract.concludedAt, ends) - 1) }
        : { code, name, purchasedAt: contract.concludedAt, basic: true }
    ]
  })
  return [...basic, ...bought]
}
