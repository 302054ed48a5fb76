import type { Logger } from '../logger'

/**
 * What services need from a database: PGlite embedded (one desktop) or a PostgreSQL server (a team), the
 * same SQL on both. Every command runs in `transaction`, locks the rows it decides on and re-reads them
 * there (docs/architecture.md, "Concurrency"), so its rules hold with any number of writers.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
  exec(sql: string): Promise<unknown>
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  readonly location: string
  /**
   * Runs `fn` in one transaction: all or nothing. On PostgreSQL a deadlock or serialisation failure is
   * retried from the start, so `fn` must have no effect outside the transaction.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** Calls `listener` for each NOTIFY on `channel` (LISTEN/NOTIFY); returns the unsubscribe. */
  listen(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** A folder for PGlite's files, or 'memory' for a throw-away database (tests). Ignored with `databaseUrl`. */
  location: string
  migrationsDir: string
  log: Logger
  /** A PostgreSQL server (shared deployment, tests): postgres://user:password@host:port/database */
  databaseUrl?: string
  /** Test support: start from a PGlite data folder dumped earlier (already migrated). */
  loadDataDir?: Blob
  /** Skip migrations (the caller knows the schema is current: a copied template). */
  migrate?: boolean
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError'
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const { migrate } = await import('./migrate')
  const db = options.databaseUrl
    ? await (await import('./postgres')).openPostgres(options.databaseUrl, options.log)
    : await (await import('./pglite')).openPglite(options)
  if (options.migrate !== false) {
    try {
      await migrate(db, options.migrationsDir, options.log)
    } catch (error) {
      await db.close()
      throw error
    }
  }
  return db
}

/** PostgreSQL error codes worth a retry: the transaction lost a race, not an argument. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '40001' || code === '40P01'
}

/** The PostgreSQL error code of a failed statement ('23505' unique violation…), if any. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}
