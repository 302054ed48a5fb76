import type { Queryable } from './database'

/**
 * A named lease: work that exactly one process (of several server instances, or a desktop and a script on
 * one database) does at a time. Taken when free or run out, renewed by its holder; one statement, so two
 * processes asking at once cannot both get it. A process that dies holds it until `until`.
 */
export async function takeLease(db: Queryable, name: string, owner: string, now: string, until: string): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO leases (name, owner, until) VALUES ($1, $2, $4)
     ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, until = EXCLUDED.until
       WHERE leases.until < $3 OR leases.owner = EXCLUDED.owner
     RETURNING owner`,
    [name, owner, now, until]
  )
  return rows.length > 0
}

export async function releaseLease(db: Queryable, name: string, owner: string): Promise<void> {
  await db.query('DELETE FROM leases WHERE name = $1 AND owner = $2', [name, owner])
}
