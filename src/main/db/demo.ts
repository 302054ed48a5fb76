import type { Fleet } from '@shared/fleet/generate'
import type { Logger } from '../logger'
import { demoAgentRows } from '../services/agents'
import type { Database } from './database'
import { loadFleet } from './seed'
import { LOCKS } from './sql-locks'

/**
 * The demo fleet and the demo accounts, once per database: in one transaction, under an advisory lock, and
 * only on a database without vehicles, so that any number of processes starting together on an empty
 * database seed it exactly once (the others wait, then find it seeded). Runs as the database's ordinary
 * owner role.
 */
export async function seedDemo(db: Database, fleet: Fleet, referenceDate: string, log: Logger): Promise<boolean> {
  const started = Date.now()
  // Password hashing is slow on purpose: done before the transaction, not while holding its locks.
  const agents = await demoAgentRows()
  const seeded = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.demoSeed])
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM vehicles')
    if ((rows[0]?.n ?? 0) > 0) return false
    await loadFleet(tx, fleet)
    for (const a of agents) {
      await tx.query(
        `INSERT INTO agents (id, username, display_name, role, dealer_number, password_hash, demo, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, true, NULL) ON CONFLICT (username) DO NOTHING`,
        [a.id, a.username, a.displayName, a.role, a.dealerNumber, a.passwordHash]
      )
    }
    await tx.query(`INSERT INTO meta (key, value) VALUES ('demo', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [referenceDate])
    return true
  })
  if (seeded) log.info(`database: seeded a demo fleet of ${fleet.records.length} vehicles and the demo accounts in ${Date.now() - started} ms`)
  return seeded
}

export async function isDemo(db: Database): Promise<boolean> {
  return (await db.query(`SELECT 1 FROM meta WHERE key = 'demo'`)).rows.length > 0
}
