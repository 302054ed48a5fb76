import Dexie, { type EntityTable } from 'dexie'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { nameTokens, plateKey } from '@shared/search/fold'

/**
 * The renderer's replica of the main-process data (ARCHITECTURE.md, data flow 3). Lookups during a call
 * read only from here; it can be deleted at any time and rebuilt from main.
 */
export interface CachedVehicle extends VehicleDoc {
  /** Plate without spaces or dashes, upper case: the plate index. */
  plateKey: string
  /** Folded words of the customer's and company's names: the name index (multi-entry). */
  nameKeys: string[]
}

export interface MetaRow {
  key: 'cursor' | 'head' | 'syncedAt'
  value: number | string
}

export class CacheDatabase extends Dexie {
  vehicles!: EntityTable<CachedVehicle, 'vin'>
  meta!: EntityTable<MetaRow, 'key'>

  constructor(name = 'mini-backoffice-cache') {
    // Relaxed durability: a committed batch need not be flushed to disk before the next one starts. The
    // cache is a replica that can be rebuilt at any time, and a batch and its cursor are still written
    // atomically, so losing the last batches to a power cut only means pulling them again.
    super(name, { chromeTransactionDurability: 'relaxed' })
    // Versioned schema: a later version adds tables or indexes with an upgrade, never edits this one.
    this.version(1).stores({
      vehicles: 'vin, shortVin, plateKey, *nameKeys',
      meta: 'key'
    })
  }
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
  return {
    ...doc,
    plateKey: doc.plate ? plateKey(doc.plate) : '',
    nameKeys: nameKeysOf(doc.customer)
  }
}

let shared: CacheDatabase | null = null
export function cacheDb(): CacheDatabase {
  shared ??= new CacheDatabase()
  return shared
}
