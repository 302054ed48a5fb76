import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { nameTokens, plateKey } from '@shared/search/fold'
import { emailKey, phoneTailKey } from '@shared/search/query'

/**
 * The renderer's replica of the main-process data (ARCHITECTURE.md, data flow 3). Lookups during a call
 * read only from here; it can be deleted at any time and rebuilt from main.
 */
export interface CachedVehicle extends VehicleDoc {
  /** Plate without spaces or dashes, upper case: the plate index. */
  plateKey: string
  /** Folded words of the customer's and company's names: what name lookups match against. */
  nameKeys: string[]
  /**
   * 1 when the vehicle has withdrawal cases, absent otherwise: a sparse index (IndexedDB skips records
   * without the key), so listing the vehicles with cases reads only those, at no cost to the others.
   */
  withCases?: 1
  /** The phone number's digits reversed (`phoneTailKey`): numbers ending in what was typed. Absent without a phone. */
  phoneTail?: string
  /** The e-mail address in lower case. Absent without one. */
  emailKey?: string
  /** The vehicle's withdrawal case numbers (a multi-entry index: vehicles without cases add nothing to it). */
  caseIds?: string[]
}

export interface MetaRow {
  /**
   * `nameChunks`: name-index chunks written since the index was last compacted; `scope`: whose view the
   * copy holds ('all' or a dealer's market, cache/scope.ts).
   */
  key: 'cursor' | 'head' | 'syncedAt' | 'nameChunks' | 'scope'
  value: number | string
}

/**
 * The name index: for each bucket (the first two letters of a name word; the first letter only for the
 * words of a small write) and each write (`chunk`), the vehicles written then, listed under each of
 * their name words in that bucket. A name lookup reads the
 * few rows of its words' buckets instead of thousands of index entries: in IndexedDB every index entry
 * costs a write during the sync and a step when read, and a fleet's names repeat (a surname is shared
 * by thousands of vehicles), so a multi-entry index on words made both the sync and the lookups of
 * several words slow.
 *
 * Rows are only ever added with the vehicles they list, in the same transaction, so every stored vehicle
 * is listed under its current words. A vehicle renamed or deleted stays listed under old words until the
 * next compaction: lookups check every candidate against its record.
 */
export interface NameIndexRow {
  bucket: string
  /** Unique for ever (`newChunkId`): a row, once written, is never rewritten with other content. */
  chunk: number
  /** [word, VINs of the vehicles with that name word] */
  postings: [string, string[]][]
}

export class CacheDatabase extends Dexie {
  vehicles!: EntityTable<CachedVehicle, 'vin'>
  meta!: EntityTable<MetaRow, 'key'>
  nameIndex!: Table<NameIndexRow, [string, number]>

  constructor(name = 'mini-backoffice-cache') {
    // Relaxed durability: a committed batch need not be flushed to disk before the next one starts. The
    // cache is a replica that can be rebuilt at any time, and a batch and its cursor are still written
    // atomically, so losing the last batches to a power cut only means pulling them again.
    super(name, { chromeTransactionDurability: 'relaxed' })
    // Versioned schema: a later version adds tables or indexes with an upgrade, never edits an earlier one.
    this.version(1).stores({
      vehicles: 'vin, shortVin, plateKey, *nameKeys',
      meta: 'key'
    })
    // 2: names are looked up in the name index instead of a multi-entry index on every name word; the
    // vehicles with withdrawal cases have a sparse index.
    this.version(2)
      .stores({
        vehicles: 'vin, shortVin, plateKey, withCases',
        nameIndex: '[bucket+chunk]'
      })
      .upgrade((tx) => upgradeToVersion2(tx))
    // 3: the search box also finds customer numbers, phone numbers, e-mail addresses and case numbers
    // (omni-search), and names fold Danish and Norwegian spellings alike (FOLD_VERSION 2). Every record
    // needs its new keys and the name index its new words: the copy is pulled again from main (the
    // cursor goes back to 0) while the records already held keep answering VIN, last-7 and plate
    // lookups, and main answers what the copy cannot until it is complete (cache/lookup.ts).
    this.version(3)
      .stores({
        vehicles: 'vin, shortVin, plateKey, withCases, customer.customerNumber, phoneTail, emailKey, *caseIds'
      })
      .upgrade((tx) => upgradeToVersion3(tx))
  }
}

/** The name folding (`FOLD_VERSION` in @shared/search/fold) the name index of this schema holds. */
export const NAME_INDEX_FOLD_VERSION = 2

/** The name-index bucket of a word, and of a typed word prefix of two letters or more. */
export function nameBucket(word: string): string {
  return word.slice(0, 2)
}

/**
 * Writes of fewer vehicles than this (incremental syncs) list them in one-letter buckets: a few rows
 * instead of one per two-letter bucket, which is most of the cost of a small write. Lookups read both.
 */
export const SMALL_WRITE = 1_000

let chunkSequence = 0
/**
 * A name-index chunk id never used before, in this database or any other: rows are only ever added or
 * deleted, never rewritten, so a copy of a row read earlier is still right (lookups keep such copies).
 * Milliseconds since 1970 times 1024 plus a counter stay below 2^53 until the year 2248.
 */
export function newChunkId(): number {
  chunkSequence = (chunkSequence + 1) % 1024
  return Date.now() * 1024 + chunkSequence
}

/** The name-index rows listing these vehicles under their words, as chunk `chunk`. */
export function nameIndexRows(records: readonly CachedVehicle[], chunk: number): NameIndexRow[] {
  const width = records.length < SMALL_WRITE ? 1 : 2
  const buckets = new Map<string, Map<string, string[]>>()
  for (const v of records) {
    for (const word of v.nameKeys) {
      const bucket = word.slice(0, width)
      let words = buckets.get(bucket)
      if (!words) buckets.set(bucket, (words = new Map()))
      const vins = words.get(word)
      if (vins) vins.push(v.vin)
      else words.set(word, [v.vin])
    }
  }
  return [...buckets].map(([bucket, words]) => ({ bucket, chunk, postings: [...words] }))
}

/** Records per bulkPut in `putVehicles`, and bulkPuts queued at once. */
export const PUT_SLICE = 500
export const PUTS_IN_FLIGHT = 3

/**
 * Stores vehicles and lists them in the name index, as a new chunk. Must run inside a read-write
 * transaction on `vehicles` and `nameIndex`. The records are put in slices, a few queued at once:
 * IndexedDB always has the next slice to store while the main thread clones (and, between slices,
 * parses the next answer, handles input), and the main thread is never busy for more than one slice,
 * so typing stays responsive during a sync.
 */
export async function putVehicles(db: CacheDatabase, records: readonly CachedVehicle[], slice = PUT_SLICE): Promise<void> {
  const queued: Promise<unknown>[] = []
  for (let i = 0; i < records.length; i += slice) {
    if (queued.length >= PUTS_IN_FLIGHT) await queued.shift()
    const put = db.vehicles.bulkPut(records.slice(i, i + slice))
    put.catch(() => undefined)
    queued.push(put)
  }
  for (const put of queued) await put
  if (records.length) await db.nameIndex.bulkPut(nameIndexRows(records, newChunkId()))
}

/**
 * Merges the name index into one row per two-letter bucket, each VIN once per word. With `dropMissing`,
 * also drops the VINs no longer in the cache (this reads every key of the vehicles table: now and then).
 */
export async function compactNameIndex(db: CacheDatabase, options: { dropMissing?: boolean } = {}): Promise<void> {
  await db.transaction('rw', [db.nameIndex, db.vehicles, db.meta], async () => {
    const present = options.dropMissing ? new Set(await db.vehicles.toCollection().primaryKeys()) : null
    const merged = new Map<string, Map<string, Set<string>>>()
    for (const row of await db.nameIndex.toArray()) {
      for (const [word, vins] of row.postings) {
        const bucket = nameBucket(word)
        let words = merged.get(bucket)
        if (!words) merged.set(bucket, (words = new Map()))
        let set = words.get(word)
        if (!set) words.set(word, (set = new Set()))
        for (const vin of vins) if (!present || present.has(vin)) set.add(vin)
      }
    }
    await db.nameIndex.clear()
    const chunk = newChunkId()
    await db.nameIndex.bulkPut(
      [...merged].map(([bucket, words]) => ({
        bucket,
        chunk,
        postings: [...words].filter(([, vins]) => vins.size).map(([word, vins]): [string, string[]] => [word, [...vins]])
      }))
    )
    await db.meta.put({ key: 'nameChunks', value: 0 })
  })
}

/**
 * Version 2 upgrade, a page of vehicles at a time: lists the vehicles already cached in the new name
 * index, and marks those with withdrawal cases.
 */
async function upgradeToVersion2(tx: Transaction): Promise<void> {
  const vehicles = tx.table<CachedVehicle, string>('vehicles')
  const index = tx.table<NameIndexRow, [string, number]>('nameIndex')
  const PAGE = 5_000
  let page = await vehicles.orderBy(':id').limit(PAGE).toArray()
  while (page.length) {
    await index.bulkPut(nameIndexRows(page, newChunkId()))
    const withCases = page.filter((v) => v.cases?.length).map((v): CachedVehicle => ({ ...v, withCases: 1 }))
    if (withCases.length) await vehicles.bulkPut(withCases)
    if (page.length < PAGE) break
    page = await vehicles.where(':id').above(page[page.length - 1]!.vin).limit(PAGE).toArray()
  }
}

/**
 * Version 3 upgrade: the name index was folded the old way, and no record has the new keys. Both come
 * back with the records, pulled again from the start; whose view the copy holds (its scope) stays.
 */
async function upgradeToVersion3(tx: Transaction): Promise<void> {
  await tx.table<NameIndexRow, [string, number]>('nameIndex').clear()
  await tx.table<MetaRow, string>('meta').bulkDelete(['cursor', 'head', 'nameChunks'])
}

/**
 * Folded words per name part. Names repeat a lot across a fleet (first names, family names, company
 * suffixes), and folding (NFD, accent stripping, the non-decomposing table) is the costly part of
 * preparing a record, so each distinct part is folded once. Bounded: cleared when it grows large.
 */
const foldedParts = new Map<string, readonly string[]>()
const FOLDED_PARTS_MAX = 50_000

function wordsOf(part: string): readonly string[] {
  let words = foldedParts.get(part)
  if (!words) {
    if (foldedParts.size >= FOLDED_PARTS_MAX) foldedParts.clear()
    words = nameTokens(part)
    foldedParts.set(part, words)
  }
  return words
}

/** Same result as `nameTokens(first, last, company)`: every folded word once, in order of appearance. */
function nameKeysOf(customer: VehicleDoc['customer']): string[] {
  const keys: string[] = []
  for (const part of [customer.firstName, customer.lastName, customer.companyName]) {
    if (!part) continue
    for (const word of wordsOf(part)) if (!keys.includes(word)) keys.push(word)
  }
  return keys
}

export function toCached(doc: VehicleDoc): CachedVehicle {
  const cached: CachedVehicle = {
    ...doc,
    plateKey: doc.plate ? plateKey(doc.plate) : '',
    nameKeys: nameKeysOf(doc.customer)
  }
  if (doc.cases?.length) {
    cached.withCases = 1
    cached.caseIds = doc.cases.map((c) => c.id)
  }
  if (doc.customer.phone) cached.phoneTail = phoneTailKey(doc.customer.phone)
  if (doc.customer.email) cached.emailKey = emailKey(doc.customer.email)
  return cached
}

let shared: CacheDatabase | null = null
export function cacheDb(): CacheDatabase {
  shared ??= new CacheDatabase()
  return shared
}
