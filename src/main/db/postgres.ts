import pg from 'pg'
import { Temporal } from 'temporal-polyfill'
import type { Logger } from '../logger'
import { DatabaseUnavailableError, isRetryable, type Database, type Queryable } from './database'

/**
 * A PostgreSQL server through `pg`'s pool (the shared deployment, and the second engine of the test
 * suite). Values come back exactly as from PGlite: calendar dates as ISO strings, bigints as numbers,
 * instants as ISO strings in UTC. Every connection runs in UTC so that text forms match PGlite's.
 */
const TYPE_DATE = 1082
const TYPE_INT8 = 20
const TYPE_TIMESTAMPTZ = 1184

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TYPE_DATE) return (value: string) => value
    if (oid === TYPE_INT8) return (value: string) => Number(value)
    if (oid === TYPE_TIMESTAMPTZ) return (value: string) => Temporal.Instant.from(value.replace(' ', 'T')).toString()
    return pg.types.getTypeParser(oid, format)
  }
} as pg.CustomTypesConfig

const MAX_ATTEMPTS = 5

/** Where a URL points, without its password (for messages and logs). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`
  } catch {
    return 'the configured PostgreSQL server'
  }
}

export async function openPostgres(url: string, log: Logger, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, types, max: options.max ?? 10, options: '-c TimeZone=UTC', application_name: 'mini-backoffice' })
  // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
  pool.on('error', (error) => log.error('database: an idle PostgreSQL connection failed', error))
  const where = describeUrl(url)
  try {
    await pool.query('SELECT 1')
  } catch (cause) {
    await pool.end().catch(() => undefined)
    throw new DatabaseUnavailableError(`The PostgreSQL database at ${where} could not be reached (${(cause as Error).message}).`, { cause })
  }

  let listener: pg.Client | null = null
  const handlers = new Map<string, Set<(payload: string) => void>>()

  async function listenClient(): Promise<pg.Client> {
    if (listener) return listener
    const client = new pg.Client({ connectionString: url, types, options: '-c TimeZone=UTC', application_name: 'mini-backoffice-listen' })
    client.on('notification', (message) => {
      for (const h of handlers.get(message.channel) ?? []) h(message.payload ?? '')
    })
    client.on('error', (error) => log.error('database: the LISTEN connection failed', error))
    await client.connect()
    listener = client
    return client
  }

  return {
    kind: 'postgres',
    location: where,
    query: (sql, params) => pool.query(sql, params as unknown[]) as never,
    exec: (sql) => pool.query(sql),
    async transaction(fn) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect()
        try {
          await client.query('BEGIN')
          const tx: Queryable = { query: (s, p) => client.query(s, p as unknown[]) as never, exec: (s) => client.query(s) }
          const result = await fn(tx)
          await client.query('COMMIT')
          return result
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined)
          if (isRetryable(error) && attempt < MAX_ATTEMPTS) {
            log.warn(`database: transaction retried after ${(error as { code: string }).code} (attempt ${attempt})`)
            await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20))
            continue
          }
          throw error
        } finally {
          client.release()
        }
      }
    },
    async listen(channel, handler) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`)
      const client = await listenClient()
      let set = handlers.get(channel)
      if (!set) {
        handlers.set(channel, (set = new Set()))
        await client.query(`LISTEN ${channel}`)
      }
      set.add(handler)
      return async () => {
        set.delete(handler)
      }
    },
    async close() {
      await listener?.end().catch(() => undefined)
      listener = null
      await pool.end()
    }
  }
}
