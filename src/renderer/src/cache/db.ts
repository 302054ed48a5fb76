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
    super(name)
    // Versioned schema: a later version adds tables or indexes with an upgrade, never edits this one.
    this.version(1).stores({
      vehicles: 'vin, shortVin, plateKey, *nameKeys',
      meta: 'key'
    })
  }
}

export function toCached(doc: VehicleDoc): CachedVehicle {
  return {
    ...doc,
    plateKey: doc.plate ? plateKey(doc.plate) : '',
    nameKeys: nameTokens(doc.customer.firstName, doc.customer.lastName, doc.customer.companyName)
  }
}

let shared: CacheDatabase | null = null
export function cacheDb(): CacheDatabase {
  shared ??= new CacheDatabase()
  return shared
}
