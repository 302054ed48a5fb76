import Dexie from 'dexie'
import { planSearch, plansLookup, vinProblemOf, type SearchPlan } from '@shared/search/query'
import { rankResults } from '@shared/search/rank'
import type { CacheDatabase, CachedVehicle, NameIndexRow } from './db'
import { nameBucket } from './name-index'

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
 * part of the customer's name, a customer number, a phone number, an e-mail address or a case number
 * (what the input can be is decided in @shared/search/query, the same for main). Every path is an index
 * lookup in the cache; nothing goes to main here (cache/lookup.ts asks main what the copy cannot answer).
 * A short VIN can match several vehicles: all are listed, none is picked silently. Results are ranked
 * (@shared/search/rank): an identifier or the full name typed in full first.
 *
 * The lookups that apply to the input are independent index reads: they run at once, in one read-only
 * transaction.
 */
export async function searchVehicles(db: CacheDatabase, raw: string, limit = 50): Promise<SearchOutcome> {
  return searchPlanned(db, raw, planSearch(raw), limit)
}

export async function searchPlanned(db: CacheDatabase, raw: string, plan: SearchPlan, limit = 50): Promise<SearchOutcome> {
  if (plan.vinProblem) return { ...EMPTY, vinProblem: plan.vinProblem }
  if (!plansLookup(plan)) return EMPTY
  if (plan.vin) {
    const hit = await db.vehicles.get(plan.vin)
    return { results: hit ? [hit] : [], truncated: false, vinProblem: null }
  }

  const more = limit + 1
  const v = db.vehicles
  // One read-only transaction for all the reads of this search: each transaction costs a round trip.
  const lists = await db.transaction('r', [db.vehicles, db.nameIndex], () =>
    Promise.all([
      plan.caseId ? v.where('caseIds').equals(plan.caseId).toArray() : NONE,
      plan.customerNumber ? v.where('customer.customerNumber').equals(plan.customerNumber).limit(more).toArray() : NONE,
      plan.emailPrefix ? v.where('emailKey').startsWith(plan.emailPrefix).limit(more).toArray() : NONE,
      plan.shortVin ? v.where('shortVin').equals(plan.shortVin).toArray() : NONE,
      plan.platePrefix ? v.where('plateKey').startsWith(plan.platePrefix).limit(more).toArray() : NONE,
      plan.phoneDigits ? v.where('phoneTail').startsWith([...plan.phoneDigits].reverse().join('')).limit(more).toArray() : NONE,
      plan.nameWords.length ? byName(db, plan.nameWords, more) : NONE
    ])
  )

  const found = new Map<string, CachedVehicle>()
  for (const list of lists) {
    for (const hit of list) if (!found.has(hit.vin)) found.set(hit.vin, hit)
  }
  const results = rankResults(plan, [...found.values()])
  return { results: results.slice(0, limit), truncated: results.length > limit, vinProblem: results.length ? null : vinProblemOf(raw, plan) }
}

/**
 * Every word typed must prefix some word of the name (case and accents ignored, any order); `words`
 * come from the plan (longest first, no word that begins another).
 *
 * Each word's candidates come from the name index (the rows of its bucket), in index order; the
 * candidates of the longest word that all the others also list are checked against their records (the
 * index may still list a renamed or deleted vehicle under an old word), a page at a time, until `limit`
 * match. Candidates with more words typed in full come first, so that a common name typed in full
 * lists its own vehicles before those whose names merely begin the same.
 */
async function byName(db: CacheDatabase, words: readonly string[], limit: number): Promise<CachedVehicle[]> {
  const lists = await Promise.all(words.map((word) => vinsUnder(db, word)))
  const others = lists.slice(1).map((l) => l.all)
  const matching = [...lists[0]!.all].filter((vin) => others.every((set) => set.has(vin)))
  const candidates = byExactWords(matching, lists.map((l) => l.exact))
  const matches = (v: CachedVehicle) => words.every((w) => v.nameKeys.some((k) => k.startsWith(w)))
  const out: CachedVehicle[] = []
  for (let i = 0; i < candidates.length && out.length < limit; i += limit) {
    for (const v of await db.vehicles.bulkGet(candidates.slice(i, i + limit))) {
      if (v && out.length < limit && matches(v)) out.push(v)
    }
  }
  return out
}

/** VINs with the most words matched exactly first, keeping the index order otherwise (a stable partition). */
function byExactWords(vins: string[], exact: Set<string>[]): string[] {
  if (exact.every((set) => set.size === 0)) return vins
  const byScore: string[][] = Array.from({ length: exact.length + 1 }, () => [])
  for (const vin of vins) {
    let score = 0
    for (const set of exact) if (set.has(vin)) score++
    byScore[score]!.push(vin)
  }
  return byScore.reverse().flat()
}

/** VINs listed in the name index under a word starting with `prefix` (each once, in index order), and those under exactly `prefix`. */
async function vinsUnder(db: CacheDatabase, prefix: string): Promise<{ all: Set<string>; exact: Set<string> }> {
  // A prefix of two letters or more lies in its two-letter bucket, or in its first letter's (small
  // writes); a single letter spans every bucket it begins.
  const found = prefix.length >= 2 ? await Promise.all([bucketRows(db, nameBucket(prefix)), bucketRows(db, prefix[0]!)]) : [await bucketRows(db, prefix, `${prefix}\uffff`)]
  const all = new Set<string>()
  const exact = new Set<string>()
  for (const row of found.flat()) {
    for (const [word, vins] of row.postings) {
      if (!word.startsWith(prefix)) continue
      for (const vin of vins) all.add(vin)
      if (word === prefix) for (const vin of vins) exact.add(vin)
    }
  }
  return { all, exact }
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
