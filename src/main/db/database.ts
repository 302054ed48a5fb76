import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PGlite, types } from '@electric-sql/pglite'
import { Temporal } from 'temporal-polyfill'
import type { Logger } from '../logger'

/** What services need from a database: PGlite embedded, PostgreSQL for shared use, same SQL. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
  exec(sql: string): Promise<unknown>
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  readonly location: string
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** A folder for PGlite's files, or 'memory' for a throw-away database (tests). */
  location: string
  migrationsDir: string
  log: Logger
  /** Reserved for a shared PostgreSQL server; not wired yet (see README, Configuration). */
  databaseUrl?: string
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError'
}

// Dates stay ISO calendar strings end to end (a JS Date would drag a time zone into legal deadlines);
// instants come back as ISO strings in UTC ("2026-11-21T08:30:00.5Z").
const parsers = {
  [types.DATE]: (value: string) => value,
  [types.INT8]: (value: string) => Number(value),
  [types.TIMESTAMPTZ]: (value: string) => Temporal.Instant.from(value.replace(' ', 'T')).toString()
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    throw new DatabaseUnavailableError(
      'DATABASE_URL is reserved for a shared PostgreSQL server, which this version does not connect to yet. ' +
        'Unset DATABASE_URL to use the embedded database.'
    )
  }
  const memory = options.location === 'memory'
  if (!memory) await mkdir(options.location, { recursive: true })
  let pg: PGlite
  try {
    pg = await PGlite.create(memory ? undefined : options.location, { parsers })
  } catch (cause) {
    throw new DatabaseUnavailableError(
      `The embedded database at ${options.location} could not be opened (${(cause as Error).message}). ` +
        'If another copy of the app is running, close it; otherwise move the folder aside to start afresh.',
      { cause }
    )
  }
  const db: Database = {
    kind: 'pglite',
    location: memory ? 'in memory' : options.location,
    query: (sql, params) => pg.query(sql, params) as never,
    exec: (sql) => pg.exec(sql),
    transaction: (fn) => pg.transaction((tx) => fn({ query: (s, p) => tx.query(s, p) as never, exec: (s) => tx.exec(s) })),
    close: () => pg.close()
  }
  await migrate(db, options.migrationsDir, options.log)
  return db
}

/** Applies `NNNN_name.sql` files in order, each in its own transaction, once. */
export async function migrate(db: Database, dir: string, log: Logger): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`)
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort()
  const applied = new Set((await db.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version))
  const done: string[] = []
  for (const file of files) {
    if (applied.has(file)) continue
    const sql = await readFile(join(dir, file), 'utf8')
    await db.transaction(async (tx) => {
      await tx.exec(sql)
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file])
    })
    log.info(`database: applied migration ${file}`)
    done.push(file)
  }
  return done
}
