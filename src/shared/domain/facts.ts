import { daysBetween, type ServicePurchase, type VehicleFacts } from '../rules'
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
 * DK/SE basic services come with the MINI Connected contract, indefinite (DK GTC 8.2, SE GTC 8.3), on the
 * equipment that carries them (DK/SE service descriptions). Names as in the service catalogues.
 */
const DK_SE_BASIC_SERVICES: Record<string, string> = {
  '6AE': 'Teleservices',
  '6AC': 'Intelligent Emergency Call',
  '6AF': 'Emergency Call (legal eCall)'
}

/**
 * Services that are the legally required function itself (BE catalogue «Legal Emergency Call», seed 000
 * L19; the DK/SE basic legal eCall above): a SIM restricted to ECALL_ONLY keeps them (RULES.md §2).
 */
const LEGAL_SERVICES = new Set(['Legal Emergency Call', DK_SE_BASIC_SERVICES['6AF']])
export function isLegalService(name: string): boolean {
  return LEGAL_SERVICES.has(name)
}

/**
 * The rules' service-validity input for a vehicle: store purchases (withdrawn ones grant nothing) and,
 * in DK and SE, the contract's basic services, which end with the contract.
 */
export function toServicePurchases(doc: Pick<VehicleDoc, 'purchases'> & Partial<Pick<VehicleDoc, 'market' | 'equipment' | 'contract'>>): ServicePurchase[] {
  const bought: ServicePurchase[] = doc.purchases
    .filter((p) => p.status !== 'withdrawn')
    .map((p) => ({ code: p.code, name: p.name, purchasedAt: p.purchasedAt, ...(p.termMonths ? { termMonths: p.termMonths } : {}) }))
  const contract = doc.contract
  if ((doc.market !== 'DK' && doc.market !== 'SE') || !contract || contract.status === 'withdrawn' || !doc.equipment) return bought
  const basic = doc.equipment.flatMap((code): ServicePurchase[] => {
    const name = DK_SE_BASIC_SERVICES[code]
    if (!name) return []
    const ends = contract.terminationEffectiveOn
    return [
      ends
        ? { code, name, purchasedAt: contract.concludedAt, termDays: Math.max(0, daysBetween(contract.concludedAt, ends) - 1) }
        : { code, name, purchasedAt: contract.concludedAt, basic: true }
    ]
  })
  return [...basic, ...bought]
}
