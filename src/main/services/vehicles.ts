import type { VehicleDoc } from '@shared/ipc/schemas'
import type { Database, Queryable } from '../db/database'
import { NotFoundError } from './errors'

export interface ChangeBatch {
  vehicles: VehicleDoc[]
  deletedVins: string[]
  cursor: number
  head: number
  hasMore: boolean
}

export async function currentRevision(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ last_value: number; is_called: boolean }>('SELECT last_value, is_called FROM sync_rev')
  const row = rows[0]
  return row && row.is_called ? Number(row.last_value) : 0
}

export function createVehicleService(db: Database) {
  return {
    async get(vin: string, tx: Queryable = db): Promise<VehicleDoc> {
      const { rows } = await tx.query<{ doc: VehicleDoc }>('SELECT doc FROM vehicle_docs WHERE vin = $1', [vin])
      if (!rows[0]) throw new NotFoundError(`No vehicle with VIN ${vin}.`)
      return rows[0].doc
    },

    /**
     * Everything that changed after `cursor`, oldest first, at most `limit` vehicles. The head is read
     * first and bounds the batch, so a change committed while the batch is read is simply picked up by
     * the next call instead of being skipped.
     */
    async changesSince(cursor: number, limit: number): Promise<ChangeBatch> {
      const head = await currentRevision(db)
      const { rows } = await db.query<{ rev: number; doc: VehicleDoc }>(
        'SELECT rev, doc FROM vehicle_docs WHERE rev > $1 AND rev <= $2 ORDER BY rev LIMIT $3',
        [cursor, head, limit]
      )
      const hasMore = rows.length === limit
      const upTo = hasMore ? Number(rows[rows.length - 1]!.rev) : head
      const tombstones = await db.query<{ vin: string }>('SELECT vin FROM tombstones WHERE rev > $1 AND rev <= $2 ORDER BY rev', [cursor, upTo])
      return {
        vehicles: rows.map((r) => r.doc),
        deletedVins: tombstones.rows.map((r) => r.vin),
        cursor: Math.max(cursor, upTo),
        head,
        hasMore
      }
    },

    async countByMarket(): Promise<Record<string, number>> {
      const { rows } = await db.query<{ market: string; n: number }>('SELECT market, count(*)::int AS n FROM vehicles GROUP BY market')
      return Object.fromEntries(rows.map((r) => [r.market, r.n]))
    },

    async count(): Promise<number> {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM vehicles')
      return rows[0]?.n ?? 0
    }
  }
}

export type VehicleService = ReturnType<typeof createVehicleService>
