// Service validity (RULES.md §6): which services a vehicle has, from when, until when, and
// whether each is active on a given date.
import { addDays, addMonths, addYears, compareDates, maxDate, minDate, toPlainDate } from './calendar'
import { SERVICE_CATALOGUES, type DurationDef, type PackageDef, LEGAL_SERVICE_NAMES } from './catalogue'
import { uniqueCitations, type Citation } from './clauses'
import { optionCodeVariants } from './ecall'
import type { IsoDate, Market, VehicleFacts } from './types'

/**
 * A purchase record (DK/SE: the only source of service terms; DK GTC 8.2, SE GTC 8.3). Also
 * accepted for PT/BE/LU, e.g. a renewal bought in the MINI Connected Store (BE L135).
 */
export interface ServicePurchase {
  /** Product or option code, e.g. 'SA6AP'. */
  code: string
  name: string
  purchasedAt: IsoDate
  /** Fixed term in months (D13 clamp). */
  termMonths?: number
  /** Fixed term in days. Used when termMonths is absent. Neither: indefinite. */
  termDays?: number
  /** Basic service: indefinite whatever the term fields say (DK GTC 8.2, SE GTC 8.3). */
  basic?: boolean
}

export type ServiceVehicle = Pick<VehicleFacts, 'market' | 'firstRegistration' | 'equipment'>

export interface ServiceValidityInput {
  vehicle: ServiceVehicle
  purchases?: readonly ServicePurchase[]
}

export interface ServiceGrant {
  /** Package option code as printed (catalogue) or the purchase code. */
  source: 'catalogue' | 'purchase'
  code: string
  packageName: string
  /** Duration as printed: 'Illimité', '3 Ans', 'Vitalício', '12 months', 'indefinite' … */
  durationLabel: string
  start: IsoDate | null
  /** Last day of validity, inclusive; null: open-ended or not started. */
  end: IsoDate | null
  openEnded: boolean
  /** 'D9': '5 Ans' is not defined by the seed. */
  assumption?: 'D9'
  /** Where the grant is written, e.g. '000 L71'. */
  seedLine: string
}

export type ServiceStatus = 'active' | 'expired' | 'not-started' | 'pending-registration'

export interface ServiceValidity {
  service: string
  /** Option codes of the packages (or purchases) that grant it. */
  codes: string[]
  /** null: the clock has not started (not registered yet). */
  start: IsoDate | null
  /** Last day of validity, inclusive; null when open-ended or not started yet. */
  end: IsoDate | null
  openEnded: boolean
  active: boolean
  status: ServiceStatus
  /** Not ended on the date (active, not started, or pending registration): restored on reactivation (D4). */
  notEnded: boolean
  /** 'starts at first registration' for a vehicle not yet registered (RULES.md §6). */
  startsAt?: 'first-registration'
  /** Display text for the start, e.g. 'starts at first registration'. */
  startText: string
  /** Display text for the end, e.g. '2029-05-10' or 'open-ended'. */
  endText: string
  grants: ServiceGrant[]
  /** Grants disagree on the duration (BE Send to Car: 3 Ans in 6AK, Illimité in 7GH/7GK). */
  durationConflict: boolean
  /** At least one grant rests on an assumption (D9). */
  assumptions: Array<'D9'>
  /** The option code can be read as two packages (BE 6UM, seed 000 note D4). */
  ambiguousCode?: string
  /** Clause and decision ids (clauses.ts) particular to this service: the grants, D9. */
  clauses: Citation[]
}

export interface ServiceListing {
  market: Market
  on: IsoDate
  basis: 'equipment-from-first-registration' | 'purchases'
  registered: boolean
  services: ServiceValidity[]
  /** Equipment codes that match no package of the market's catalogue (shown, not guessed). */
  unknownEquipment: string[]
  /** Equipment codes that can be read as two packages (seed 000 note D4): confirm with the vehicle. */
  ambiguousEquipment: string[]
  /** Where the market's durations and their start come from (clauses.ts ids). */
  clauses: Citation[]
}

/**
 * Last day of a catalogue duration that starts on `start` (the same counting as `purchaseEnd`),
 * or null when it has no end.
 */
export function validityEnd(start: IsoDate, d: DurationDef): IsoDate | null {
  if (d.years !== undefined) return addYears(start, d.years)
  if (d.months !== undefined) return addMonths(start, d.months)
  return null
}

/**
 * The last day of a term that starts on `start`. A term of N years/months from a date ends on the
 * same date N later (Regulation 1182/71 art. 3(1), (2)(c): the starting day is not counted, the
 * period ends at the end of the corresponding day), the same counting D6 uses; it is also the
 * reading that keeps the customer's service the longest.
 */
function purchaseEnd(start: IsoDate, p: ServicePurchase): IsoDate | null {
  if (p.basic === true) return null
  if (p.termMonths !== undefined) return addMonths(start, p.termMonths)
  if (p.termDays !== undefined) return addDays(start, p.termDays)
  return null
}

/** The service is the legal eCall itself (kept by ECALL_ONLY), not a service the customer loses. */
export function isLegalService(name: string): boolean {
  return LEGAL_SERVICE_NAMES.includes(name)
}

/**
 * True when the printed code can name two packages (seed 000 note D4: '6UM' is both the USB map
 * update package '606/6UM' and Système Navigation '6UM'). Written in full, '606/6UM' is not.
 */
export function isAmbiguousEquipment(market: Market, printed: string): boolean {
  const packages = SERVICE_CATALOGUES[market].packages
  const normalised = printed.trim().toUpperCase()
  if (packages.some((p) => p.code.includes('/') && p.code.toUpperCase() === normalised)) return false
  return optionCodeVariants(printed).some((c) => packages.filter((p) => p.matchCodes.includes(c)).length > 1)
}

/** Packages of the catalogue an equipment entry stands for (several when a code is ambiguous). */
export function packagesForEquipment(market: Market, printed: string): PackageDef[] {
  const packages = SERVICE_CATALOGUES[market].packages
  const normalised = printed.trim().toUpperCase()
  // Printed in full ('606/6UM', 'SA6AE'): that package only.
  const exact = packages.filter((p) => p.code.toUpperCase() === normalised)
  if (exact.length > 0) return exact
  const variants = optionCodeVariants(printed)
  return packages.filter((p) => p.matchCodes.some((c) => variants.includes(c)))
}

function statusOn(on: IsoDate, start: IsoDate | null, end: IsoDate | null): ServiceStatus {
  if (start === null) return 'pending-registration'
  if (compareDates(on, start) < 0) return 'not-started'
  if (end !== null && compareDates(on, end) > 0) return 'expired'
  return 'active'
}

function merge(market: Market, service: string, grants: ServiceGrant[], on: IsoDate): ServiceValidity {
  const openEnded = grants.some((g) => g.openEnded)
  const starts = grants.map((g) => g.start).filter((s): s is IsoDate => s !== null)
  // Not registered yet: no grant has started, so start and end stay null (RULES.md §6).
  const start = starts.length === 0 ? null : starts.reduce((a, b) => minDate(a, b))
  // RULES.md §6: a service's end is the latest end of its grants, open-ended if any grant is.
  let end: IsoDate | null = null
  if (!openEnded) {
    const ends = grants.map((g) => g.end).filter((e): e is IsoDate => e !== null)
    end = ends.length === 0 ? null : ends.reduce((a, b) => maxDate(a, b))
  }
  const status = statusOn(on, start, end)
  const labels = new Set(grants.map((g) => g.durationLabel))
  const durationConflict = labels.size > 1
  const assumptions = grants.some((g) => g.assumption === 'D9') ? (['D9'] as Array<'D9'>) : []
  const clauses: Citation[] = []
  // RULES.md §6: grants with different durations (BE Send to Car): the latest end applies.
  if (durationConflict) clauses.push(...SERVICE_CATALOGUES[market].clauses)
  if (assumptions.length > 0) clauses.push('D9')
  return {
    service,
    codes: [...new Set(grants.map((g) => g.code))],
    start,
    end,
    openEnded,
    active: status === 'active',
    status,
    notEnded: status !== 'expired',
    ...(start === null ? { startsAt: 'first-registration' as const } : {}),
    startText: start ?? 'starts at first registration',
    endText: openEnded ? 'open-ended' : (end ?? 'starts at first registration'),
    grants,
    durationConflict,
    assumptions,
    clauses
  }
}

/** RULES.md §6: the vehicle's services with start, end and status on `on`. */
export function listServices(input: ServiceValidityInput, on: IsoDate): ServiceListing {
  toPlainDate(on, 'on')
  const v = input.vehicle
  const market = v.market
  const cat = SERVICE_CATALOGUES[market]
  const registered = v.firstRegistration !== null
  if (v.firstRegistration !== null) toPlainDate(v.firstRegistration, 'firstRegistration')
  const reg = v.firstRegistration
  const byService = new Map<string, ServiceGrant[]>()
  const ambiguous = new Map<string, string>()
  const unknownEquipment: string[] = []
  const add = (service: string, grant: ServiceGrant): void => {
    const list = byService.get(service) ?? []
    list.push(grant)
    byService.set(service, list)
  }

  if (cat.basis === 'equipment-from-first-registration') {
    const seen = new Set<string>()
    for (const printed of v.equipment) {
      const pkgs = packagesForEquipment(market, printed)
      if (pkgs.length === 0) {
        unknownEquipment.push(printed)
        continue
      }
      for (const p of pkgs) {
        if (seen.has(p.code)) continue
        seen.add(p.code)
        for (const gr of p.grants) {
          // BE L55–L63; PT D10: every clock starts at first registration.
          const start = reg
          const end = start === null ? null : validityEnd(start, gr.duration)
          add(gr.service, {
            source: 'catalogue',
            code: p.code,
            packageName: p.name,
            durationLabel: gr.duration.printed,
            start,
            end,
            openEnded: gr.duration.openEnded,
            ...(gr.duration.assumption ? { assumption: gr.duration.assumption } : {}),
            seedLine: `${p.seedLines.split(' ')[0]} ${gr.seedLine}`
          })
          if (isAmbiguousEquipment(market, printed)) ambiguous.set(gr.service, printed)
        }
      }
    }
  }

  for (const p of input.purchases ?? []) {
    toPlainDate(p.purchasedAt, `purchase ${p.code} purchasedAt`)
    // Term from purchase (DK GTC 8.2, SE GTC 8.3), but no clock runs before first registration
    // (RULES.md §6): a service bought with the vehicle order starts when the vehicle is registered.
    const start = reg === null ? null : maxDate(p.purchasedAt, reg)
    const end = start === null ? null : purchaseEnd(start, p)
    const openEnded = p.basic === true || (p.termMonths === undefined && p.termDays === undefined)
    add(p.name, {
      source: 'purchase',
      code: p.code,
      packageName: p.name,
      durationLabel: openEnded ? 'indefinite' : p.termMonths !== undefined ? `${p.termMonths} months` : `${p.termDays} days`,
      start,
      end,
      openEnded,
      seedLine: cat.purchaseSeedLine
    })
  }

  const services = [...byService.entries()]
    .map(([service, grants]) => {
      const s = merge(market, service, grants, on)
      const amb = ambiguous.get(service)
      if (amb !== undefined) {
        // The wider reading is shown; the agent confirms the vehicle's equipment (`ambiguousCode`).
        s.ambiguousCode = amb
        s.clauses = uniqueCitations([...s.clauses, ...cat.clauses])
      }
      return s
    })
    .sort((a, b) => a.service.localeCompare(b.service, 'en'))

  const clauses: Citation[] = [...cat.clauses]

  const ambiguousEquipment = v.equipment.filter((e) => isAmbiguousEquipment(market, e))
  return { market, on, basis: cat.basis, registered, services, unknownEquipment, ambiguousEquipment, clauses }
}
