import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '../logger'
import type { Database } from './database'
import { LOCKS } from './sql-locks'

/**
 * Applies `NNNN_name.sql` files in order, each once, each in its own transaction. Several processes may
 * start on one empty database at the same moment (server instances, a desktop and a script): each
 * migration runs under a transaction-level advisory lock and re-reads what is applied under it, so exactly
 * one process applies each file and the others see it done.
 */
export async function migrate(db: Database, dir: string, log: Logger): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort()
  const done: string[] = []
  for (const file of files) {
    const sql = await readFile(join(dir, file), 'utf8')
    const applied = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.migrations])
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`)
      const { rows } = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [file])
      if (rows.length) return false
      await tx.exec(sql)
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file])
      return true
    })
    if (applied) {
      log.info(`database: applied migration ${file}`)
      done.push(file)
    }
  }
  return done
}
