import { validateVin } from '@shared/rules'
import { nameTokens, plateKey } from '@shared/search/fold'
import type { CacheDatabase, CachedVehicle } from './db'

export interface SearchOutcome {
  results: CachedVehicle[]
  /** More matched than were returned: the agent should type more. */
  truncated: boolean
  /** Set when the input looks like a VIN attempt that cannot be one: says why (RULES.md §1). */
  vinProblem: { reason: string; message: string } | null
}

const EMPTY: SearchOutcome = { results: [], truncated: false, vinProblem: null }

/**
 * One search box for everything an agent may hear on the phone: a full VIN, the last 7 of a VIN, a plate,
 * or part of the customer's name. Every path is an index lookup in the cache; nothing goes to main.
 * A short VIN can match several vehicles: all are listed, none is picked silently.
 */
export async function searchVehicles(db: CacheDatabase, raw: string, limit = 50): Promise<SearchOutcome> {
  const query = raw.trim()
  if (!query) return EMPTY
  const compact = query.replace(/[\s-]/g, '').toUpperCase()
  const alnum = /^[A-Z0-9]+$/.test(compact)

  if (alnum && compact.length === 17) {
    const check = validateVin(compact)
    if (!check.ok) return { ...EMPTY, vinProblem: { reason: check.reason, message: check.message } }
    const hit = await db.vehicles.get(check.vin)
    return { results: hit ? [hit] : [], truncated: false, vinProblem: null }
  }

  const found = new Map<string, CachedVehicle>()
  const add = (items: CachedVehicle[]) => {
    for (const v of items) if (!found.has(v.vin)) found.set(v.vin, v)
  }
  const hasDigit = /\d/.test(compact)

  if (alnum && compact.length === 7) {
    add(await db.vehicles.where('shortVin').equals(compact).toArray())
  }
  if (alnum && hasDigit && compact.length >= 2) {
    add(await db.vehicles.where('plateKey').startsWith(plateKey(compact)).limit(limit + 1).toArray())
  }
  const tokens = nameTokens(query).filter((t) => !/^\d+$/.test(t))
  if (tokens.length && found.size <= limit) {
    add(await byName(db, tokens, limit + 1 - found.size))
  }

  const results = [...found.values()]
  let vinProblem: SearchOutcome['vinProblem'] = null
  if (!results.length && looksLikeVinAttempt(compact)) {
    const check = validateVin(query)
    if (!check.ok) vinProblem = { reason: check.reason, message: check.message }
  }
  return { results: results.slice(0, limit), truncated: results.length > limit, vinProblem }
}

/** Every word typed must prefix some word of the name; the longest word drives the index. */
async function byName(db: CacheDatabase, tokens: string[], limit: number): Promise<CachedVehicle[]> {
  const [driver, ...rest] = [...tokens].sort((a, b) => b.length - a.length) as [string, ...string[]]
  const candidates = db.vehicles.where('nameKeys').startsWith(driver).distinct()
  const matches = rest.length
    ? candidates.filter((v) => rest.every((t) => v.nameKeys.some((k) => k.startsWith(t))))
    : candidates
  return matches.limit(limit).toArray()
}

/** Ten or more letters and digits, some of them digits, that matched nothing: most likely a VIN. */
function looksLikeVinAttempt(compact: string): boolean {
  return /\d/.test(compact) && compact.replace(/[^A-Z0-9]/g, '').length >= 10
}
