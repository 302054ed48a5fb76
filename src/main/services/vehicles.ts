import type { Market, VehicleDoc } from '@shared/ipc/schemas'
import type { SessionAgent } from '../auth/sessions'
import type { Database, Queryable } from '../db/database'
import { mayActOnMarket, otherMarket, scopeOf } from './scope'
import { notFound } from './errors'

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

/**
 * The highest revision below which every revision is committed. Writers take revisions under an exclusive
 * advisory lock held until they commit (migration 0005, next_sync_rev); the head is read under the shared
 * form of that lock (migration 0011, committed_sync_head), which waits for any writer between its first
 * revision and its commit. One statement, so one round trip per sync call.
 */
export async function committedHead(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ head: number }>('SELECT committed_sync_head() AS head')
  return Number(rows[0]?.head ?? 0)
}

export function createVehicleService(db: Database) {
  async function get(vin: string, tx: Queryable = db): Promise<VehicleDoc> {
    const { rows } = await tx.query<{ doc: VehicleDoc }>('SELECT doc FROM vehicle_docs WHERE vin = $1', [vin])
    if (!rows[0]) throw notFound('vehicle.notFound', { vin })
    return rows[0].doc
  }

  return {
    get,

    /** A vehicle as this agent may see it: dealer staff see their own market only (D2, GDPR art. 5(1)(c)). */
    async getFor(agent: SessionAgent, vin: string, tx: Queryable = db): Promise<VehicleDoc> {
      const doc = await get(vin, tx)
      if (!mayActOnMarket(agent, doc.market)) throw otherMarket(doc.market)
      return doc
    },

    /**
     * Everything that changed after `cursor`, oldest first, at most `limit` vehicles, in the agent's scope
     * (a dealer's copy holds their market only). The head is the committed head: a change whose
     * transaction is still open has a revision above it and is delivered by a later call, never skipped.
     */
    async changesSince(cursor: number, limit: number, agent: SessionAgent): Promise<ChangeBatch> {
      const scope: Market | null = scopeOf(agent)
      const head = await committedHead(db)
      const { rows } = await db.query<{ rev: number; doc: VehicleDoc }>(
        `SELECT rev, doc FROM vehicle_docs WHERE rev > $1 AND rev <= $2 AND ($4::text IS NULL OR market = $4) ORDER BY rev LIMIT $3`,
        [cursor, head, limit, scope]
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

    async countByMarket(agent: SessionAgent): Promise<Record<string, number>> {
      const scope = scopeOf(agent)
      const { rows } = await db.query<{ market: string; n: number }>('SELECT market, count(*)::int AS n FROM vehicles WHERE ($1::text IS NULL OR market = $1) GROUP BY market', [scope])
      return Object.fromEntries(rows.map((r) => [r.market, r.n]))
    },

    async count(): Promise<number> {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM vehicles')
      return rows[0]?.n ?? 0
    }
  }
}

export type VehicleService = ReturnType<typeof createVehicleService>
