import type { VehicleDoc } from '../ipc/schemas'
import {
  assessSimDeactivation,
  assessSimReactivation,
  isLegalService,
  listServices,
  type IsoDate,
  type ServiceStatus,
  type ServiceValidity,
  type SimDeactivationDetail,
  type SimReactivationDetail
} from '../rules'
import { toServicePurchases, toVehicleFacts } from './facts'

/**
 * What a customer keeps and loses (issue 13, defect 3): the one computation behind the card's services
 * table, the deactivation dialog and the reactivation dialog, so the three can never disagree.
 *
 * - `legal`: the type-approval function itself (legal eCall, RULES.md §1–§2). It never ends with a
 *   contract and a SIM restricted to ECALL_ONLY keeps it.
 * - `connected`: a MINI Connected service; it needs the SIM and stops when the SIM is switched off.
 * - `own-contract`: a purchase that is a contract of its own and does not run over the SIM (DK Service
 *   Inclusive: servicing at the workshop, SI terms). Neither the SIM nor the MINI Connected contract
 *   ends it.
 */
export type ServiceKind = 'legal' | 'connected' | 'own-contract'

export interface ServiceLine {
  service: string
  codes: string[]
  kind: ServiceKind
  /** null: the clock has not started (not registered yet). */
  start: IsoDate | null
  /** Last day, inclusive; null when open-ended or not started. */
  end: IsoDate | null
  openEnded: boolean
  status: ServiceStatus
  active: boolean
  /** Not ended: comes back on reactivation (D4). */
  notEnded: boolean
  durationConflict: boolean
  /** D9: the duration rests on an assumption. */
  assumed: boolean
}

export interface DeactivationEffects {
  /** The rules' assessment: target state, functions kept and lost, contract effect, warnings. */
  assessment: SimDeactivationDetail
  /** Active today and switched off with the SIM. */
  stop: ServiceLine[]
  /** Active today and kept: the legal functions the SIM stays on for. */
  keep: ServiceLine[]
  /** Active today and not touched: contracts of their own. */
  unaffected: ServiceLine[]
}

export interface ReactivationEffects {
  assessment: SimReactivationDetail
  /** Come back with the SIM, with the dates the card will show afterwards (a cancelled termination ends nothing). */
  restored: ServiceLine[]
  /** Ended: stay off (D4). */
  stayOff: ServiceLine[]
  /** Work already and go on working (legal functions on a SIM restricted to them). */
  alreadyOn: ServiceLine[]
}

export interface ServiceEffects {
  /** Today's entitlements, as the card lists them. */
  services: ServiceLine[]
  ambiguousEquipment: string[]
  unknownEquipment: string[]
  /** null without a MINI Connected contract (nothing to assess). */
  deactivation: DeactivationEffects | null
  reactivation: ReactivationEffects | null
}

function linesOf(doc: VehicleDoc, on: IsoDate) {
  const listing = listServices({ vehicle: { market: doc.market, firstRegistration: doc.firstRegistration, equipment: doc.equipment }, purchases: toServicePurchases(doc) }, on)
  const ownContractCodes = new Set(doc.purchases.filter((p) => p.kind === 'service-inclusive').map((p) => p.code))
  const kindOf = (s: ServiceValidity): ServiceKind => (isLegalService(s.service) ? 'legal' : s.codes.length > 0 && s.codes.every((c) => ownContractCodes.has(c)) ? 'own-contract' : 'connected')
  const services = listing.services.map(
    (s): ServiceLine => ({
      service: s.service,
      codes: s.codes,
      kind: kindOf(s),
      start: s.start,
      end: s.end,
      openEnded: s.openEnded,
      status: s.status,
      active: s.active,
      notEnded: s.notEnded,
      durationConflict: s.durationConflict,
      assumed: s.assumptions.includes('D9')
    })
  )
  return { services, ambiguousEquipment: listing.ambiguousEquipment, unknownEquipment: listing.unknownEquipment }
}

/** The vehicle as it will be once a reactivation that cancels the pending termination is confirmed (RULES.md §4). */
function withTerminationCancelled(doc: VehicleDoc): VehicleDoc {
  return doc.contract ? { ...doc, contract: { ...doc.contract, status: 'active', terminationEffectiveOn: null } } : doc
}

export function serviceEffects(doc: VehicleDoc, today: IsoDate): ServiceEffects {
  const now = linesOf(doc, today)
  const facts = toVehicleFacts(doc)
  if (!facts) return { ...now, deactivation: null, reactivation: null }

  const deactivationAssessment = assessSimDeactivation(facts, today)
  const active = now.services.filter((s) => s.active)
  const deactivation: DeactivationEffects = {
    assessment: deactivationAssessment,
    stop: active.filter((s) => s.kind === 'connected'),
    keep: deactivationAssessment.targetState === 'ECALL_ONLY' ? active.filter((s) => s.kind === 'legal') : [],
    unaffected: active.filter((s) => s.kind === 'own-contract')
  }
  // A legal service on a SIM that must become DEACTIVATED cannot exist (RULES.md §2): listed as stopping
  // rather than silently dropped, should the data ever say so.
  if (deactivationAssessment.targetState === 'DEACTIVATED') deactivation.stop.push(...active.filter((s) => s.kind === 'legal'))

  const reactivationAssessment = assessSimReactivation(facts, today, { purchases: toServicePurchases(doc) })
  const after = reactivationAssessment.cancelsTermination ? linesOf(withTerminationCancelled(doc), today).services : now.services
  const simOnForLegal = doc.sim === 'ECALL_ONLY'
  const reactivation: ReactivationEffects = {
    assessment: reactivationAssessment,
    restored: after.filter((s) => s.kind !== 'own-contract' && s.notEnded && !(s.kind === 'legal' && simOnForLegal)),
    stayOff: after.filter((s) => s.kind !== 'own-contract' && !s.notEnded),
    alreadyOn: simOnForLegal ? after.filter((s) => s.kind === 'legal' && s.notEnded) : []
  }
  return { ...now, deactivation, reactivation }
}
