import { useLiveQuery } from '../composables/useLiveQuery'
import { cacheDb, type CacheDatabase, type CachedVehicle } from './db'

/** Vehicles that have withdrawal cases, for the case list: read through their sparse index only. */
export function vehiclesWithCases(db: CacheDatabase): Promise<CachedVehicle[]> {
  return db.vehicles.where('withCases').equals(1).toArray()
}

/** The vehicles with cases, live. */
export function useVehiclesWithCases() {
  return useLiveQuery(() => vehiclesWithCases(cacheDb()))
}
