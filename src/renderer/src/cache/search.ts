import Dexie from 'dexie'
import { validateVin } from '@shared/rules'
import { nameTokens, plateKey } from '@shared/search/fold'
import { cacheDb, nameBucket, type CacheDatabase, type CachedVehicle, type NameIndexRow } from './db'

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
 * at once, in one read-only transaction, and are merged in that order.
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
  // One read-only transaction for all the reads of this search: each transaction costs a round trip.
  const [byShortVin, byPlate, byNameWords] = await db.transaction('r', [db.vehicles, db.nameIndex], () =>
    Promise.all([
      alnum && compact.length === 7 ? db.vehicles.where('shortVin').equals(compact).toArray() : NONE,
      alnum && hasDigit && compact.length >= 2 ? db.vehicles.where('plateKey').startsWith(plateKey(compact)).limit(limit + 1).toArray() : NONE,
      tokens.length ? byName(db, tokens, limit + 1) : NONE
    ])
  )

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

/**
 * Every word typed must prefix some word of the name (case and accents ignored, any order). A typed word
 * that begins another typed word adds nothing ("an anders" is "anders").
 *
 * Each word's candidates come from the name index (the rows of its bucket), in index order; the
 * candidates of the longest word that all the others also list are checked against their records (the
 * index may still list a renamed or deleted vehicle under an old word), a page at a time, until `limit`
 * match.
 */
async function byName(db: CacheDatabase, tokens: string[], limit: number): Promise<CachedVehicle[]> {
  const words = [...new Set(tokens)]
    .sort((a, b) => b.length - a.length)
    .filter((word, i, all) => !all.some((other, j) => j < i && other.startsWith(word)))
  const lists = await Promise.all(words.map((word) => vinsUnder(db, word)))
  const others = lists.slice(1).map((vins) => new Set(vins))
  const candidates = lists[0]!.filter((vin) => others.every((set) => set.has(vin)))
  const matches = (v: CachedVehicle) => words.every((w) => v.nameKeys.some((k) => k.startsWith(w)))
  const out: CachedVehicle[] = []
  for (let i = 0; i < candidates.length && out.length < limit; i += limit) {
    for (const v of await db.vehicles.bulkGet(candidates.slice(i, i + limit))) {
      if (v && out.length < limit && matches(v)) out.push(v)
    }
  }
  return out
}

/** VINs listed in the name index under a word starting with `prefix`, each once, in index order. */
async function vinsUnder(db: CacheDatabase, prefix: string): Promise<string[]> {
  // A prefix of two letters or more lies in its two-letter bucket, or in its first letter's (small
  // writes); a single letter spans every bucket it begins.
  const found = prefix.length >= 2 ? await Promise.all([bucketRows(db, nameBucket(prefix)), bucketRows(db, prefix[0]!)]) : [await bucketRows(db, prefix, `${prefix}\uffff`)]
  const seen = new Set<string>()
  for (const row of found.flat()) {
    for (const [word, vins] of row.postings) {
      if (word.startsWith(prefix)) for (const vin of vins) seen.add(vin)
    }
  }
  return [...seen]
}

type RowKey = [string, number]
const keyOf = ([bucket, chunk]: RowKey) => `${bucket}\u0000${chunk}`

/**
 * Copies of the name-index rows read so far, per database and bucket range. A row is never rewritten
 * (chunk ids are never reused), so a copy stays right: which rows a range holds is read every time (keys
 * only), and only rows not seen before are fetched. At most one copy of the index per range read.
 */
const seenRows = new WeakMap<CacheDatabase, Map<string, Map<string, NameIndexRow>>>()

async function bucketRows(db: CacheDatabase, from: string, to = from): Promise<NameIndexRow[]> {
  let ranges = seenRows.get(db)
  if (!ranges) seenRows.set(db, (ranges = new Map()))
  const id = `${from}\u0000${to}`
  const range = () => db.nameIndex.where('[bucket+chunk]').between([from, Dexie.minKey], [to, Dexie.maxKey], true, true)
  const known = ranges.get(id)
  let rows: NameIndexRow[]
  if (!known) {
    rows = await range().toArray()
  } else {
    const keys = await range().primaryKeys()
    const missing = keys.filter((key) => !known.has(keyOf(key)))
    const fetched = new Map<string, NameIndexRow>()
    if (missing.length) for (const row of await db.nameIndex.bulkGet(missing)) if (row) fetched.set(keyOf([row.bucket, row.chunk]), row)
    rows = keys.flatMap((key) => {
      const row = known.get(keyOf(key)) ?? fetched.get(keyOf(key))
      return row ? [row] : []
    })
  }
  ranges.set(id, new Map(rows.map((row) => [keyOf([row.bucket, row.chunk]), row])))
  return rows
}

/** Ten or more letters and digits, some of them digits, that matched nothing: most likely a VIN. */
function looksLikeVinAttempt(compact: string): boolean {
  return /\d/.test(compact) && compact.replace(/[^A-Z0-9]/g, '').length >= 10
}

/** The lookup the search box runs, on this computer's offline copy. */
export function searchCache(raw: string, limit?: number): Promise<SearchOutcome> {
  return searchVehicles(cacheDb(), raw, limit)
}
