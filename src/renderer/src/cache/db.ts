import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { nameIndexRows, newChunkId } from './name-index'

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

let shared: CacheDatabase | null = null
export function cacheDb(): CacheDatabase {
  shared ??= new CacheDatabase()
  return shared
}
