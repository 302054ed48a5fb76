import type { Fleet } from '@shared/fleet/generate'
import type { Queryable } from './database'
import { insertSearchWords, markFolded } from './search-words'
import { LOCKS } from './sql-locks'

/**
 * Loads a generated fleet in bulk, inside the caller's transaction: rows go in as one JSON parameter per
 * chunk through json_populate_recordset, one round trip per few thousand rows instead of one per row. The
 * per-row revision triggers are skipped with a setting of this transaction (`mini.bulk_load`, migration
 * 0005; `session_replication_role` would need a superuser) and revisions assigned here, under the revision
 * lock: a fresh fleet has nothing to notify yet.
 */
const CHUNK = 5_000

export async function loadFleet(tx: Queryable, fleet: Fleet, onProgress?: (done: number, total: number) => void): Promise<void> {
  const total = fleet.records.length
  {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.revision])
    await tx.query(`SELECT set_config('mini.bulk_load', 'on', true)`)
    for (let i = 0; i < fleet.customers.length; i += CHUNK) {
      const rows = fleet.customers.slice(i, i + CHUNK).map((c) => ({
        id: c.id,
        kind: c.kind,
        first_name: c.firstName,
        language: c.language,
        last_name: c.lastName,
        company_name: c.companyName,
        street: c.street,
        postcode: c.postcode,
        city: c.city,
        country: c.country,
        customer_number: c.customerNumber,
        email: c.email,
        phone: c.phone
      }))
      await tx.query(`INSERT INTO customers SELECT * FROM json_populate_recordset(NULL::customers, $1)`, [JSON.stringify(rows)])
      // The bulk load skips the trigger that marks names for folding: their search words are written here.
      await insertSearchWords(tx, fleet.customers.slice(i, i + CHUNK))
    }
    await markFolded(tx)
    for (let i = 0; i < total; i += CHUNK) {
      const chunk = fleet.records.slice(i, i + CHUNK)
      const vehicles = chunk.map(({ vehicle: v }) => ({
        vin: v.vin,
        plate: v.plate,
        model: v.model,
        market: v.market,
        first_registration: v.firstRegistration,
        handed_over_at: v.handedOverAt,
        equipment: v.equipment,
        eu_ecall: v.euEcall,
        legal_map_data: v.legalMapData,
        sim_state: v.sim,
        dealer_number: v.dealerNumber,
        customer_id: v.customerId
      }))
      await tx.query(
        `INSERT INTO vehicles (vin, plate, model, market, first_registration, handed_over_at, equipment, eu_ecall,
            legal_map_data, sim_state, dealer_number, customer_id, rev)
         SELECT vin, plate, model, market, first_registration, handed_over_at, equipment, eu_ecall,
            legal_map_data, sim_state, dealer_number, customer_id, nextval('sync_rev')
         FROM json_populate_recordset(NULL::vehicles, $1)`,
        [JSON.stringify(vehicles)]
      )
      const contracts = chunk.flatMap(({ vehicle, contract: c }) =>
        c
          ? [
              {
                id: c.id,
                vin: vehicle.vin,
                concluded_at: c.concludedAt,
                customer_kind: c.customer,
                channel: c.channel,
                status: c.status,
                termination_effective_on: c.terminationEffectiveOn,
                instructions_given: c.instructionsGiven,
                instructions_received_at: c.instructionsReceivedAt,
                currency: c.currency,
                price: c.price,
                paid: c.paid
              }
            ]
          : []
      )
      await tx.query(`INSERT INTO contracts SELECT * FROM json_populate_recordset(NULL::contracts, $1)`, [JSON.stringify(contracts)])
      const purchases = chunk.flatMap(({ vehicle, purchases: ps }) =>
        ps.map((p) => ({
          id: p.id,
          vin: vehicle.vin,
          code: p.code,
          name: p.name,
          kind: p.kind,
          purchased_at: p.purchasedAt,
          channel: p.channel,
          currency: p.currency,
          price: p.price,
          paid: p.paid,
          term_months: p.termMonths,
          status: p.status
        }))
      )
      if (purchases.length) {
        await tx.query(`INSERT INTO purchases SELECT * FROM json_populate_recordset(NULL::purchases, $1)`, [JSON.stringify(purchases)])
      }
      onProgress?.(Math.min(i + CHUNK, total), total)
    }
    await tx.query(`SELECT set_config('mini.bulk_load', 'off', true)`)
  }
}
