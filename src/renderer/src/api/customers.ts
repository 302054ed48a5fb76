import type { CustomerLanguage, VehicleDoc } from '@shared/ipc/schemas'
import { call } from './client'

/** The customer's language on record (read-outs, forms and letters are given in it). */
export function setCustomerLanguage(vin: string, language: CustomerLanguage): Promise<VehicleDoc> {
  return call('customerSetLanguage', { vin, language })
}
