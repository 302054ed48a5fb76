// SIM deactivation and reactivation (RULES.md §2–§4).
import { addMonths, compareDates, toPlainDate } from './calendar'
import { SIM_RULES } from './catalogue'
import { uniqueCitations, type Citation } from './clauses'
import { hasLegalEcall, hasLegalMapData, legalEcallEvidence } from './ecall'
import { listServices, type ServicePurchase, type ServiceValidity } from './services'
import type { IsoDate, SimDeactivationAssessment, SimReactivationAssessment, SimState, VehicleFacts } from './types'

/** What the customer keeps after the change (RULES.md §2 ECALL_ONLY). */
export type KeptFunction = 'legal-ecall' | 'psap-voice-call' | 'legal-map-data'
/** What the customer loses (D3: Intelligent eCall always). */
export type LostFunction = 'intelligent-ecall' | 'connected-services' | 'emergency-call' | 'online-parts-of-activated-functions'

/** Warnings the agent reads out; the customer acknowledges them (RULES.md §3). */
export type SimWarningKey =
  | 'emergency-call-lost'
  | 'intelligent-ecall-lost'
  | 'activated-functions-offline'
  | 'no-legal-ecall-map-data-only'

/** English text for each warning key (the renderer may translate by key). */
export const SIM_WARNING_TEXT: Readonly<Record<SimWarningKey, string>> = {
  'emergency-call-lost': 'The emergency call will no longer work: no emergency call of any kind will be possible from this vehicle.',
  'intelligent-ecall-lost': 'Intelligent Emergency Call (the call to the MINI call centre) and all connected services will stop.',
  'activated-functions-offline': 'Functions already unlocked by an activation code keep working offline; their online parts stop.',
  'no-legal-ecall-map-data-only': 'This vehicle has no legal eCall on record: the SIM stays on only for legal map data; do not tell the customer that an emergency call will still work.'
}

export type ContractState = 'active' | 'termination-pending' | 'ended' | 'withdrawn'

/**
 * Where the contract stands on `on`. A termination whose effective date has come is ended; a
 * 'terminated' status without a date is treated as ended (the safe reading: a new contract is
 * needed rather than silently reviving one).
 */
export function contractStateOn(v: VehicleFacts, on: IsoDate): ContractState {
  const c = v.contract
  if (c.status === 'withdrawn') return 'withdrawn'
  const eff = c.terminationEffectiveOn
  if (eff !== undefined) return compareDates(eff, on) <= 0 ? 'ended' : 'termination-pending'
  return c.status === 'terminated' ? 'ended' : 'active'
}

/** Handed over on or before `on`. */
export function isHandedOver(v: VehicleFacts, on: IsoDate): boolean {
  return v.handedOverAt !== null && compareDates(v.handedOverAt, on) <= 0
}

/** RULES.md §2 invariant: the only state a vehicle with legal functions may be brought to. */
export function deactivationTarget(v: VehicleFacts): 'ECALL_ONLY' | 'DEACTIVATED' {
  return hasLegalEcall(v) || hasLegalMapData(v) ? 'ECALL_ONLY' : 'DEACTIVATED'
}

/**
 * Guard for the place commands are executed (RULES.md §2): may this vehicle be put into `target`?
 * False whenever the vehicle has legal eCall or legal map data and `target` is DEACTIVATED.
 */
export function isTargetStateAllowed(v: VehicleFacts, target: SimState): boolean {
  return !(target === 'DEACTIVATED' && (hasLegalEcall(v) || hasLegalMapData(v)))
}

export interface SimDeactivationDetail extends SimDeactivationAssessment {
  /** Clause and decision ids (clauses.ts), each once, in the order an agent reads them. */
  clauses: Citation[]
  market: VehicleFacts['market']
  handedOver: boolean
  contractState: ContractState
  legalEcall: boolean
  legalEcallConflict: boolean
  legalMapData: boolean
  keeps: KeptFunction[]
  loses: LostFunction[]
  /** Warning keys to read out and have acknowledged, most serious first. */
  warnings: SimWarningKey[]
  /** 'all-payments' for a withdrawal (§5), 'none' otherwise (DK 8.7, SE 8.8, PT II.2.2, BE L143). */
  refund: 'all-payments' | 'none'
  /** A DK/SE termination already pending keeps its date. */
  terminationAlreadyPending: boolean
  /** PT II.5.1: which services the request switches off. */
  servicesSwitchedOff?: { code: string; name: string }[]
  /** The SIM is DEACTIVATED on a vehicle with legal functions: it must be brought back to ECALL_ONLY. */
  invariantBreach: boolean
}

/** RULES.md §3. */
export function assessSimDeactivation(v: VehicleFacts, on: IsoDate): SimDeactivationDetail {
  toPlainDate(on, 'on')
  const rule = SIM_RULES[v.market]
  const evidence = legalEcallEvidence(v)
  const legalEcall = evidence.fitted
  const legalMapData = hasLegalMapData(v)
  const targetState = deactivationTarget(v)
  const handedOver = isHandedOver(v, on)
  const contractState = contractStateOn(v, on)
  const invariantBreach = v.sim === 'DEACTIVATED' && targetState === 'ECALL_ONLY'
  const clauses: Citation[] = [...rule.refs.who]

  // Refusal precedence follows the order of RULES-API.md.
  let refusal: SimDeactivationAssessment['refusal']
  const alreadyThere = v.sim === 'DEACTIVATED' || (v.sim === 'ECALL_ONLY' && targetState === 'ECALL_ONLY')
  if (alreadyThere) refusal = 'already-deactivated'
  else if (contractState === 'withdrawn') refusal = 'contract-withdrawn'
  else if (contractState === 'ended') refusal = 'contract-ended'

  // The SIM stays on (ECALL_ONLY) exactly when one of these is kept (RULES.md §2).
  const keeps: KeptFunction[] = []
  if (legalEcall) keeps.push('legal-ecall', 'psap-voice-call')
  if (legalMapData) keeps.push('legal-map-data')
  // D18: decided by what survives, not by the target state. Only legal eCall (and the PSAP voice
  // call that comes with it) is an emergency call; a SIM kept on for legal map data alone carries none.
  const emergencyCallLost = !keeps.includes('legal-ecall')
  const loses: LostFunction[] = ['intelligent-ecall', 'connected-services']
  if (emergencyCallLost) loses.push('emergency-call')
  if (rule.activatedFunctionsStayOffline) loses.push('online-parts-of-activated-functions')

  const warnings: SimWarningKey[] = []
  if (emergencyCallLost) warnings.push('emergency-call-lost')
  // D3: Intelligent eCall is lost in every deactivation, even when the SIM stays on.
  warnings.push('intelligent-ecall-lost')
  if (legalMapData && !legalEcall) warnings.push('no-legal-ecall-map-data-only')
  if (rule.activatedFunctionsStayOffline) warnings.push('activated-functions-offline')

  // Contract effect per market.
  let contractEffect: SimDeactivationAssessment['contractEffect'] = 'none'
  let terminationEffectiveOn: IsoDate | undefined
  let terminationAlreadyPending = false
  if (rule.contract) {
    // D12: before handover a withdrawal, DK for any customer, SE for a consumer whose contract was
    // concluded at a distance or off the premises (1.6 a); otherwise a termination (1.6 b, D16).
    const d12 = rule.contract.d12
    const withdrawal =
      !handedOver && (d12.anyCustomer || (v.contract.customer === 'consumer' && d12.consumerChannels.includes(v.contract.channel)))
    if (withdrawal) {
      contractEffect = 'withdrawal'
      clauses.push(...rule.refs.withdrawal)
    } else {
      contractEffect = 'termination'
      if (contractState === 'termination-pending') {
        // The notice already given stands: no second month of notice is started.
        terminationAlreadyPending = true
        terminationEffectiveOn = v.contract.terminationEffectiveOn!
        clauses.push(...rule.refs.terminationPending)
      } else {
        // D13: one month after the request (DK/SE 8.1).
        terminationEffectiveOn = addMonths(on, rule.contract.terminationNoticeMonths)
        clauses.push(...rule.refs.termination)
      }
      const why = rule.preHandoverTermination
      if (!handedOver && why) clauses.push(...(v.contract.customer !== 'consumer' ? why.notConsumer : why.onPremises))
    }
  } else {
    clauses.push(...rule.refs.noEffect)
  }

  if (legalEcall) clauses.push(...rule.refs.legalEcall, ...evidence.clauses)
  if (legalMapData) clauses.push(...rule.refs.legalMapData)
  if (emergencyCallLost) {
    clauses.push(...rule.refs.emergencyCallLost)
    if (targetState === 'ECALL_ONLY') clauses.push('D18')
  }
  clauses.push('D3', ...rule.refs.activatedFunctions)

  const allowed = refusal === undefined
  const refund: SimDeactivationDetail['refund'] = contractEffect === 'withdrawal' ? 'all-payments' : 'none'
  return {
    allowed,
    ...(refusal !== undefined ? { refusal } : {}),
    targetState,
    emergencyCallLost,
    // RULES.md §3: "The command is refused without this acknowledgement" applies to the loss of every
    // emergency call (RULES-API: "the customer must acknowledge the loss"). The loss of Intelligent
    // eCall (D3) is a warning read out with every deactivation (`warnings`), recorded, not blocking.
    requiresAcknowledgement: allowed && emergencyCallLost,
    contractEffect,
    ...(terminationEffectiveOn !== undefined ? { terminationEffectiveOn } : {}),
    clauses: uniqueCitations(clauses),
    market: v.market,
    handedOver,
    contractState,
    legalEcall,
    legalEcallConflict: evidence.conflict,
    legalMapData,
    keeps,
    loses,
    warnings,
    refund,
    terminationAlreadyPending,
    ...(rule.servicesSwitchedOff ? { servicesSwitchedOff: rule.servicesSwitchedOff } : {}),
    invariantBreach
  }
}

export interface SimReactivationDetail extends SimReactivationAssessment {
  /** Clause and decision ids (clauses.ts), each once. */
  clauses: Citation[]
  market: VehicleFacts['market']
  targetState: 'ACTIVE'
  contractState: ContractState
  /** D4: services whose validity has not ended: restored. */
  restoredServices: ServiceValidity[]
  /** D4: expired services stay off and are listed. */
  expiredServices: ServiceValidity[]
  /**
   * The SIM is DEACTIVATED on a vehicle with legal functions. Even when reactivation is refused,
   * the SIM must be brought back to ECALL_ONLY (RULES.md §2 invariant).
   */
  restoreLegalFunctions: boolean
  /** The agent must tell the customer a new contract is needed (RULES.md §4). */
  newContractNeeded: boolean
}

export interface SimReactivationOptions {
  /** DK/SE service terms come from purchase records (RULES.md §6). */
  purchases?: readonly ServicePurchase[]
}

/** RULES.md §4, D4. */
export function assessSimReactivation(v: VehicleFacts, on: IsoDate, options: SimReactivationOptions = {}): SimReactivationDetail {
  toPlainDate(on, 'on')
  const contractState = contractStateOn(v, on)
  const rule = SIM_RULES[v.market]
  const clauses: Citation[] = [...rule.refs.reactivation]
  let refusal: SimReactivationAssessment['refusal']
  if (v.sim === 'ACTIVE') refusal = 'already-active'
  else if (contractState === 'withdrawn') refusal = 'contract-withdrawn'
  else if (contractState === 'ended') refusal = 'contract-ended'

  const listing = listServices({ vehicle: v, purchases: options.purchases ?? [] }, on)
  const restoredServices = listing.services.filter((s) => s.notEnded)
  const expiredServices = listing.services.filter((s) => !s.notEnded)

  const cancelsTermination =
    refusal === undefined && contractState === 'termination-pending' && rule.reactivationCancelsTermination

  const legalEcall = hasLegalEcall(v)
  const legalMapData = hasLegalMapData(v)
  const restoreLegalFunctions = v.sim === 'DEACTIVATED' && (legalEcall || legalMapData)
  if (restoreLegalFunctions) {
    // RULES.md §2: the SIM must be brought back at least to ECALL_ONLY, on the clauses that keep it on.
    // The legal-eCall clauses cover legal map data too (DK/SE 1.6 b names both).
    clauses.push(...(legalEcall ? [...rule.refs.legalEcall, 'D1' as const] : rule.refs.legalMapData))
  }
  return {
    allowed: refusal === undefined,
    ...(refusal !== undefined ? { refusal } : {}),
    cancelsTermination,
    clauses: uniqueCitations(clauses),
    market: v.market,
    targetState: 'ACTIVE',
    contractState,
    restoredServices,
    expiredServices,
    restoreLegalFunctions,
    newContractNeeded: refusal === 'contract-withdrawn' || refusal === 'contract-ended'
  }
}
