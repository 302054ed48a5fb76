import { mkdir } from 'node:fs/promises'
import { PGlite, types } from '@electric-sql/pglite'
import { Temporal } from 'temporal-polyfill'
import { DatabaseUnavailableError, type Database, type DatabaseOptions } from './database'
import { lockFolder } from './folder-lock'

// Dates stay ISO calendar strings end to end (a JS Date would drag a time zone into legal deadlines);
// instants come back as ISO strings in UTC ("2026-11-21T08:30:00.5Z"). The PostgreSQL adapter matches.
export const pgliteParsers = {
  [types.DATE]: (value: string) => value,
  [types.INT8]: (value: string) => Number(value),
  [types.TIMESTAMPTZ]: (value: string) => Temporal.Instant.from(value.replace(' ', 'T')).toString()
}

/**
 * The embedded database. PGlite runs one statement at a time for its one process, so its transactions
 * are serial; another process on the same folder would silently lose writes, hence the folder lock.
 */
export interface PgliteDatabase extends Database {
  /** The data folder as a file (test templates start from it). */
  dump(): Promise<Blob>
}

export async function openPglite(options: DatabaseOptions): Promise<PgliteDatabase> {
  const memory = options.location === 'memory'
  let release: (() => Promise<void>) | undefined
  if (!memory) {
    await mkdir(options.location, { recursive: true })
    release = await lockFolder(options.location)
  }
  let pg: PGlite
  try {
    pg = await PGlite.create(memory ? undefined : options.location, {
      parsers: pgliteParsers,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {})
    })
  } catch (cause) {
    await release?.()
    throw new DatabaseUnavailableError(
      `The embedded database at ${options.location} could not be opened (${(cause as Error).message}). ` +
        'Move the folder aside to start afresh (a new one is created).',
      { cause }
    )
  }
  const listeners = new Map<string, Set<(payload: string) => void>>()
  return {
    kind: 'pglite',
    location: memory ? 'in memory' : options.location,
    query: (sql, params) => pg.query(sql, params) as never,
    exec: (sql) => pg.exec(sql),
    transaction: (fn) => pg.transaction((tx) => fn({ query: (s, p) => tx.query(s, p) as never, exec: (s) => tx.exec(s) })),
    async listen(channel, listener) {
      // PGlite delivers NOTIFY to listeners of the same instance: the embedded app is one process.
      let set = listeners.get(channel)
      if (!set) {
        listeners.set(channel, (set = new Set()))
        await pg.listen(channel, (payload) => {
          for (const l of listeners.get(channel) ?? []) l(payload)
        })
      }
      set.add(listener)
      return async () => {
        set.delete(listener)
      }
    },
    dump: () => pg.dumpDataDir('none'),
    async close() {
      try {
        await pg.close()
      } finally {
        await release?.()
      }
    }
  }
}
