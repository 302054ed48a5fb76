import type { Request, Response } from '@shared/ipc/contract'
import { toCached, type CacheDatabase } from './db'

export interface SyncProgress {
  received: number
  cursor: number
  head: number
}

export interface SyncSource {
  syncChanges(request: Request<'syncChanges'>): Promise<Response<'syncChanges'>>
}

/**
 * Pulls changes since the cache's cursor in batches; each batch and the cursor that follows it are
 * written in one Dexie transaction, so a crash mid-sync resumes from the last whole batch and never
 * skips or half-applies one. Concurrent requests coalesce into one run plus at most one follow-up.
 */
export function createSyncEngine(db: CacheDatabase, source: SyncSource, options: { batchSize?: number } = {}) {
  const batchSize = options.batchSize ?? 2_000
  let running: Promise<number> | null = null
  let again = false

  async function cursor(): Promise<number> {
    const row = await db.meta.get('cursor')
    return typeof row?.value === 'number' ? row.value : 0
  }

  async function runOnce(onProgress?: (p: SyncProgress) => void): Promise<number> {
    let at = await cursor()
    let received = 0
    for (;;) {
      const batch = await source.syncChanges({ cursor: at, limit: batchSize })
      await db.transaction('rw', db.vehicles, db.meta, async () => {
        if (batch.vehicles.length) await db.vehicles.bulkPut(batch.vehicles.map(toCached))
        if (batch.deletedVins.length) await db.vehicles.bulkDelete(batch.deletedVins)
        await db.meta.bulkPut([
          { key: 'cursor', value: batch.cursor },
          { key: 'head', value: batch.head },
          { key: 'syncedAt', value: new Date().toISOString() }
        ])
      })
      received += batch.vehicles.length + batch.deletedVins.length
      at = batch.cursor
      onProgress?.({ received, cursor: at, head: batch.head })
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
