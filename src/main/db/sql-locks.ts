import type { Queryable } from './database'

/**
 * Database locks, the only locks rules may rely on (an in-process mutex protects nothing from a second
 * process or server instance). Row locks (`FOR UPDATE`) guard the rows a command decides on; advisory
 * locks guard what has no row yet (the first supervisor, an idempotency key, a migration).
 *
 * Order, to stay free of deadlocks: idempotency key → agent → vehicle → case. A transaction that needs
 * several takes them in this order; the revision lock is taken by the database's triggers on the first
 * write that touches a vehicle, and held to commit (migration 0005).
 */
export const LOCKS = {
  migrations: 7_301_001,
  firstSupervisor: 7_301_002,
  demoSeed: 7_301_003,
  /** The sync revision counter (also named in migration 0005's next_sync_rev()). */
  revision: 7_301_004
} as const

/** A transaction-level advisory lock on a text key in a namespace (held until commit or rollback). */
export async function lockKey(tx: Queryable, namespace: string, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${namespace}\u001f${key}`])
}

/** Locks the vehicle row; returns false when there is no such vehicle. */
export async function lockVehicle(tx: Queryable, vin: string): Promise<boolean> {
  const { rows } = await tx.query('SELECT vin FROM vehicles WHERE vin = $1 FOR UPDATE', [vin])
  return rows.length > 0
}
