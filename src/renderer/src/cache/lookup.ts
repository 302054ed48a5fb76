import type { Request, Response } from '@shared/ipc/contract'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { planSearch, plansLookup, vinProblemOf, type SearchPlan } from '@shared/search/query'
import { rankResults } from '@shared/search/rank'
import type { CacheDatabase } from './db'
import { searchPlanned, type SearchOutcome } from './search'

/**
 * Lookups that never miss. The offline copy answers first, at once; main answers what the copy cannot:
 * every lookup while the copy is incomplete (a first start, a rebuild: it is still being filled), and a
 * full VIN the copy does not hold. Main's results are merged into the copy's and ranked the same way; a
 * row found only by main says so (`fromMain`), and is not written into the copy (the sync brings it, in
 * order, with everything else).
 */
export interface MainSearch {
  vehicleSearch(request: Request<'vehicleSearch'>): Promise<Response<'vehicleSearch'>>
}

/** A result row: a vehicle, and whether only main knew it. */
export type FoundVehicle = VehicleDoc & { fromMain?: true }

export interface LookupOutcome {
  results: FoundVehicle[]
  truncated: boolean
  vinProblem: SearchOutcome['vinProblem']
  /** Whether main was asked, and whether it answered. */
  main: 'not-asked' | 'answered' | 'unreachable'
}

/**
 * Whether the copy holds everything main had at its last sync: filled at least once, and its cursor
 * caught up with the head main reported. A first fill or a rebuild is under way otherwise.
 */
export async function copyIsComplete(db: CacheDatabase): Promise<boolean> {
  const [cursor, head] = await db.meta.bulkGet(['cursor', 'head'])
  const at = typeof cursor?.value === 'number' ? cursor.value : 0
  const of = typeof head?.value === 'number' ? head.value : 0
  return at > 0 && at >= of
}

/** Whether main should answer this input too. */
export function asksMain(plan: SearchPlan, local: SearchOutcome, complete: boolean): boolean {
  if (plan.vinProblem || !plansLookup(plan)) return false
  return !complete || (plan.vin !== null && local.results.length === 0)
}

export function localOutcome(local: SearchOutcome): LookupOutcome {
  return { ...local, main: 'not-asked' }
}

/** The copy's results and main's, each vehicle once (the copy's version first), ranked. */
export function mergeWithMain(raw: string, plan: SearchPlan, local: SearchOutcome, answer: Response<'vehicleSearch'>, limit = 50): LookupOutcome {
  const seen = new Set(local.results.map((v) => v.vin))
  const extra = answer.vehicles.filter((v) => !seen.has(v.vin)).map((v): FoundVehicle => ({ ...v, fromMain: true }))
  const all = rankResults(plan, [...local.results, ...extra])
  return {
    results: all.slice(0, limit),
    truncated: local.truncated || answer.truncated || all.length > limit,
    vinProblem: all.length ? null : vinProblemOf(raw, plan),
    main: 'answered'
  }
}

/** The whole lookup at once: the copy, then main when needed (tests; the search store staggers the two). */
export async function lookUp(db: CacheDatabase, main: MainSearch, raw: string, limit = 50): Promise<LookupOutcome> {
  const plan = planSearch(raw)
  const local = await searchPlanned(db, raw, plan, limit)
  if (!asksMain(plan, local, await copyIsComplete(db))) return localOutcome(local)
  try {
    return mergeWithMain(raw, plan, local, await main.vehicleSearch({ query: raw }), limit)
  } catch {
    return { ...localOutcome(local), main: 'unreachable' }
  }
}
