import type { Request, Response } from '@shared/ipc/contract'
import { toCached, type CacheDatabase, type CachedVehicle } from './db'

export interface SyncProgress {
  received: number
  cursor: number
  head: number
}

export interface SyncSource {
  syncChanges(request: Request<'syncChanges'>): Promise<Response<'syncChanges'>>
}

export interface SyncOptions {
  /**
   * A fixed number of changes per request. Default: the first request asks for FIRST_BATCH (the first
   * vehicles are searchable almost at once), each next one for twice as many, up to MAX_BATCH.
   */
  batchSize?: number
}

type Batch = Response<'syncChanges'>

/** Small first request: the pipeline starts and the first results are there within a few hundred ms. */
export const FIRST_BATCH = 500
/**
 * Largest request. Bigger batches mean fewer round trips and transactions (and fewer re-runs of live
 * queries on the table), but a longer main-thread pause to parse each response; 4 000 vehicles are
 * about 4 MB of JSON.
 */
export const MAX_BATCH = 4_000
/**
 * Records per bulkPut inside a batch's transaction, two in flight: IndexedDB works on one chunk while
 * the main thread clones the next, and the main thread is never busy for more than one chunk at a time,
 * so typing stays responsive during a sync.
 */
export const PUT_CHUNK = 500

/**
 * Pulls changes since the cache's cursor in batches; each batch and the cursor that follows it are
 * written in one Dexie transaction, so a crash mid-sync resumes from the last whole batch and never
 * skips or half-applies one. Pipelined: the request for batch n+1 is in flight while batch n is being
 * written, so main builds the next batch while IndexedDB stores this one. Batches are still applied
 * strictly in order. Concurrent requests coalesce into one run plus at most one follow-up.
 */
export function createSyncEngine(db: CacheDatabase, source: SyncSource, options: SyncOptions = {}) {
  const fixed = options.batchSize
  let running: Promise<number> | null = null
  let again = false

  async function cursor(): Promise<number> {
    const row = await db.meta.get('cursor')
    return typeof row?.value === 'number' ? row.value : 0
  }

  function fetchBatch(at: number, limit: number): Promise<Batch> {
    const pending = source.syncChanges({ cursor: at, limit })
    // A prefetch may fail while the previous batch is being written: that error is raised when the batch
    // is awaited, not reported as unhandled in between.
    pending.catch(() => undefined)
    return pending
  }

  async function write(batch: Batch, records: CachedVehicle[]): Promise<void> {
    await db.transaction('rw', db.vehicles, db.meta, async () => {
      let inFlight: Promise<unknown> | null = null
      for (let i = 0; i < records.length; i += PUT_CHUNK) {
        const put = db.vehicles.bulkPut(records.slice(i, i + PUT_CHUNK))
        put.catch(() => undefined)
        if (inFlight) await inFlight
        inFlight = put
      }
      if (inFlight) await inFlight
      if (batch.deletedVins.length) await db.vehicles.bulkDelete(batch.deletedVins)
      await db.meta.bulkPut([
        { key: 'cursor', value: batch.cursor },
        { key: 'head', value: batch.head },
        { key: 'syncedAt', value: new Date().toISOString() }
      ])
    })
  }

  async function runOnce(onProgress?: (p: SyncProgress) => void): Promise<number> {
    let limit = fixed ?? FIRST_BATCH
    const grow = () => (limit = fixed ?? Math.min(MAX_BATCH, limit * 2))
    let next = fetchBatch(await cursor(), limit)
    let received = 0
    for (;;) {
      const batch = await next
      // Ask for the following batch before writing this one; its cursor is known already.
      if (batch.hasMore) next = fetchBatch(batch.cursor, grow())
      await write(batch, batch.vehicles.map(toCached))
      received += batch.vehicles.length + batch.deletedVins.length
      onProgress?.({ received, cursor: batch.cursor, head: batch.head })
      if (!batch.hasMore) return received
    }
  }

  return {
    cursor,
    /** Brings the cache up to date; resolves with the number of changes applied. */
    sync(onProgress?: (p: SyncProgress) => void): Promise<number> {
      if (running) {
        again = true
        return running
      }
      running = (async () => {
        let total = 0
        try {
          do {
            again = false
            total += await runOnce(onProgress)
          } while (again)
          return total
        } finally {
          running = null
        }
      })()
      return running
    },
    /** Wipes the cache and fills it again from main. */
    async rebuild(onProgress?: (p: SyncProgress) => void): Promise<number> {
      if (running) await running.catch(() => undefined)
      await db.transaction('rw', db.vehicles, db.meta, async () => {
        await db.vehicles.clear()
        await db.meta.clear()
      })
      return this.sync(onProgress)
    }
  }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>
