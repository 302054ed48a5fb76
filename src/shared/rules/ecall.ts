import { LEGAL_ECALL_OPTION_CODES } from './catalogue'
import type { Citation } from './clauses'
import type { VehicleFacts } from './types'

export type LegalEcallSource =
  | { kind: 'record'; euEcall: boolean }
  | { kind: 'equipment'; code: string; matched: string }

export interface LegalEcallEvidence {
  /** D1: fitted when any evidence says so. */
  fitted: boolean
  /** Everything that was looked at and said "fitted" (or the record's explicit value). */
  sources: LegalEcallSource[]
  /** The record says `euEcall: false` while equipment says fitted: reportable, fitted wins (D1). */
  conflict: boolean
  /** ['D1']: the conflict is the `conflict` field, not a second citation. */
  clauses: Citation[]
}

/**
 * Option codes are printed in several ways: '6AF', 'S6AF', 'SA6AF' (PT seed writes SA6AE), or
 * with an alternative code '606/6UM' (BE seed L79). Returns the bare 3-character codes.
 */
export function optionCodeVariants(printed: string): string[] {
  const parts = printed.toUpperCase().split('/').map((p) => p.trim()).filter((p) => p.length > 0)
  const out: string[] = []
  for (const p of parts) {
    out.push(p)
    const m = /^SA?([0-9A-Z]{3})$/.exec(p)
    if (m) out.push(m[1]!)
  }
  return out
}

/** True when the printed option code is, or carries, the given bare code. */
export function equipmentHolds(equipment: readonly string[], code: string): string | undefined {
  const c = code.toUpperCase()
  return equipment.find((e) => optionCodeVariants(e).includes(c))
}

export function legalEcallEvidence(v: Pick<VehicleFacts, 'equipment' | 'euEcall'>): LegalEcallEvidence {
  const sources: LegalEcallSource[] = []
  if (v.euEcall !== undefined) sources.push({ kind: 'record', euEcall: v.euEcall })
  for (const printed of v.equipment) {
    // '606/6UM' is the USB map-update package (BE L79), but its code also reads as 6UM Système
    // Navigation, which carries Legal Emergency Call (BE L125–L131). D1 "safety first": a code that
    // can be read as a legal-eCall package counts as evidence.
    const matched = optionCodeVariants(printed).find((c) => LEGAL_ECALL_OPTION_CODES.includes(c))
    if (matched !== undefined) sources.push({ kind: 'equipment', code: printed, matched })
  }
  const byEquipment = sources.some((s) => s.kind === 'equipment')
  const fitted = v.euEcall === true || byEquipment
  const conflict = v.euEcall === false && byEquipment
  return { fitted, sources, conflict, clauses: ['D1'] }
}

/** RULES.md §1, D1. */
export function hasLegalEcall(v: VehicleFacts): boolean {
  return legalEcallEvidence(v).fitted
}

/** Legal map data (DK/SE GTC 1.6 b) is the second type-approval function: flagged on the record only. */
export function hasLegalMapData(v: VehicleFacts): boolean {
  return v.legalMapData === true
}

/**
 * The SIM must keep working for legally required functions (RULES.md §2 invariant): legal eCall or
 * legal map data. Such a vehicle can never be DEACTIVATED.
 */
export function mustKeepSim(v: VehicleFacts): boolean {
  return hasLegalEcall(v) || hasLegalMapData(v)
}
