import { servesLanguage } from '@shared/domain/languages'
import type { CustomerLanguage, VehicleDoc } from '@shared/ipc/schemas'
import type { SessionAgent } from '../auth/sessions'
import type { Database } from '../db/database'
import { lockVehicle } from '../db/sql-locks'
import type { Audit } from './audit'
import { refuse, runCommand } from './command'
import { notFound, refused } from './errors'
import { mayActOnMarket, otherMarket } from './scope'
import type { VehicleService } from './vehicles'

/**
 * The customer's language (RULES.md §9: read-outs, forms and letters in it): from the record, changeable
 * from the card by an agent who may see the vehicle, to a language the market serves (BE: French, Dutch or
 * German; LU: French or German; one elsewhere). Every vehicle of the customer follows (revision bump).
 */
export function createCustomerService(db: Database, audit: Audit, vehicles: VehicleService) {
  return {
    async setLanguage(agent: SessionAgent, vin: string, language: CustomerLanguage): Promise<VehicleDoc> {
      const action = 'customer.set-language'
      return runCommand(db, audit, async (tx) => {
        if (!(await lockVehicle(tx, vin))) throw notFound('vehicle.notFound', { vin })
        const vehicle = await vehicles.get(vin, tx)
        if (!mayActOnMarket(agent, vehicle.market)) refuse(otherMarket(vehicle.market), { actor: agent, action, vin })
        if (!servesLanguage(vehicle.market, language)) refuse(refused('customer.languageNotServed', { market: vehicle.market, language }), { actor: agent, action, vin })
        await tx.query('UPDATE customers SET language = $2 WHERE id = $1', [vehicle.customer.id, language])
        await audit.record({ actor: agent, action, vin, outcome: 'ok', details: { customerId: vehicle.customer.id, before: vehicle.customer.language, after: language } }, tx)
        return vehicles.get(vin, tx)
      })
    }
  }
}
