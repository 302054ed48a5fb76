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
const NONE: CachedVehicle[] = []

/**
 * One search box for everything an agent may hear on the phone: a full VIN, the last 7 of a VIN, a plate,
 * or part of the customer's name. Every path is an index lookup in the cache; nothing goes to main.
 * A short VIN can match several vehicles: all are listed, none is picked silently.
 *
 * The lookups that apply to the input (short VIN, plate, name) are independent index reads: they run
 * at once and are merged in that order.
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

  const hasDigit = /\d/.test(compact)
  const tokens = nameTokens(query).filter((t) => !/^\d+$/.test(t))
  const [byShortVin, byPlate, byNameWords] = await Promise.all([
    alnum && compact.length === 7 ? db.vehicles.where('shortVin').equals(compact).toArray() : NONE,
    alnum && hasDigit && compact.length >= 2 ? db.vehicles.where('plateKey').startsWith(plateKey(compact)).limit(limit + 1).toArray() : NONE,
    tokens.length ? byName(db, tokens, limit + 1) : NONE
  ])

  const found = new Map<string, CachedVehicle>()
  for (const list of [byShortVin, byPlate, byNameWords]) {
    for (const v of list) if (!found.has(v.vin)) found.set(v.vin, v)
  }
  const results = [...found.values()]
  let vinProblem: SearchOutcome['vinProblem'] = null
  if (!results.length && looksLikeVinAttempt(compact)) {
    const check = validateVin(query)
    if (!check.ok) vinProblem = { reason: check.reason, message: check.message }
  }
  return { results: results.slice(0, limit), truncated: results.length > limit, vinProblem }
}

/** How the name lookup of several words reads the index (exported so tests can reach every path). */
export const nameSearchTuning = {
  /**
   * Records of the longest word read first and filtered by the others: when the other words are common,
   * enough matches are in them; when the longest word is rare, they are all of its vehicles.
   */
  firstPage: 256,
  /**
   * Most primary keys read per word when intersecting sparse matches. A prefix that matches more vehicles
   * (one or two letters) is checked on the surviving records instead of being intersected.
   */
  keysCap: 6_000
}

/**
 * Every word typed must prefix some word of the name. A typed word that begins another typed word adds
 * nothing ("an anders" is "anders"); the longest word drives the index, in its order.
 */
async function byName(db: CacheDatabase, tokens: string[], limit: number): Promise<CachedVehicle[]> {
  const words = [...new Set(tokens)]
    .sort((a, b) => b.length - a.length)
    .filter((word, i, all) => !all.some((other, j) => j < i && other.startsWith(word)))
  const [driver, ...rest] = words as [string, ...string[]]
  const range = db.vehicles.where('nameKeys')

  if (!rest.length) {
    // One word: the first `limit` distinct vehicles of its index range, in one read. A vehicle appears
    // once per name word that starts with the prefix, so read a little more, and more again if needed.
    for (let page = limit + 8; ; page *= 4) {
      const rows = await range.startsWith(driver).limit(page).toArray()
      const unique = distinct(rows)
      if (unique.length >= limit || rows.length < page) return unique.slice(0, limit)
    }
  }

  const matches = (v: CachedVehicle) => rest.every((t) => v.nameKeys.some((k) => k.startsWith(t)))

  // 1. The driver's first records, filtered: enough when matches are dense or the driver rare.
  const { firstPage, keysCap } = nameSearchTuning
  const first = await range.startsWith(driver).limit(firstPage).toArray()
  const dense = distinct(first).filter(matches)
  if (dense.length >= limit || first.length < firstPage) return dense.slice(0, limit)

  // 2. Sparse matches among many vehicles: intersect the words' primary keys, read only the survivors.
  const lists = await Promise.all(words.map((w) => range.startsWith(w).limit(keysCap).primaryKeys()))
  const complete = lists.map((keys) => keys.length < keysCap)
  if (!complete.some(Boolean)) return walk(db, driver, matches, limit)
  const order = complete.indexOf(true)
  const others = lists.filter((_, i) => i !== order && complete[i]).map((keys) => new Set(keys))
  const candidates = [...new Set(lists[order])].filter((vin) => others.every((set) => set.has(vin)))
  // The survivors are checked on their records: words whose keys were capped are only checked there.
  const out: CachedVehicle[] = []
  for (let i = 0; i < candidates.length && out.length < limit; i += limit) {
    for (const v of await db.vehicles.bulkGet(candidates.slice(i, i + limit))) {
      if (v && matches(v) && out.length < limit) out.push(v)
    }
  }
  return out
}

/** Every word very common: walk the driver's index with a cursor until enough match. */
function walk(db: CacheDatabase, driver: string, matches: (v: CachedVehicle) => boolean, limit: number): Promise<CachedVehicle[]> {
  return db.vehicles.where('nameKeys').startsWith(driver).distinct().filter(matches).limit(limit).toArray()
}

function distinct(rows: CachedVehicle[]): CachedVehicle[] {
  const seen = new Set<string>()
  return rows.filter((v) => !seen.has(v.vin) && seen.add(v.vin))
}

/** Ten or more letters and digits, some of them digits, that matched nothing: most likely a VIN. */
function looksLikeVinAttempt(compact: string): boolean {
  return /\d/.test(compact) && compact.replace(/[^A-Z0-9]/g, '').length >= 10
}
