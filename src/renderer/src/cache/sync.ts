import type { Request, Response } from '@shared/ipc/contract'
import type { CacheDatabase } from './db'
import { compactNameIndex, putVehicles } from './name-index'
import { toCached } from './records'

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

/** Small first request: the pipeline starts, and the first vehicles are searchable, within moments. */
export const FIRST_BATCH = 500
/**
 * Largest request. Bigger batches mean fewer round trips and transactions (and fewer re-runs of live
 * queries on the table), but a longer main-thread pause to parse each response: 4 000 vehicles are
 * about 4 MB of JSON.
 */
export const MAX_BATCH = 4_000
/** Batches held at most: the one being written and two answered or on their way. */
export const AHEAD = 3
/**
 * The name index gains a chunk per batch. A run that wrote at least COMPACT_RUN chunks (a first fill,
 * a rebuild) merges them at the end, so that a lookup reads one row per bucket; when COMPACT_AFTER
 * chunks have piled up from small incremental runs, the merge also drops VINs no longer cached.
 */
export const COMPACT_RUN = 8
export const COMPACT_AFTER = 256

/**
 * Pulls changes since the cache's cursor in batches; each batch and the cursor that follows it are
 * written in one Dexie transaction, so a crash mid-sync resumes from the last whole batch and never
 * skips or half-applies one. Pipelined: the next requests are answered while a batch is being written,
 * so main builds batches while IndexedDB stores the previous ones; batches are still applied strictly in
 * order. Concurrent requests coalesce into one run plus at most one follow-up.
 */
export function createSyncEngine(db: CacheDatabase, source: SyncSource, options: SyncOptions = {}) {
  const fixed = options.batchSize
  let running: Promise<number> | null = null
  let again = false

  async function meta(key: 'cursor' | 'nameChunks'): Promise<number> {
    const row = await db.meta.get(key)
    return typeof row?.value === 'number' ? row.value : 0
  }

  function fetchBatch(at: number, limit: number): Promise<Batch> {
    const pending = source.syncChanges({ cursor: at, limit })
    // A prefetch may fail while the previous batch is being written: its error is raised when the
    // batch is awaited, not reported as unhandled in between.
    pending.catch(() => undefined)
    return pending
  }

  async function write(batch: Batch, chunks: number): Promise<void> {
    const records = batch.vehicles.map(toCached)
    await db.transaction('rw', [db.vehicles, db.nameIndex, db.meta], async () => {
      await putVehicles(db, records)
      if (batch.deletedVins.length) await db.vehicles.bulkDelete(batch.deletedVins)
      await db.meta.bulkPut([
        { key: 'cursor', value: batch.cursor },
        { key: 'head', value: batch.head },
        { key: 'syncedAt', value: new Date().toISOString() },
        { key: 'nameChunks', value: chunks }
      ])
    })
  }

  async function runOnce(onProgress?: (p: SyncProgress) => void): Promise<number> {
    let limit = fixed ?? FIRST_BATCH
    const nextLimit = () => {
      const current = limit
      limit = fixed ?? Math.min(MAX_BATCH, limit * 2)
      return current
    }
    let chunks = await meta('nameChunks')
    const chunksBefore = chunks

    // Requests go out one after the other, each as soon as the previous answer is in (its cursor is the
    // next request's), while the writer applies the answers in order; at most AHEAD batches are held.
    const ahead: Promise<Batch>[] = []
    let newest: Batch | null = null
    let requesting = false
    let stopped = false
    const request = (at: number) => {
      requesting = true
      const pending = fetchBatch(at, nextLimit())
      ahead.push(pending)
      pending.then(
        (batch) => {
          requesting = false
          newest = batch
          pump()
        },
        () => {
          requesting = false
          stopped = true
        }
      )
    }
    const pump = () => {
      if (!stopped && !requesting && newest?.hasMore && ahead.length < AHEAD) request(newest.cursor)
    }

    request(await meta('cursor'))
    let received = 0
    try {
      for (;;) {
        // A failed request is raised here, after every batch before it has been written.
        const batch = await ahead[0]!
        if (batch.vehicles.length) chunks++
        await write(batch, chunks)
        ahead.shift()
        received += batch.vehicles.length + batch.deletedVins.length
        onProgress?.({ received, cursor: batch.cursor, head: batch.head })
        if (!batch.hasMore) break
        pump()
      }
    } finally {
      stopped = true
    }
    if (chunks > COMPACT_AFTER) await compactNameIndex(db, { dropMissing: true })
    else if (chunks - chunksBefore >= COMPACT_RUN) await compactNameIndex(db)
    return received
  }

  return {
    /** The revision the cache is up to date with. */
    cursor: () => meta('cursor'),
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
      await db.transaction('rw', [db.vehicles, db.nameIndex, db.meta], async () => {
        // Whose view the copy holds stays: the rebuild refills it with the same scope.
        const scope = await db.meta.get('scope')
        await db.vehicles.clear()
        await db.nameIndex.clear()
        await db.meta.clear()
        if (scope) await db.meta.put(scope)
      })
      return this.sync(onProgress)
    }
  }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>
