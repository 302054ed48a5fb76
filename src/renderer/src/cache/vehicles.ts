import type { Ref } from 'vue'
import { useLiveQuery } from '../composables/useLiveQuery'
import { cacheDb, type CacheDatabase, type CachedVehicle } from './db'

export type { CachedVehicle }

/**
 * Vehicles from the offline copy, for views and components, which never open the cache's database
 * themselves (eslint.config.js). Live: a sync batch or a command's result shows without a reload.
 */
export function vehicleByVin(db: CacheDatabase, vin: string): Promise<CachedVehicle | undefined> {
  return db.vehicles.get(vin)
}

/** One vehicle, live, following the VIN (the route's). */
export function useVehicle(vin: Ref<string>) {
  return useLiveQuery(() => vehicleByVin(cacheDb(), vin.value), [vin])
}

/** A customer's vehicles in the offline copy (the customer number is indexed), live; at most `limit`. */
export function useCustomerVehiclesInCopy(customerNumber: Ref<string>, limit: number) {
  return useLiveQuery(() => cacheDb().vehicles.where('customer.customerNumber').equals(customerNumber.value).limit(limit).toArray(), [customerNumber])
}
