import type { CacheDatabase, CachedVehicle } from './db'

/** Vehicles that have withdrawal cases, for the case list. */
export function vehiclesWithCases(db: CacheDatabase): Promise<CachedVehicle[]> {
  return db.vehicles.filter((v) => v.cases.length > 0).toArray()
}
