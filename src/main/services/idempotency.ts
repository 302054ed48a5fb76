import type { Clock } from '../config'
import type { Database, Queryable } from '../db/database'
import { ConflictError } from './errors'

/**
 * Commands carry an idempotency key; the first result is stored with the command's writes in the same
 * transaction, and a repeat of the key is answered with that result without doing anything again.
 */
export function createIdempotency(db: Database, clock: Clock) {
  return {
    async find<T>(key: string, method: string, agentId: string): Promise<T | undefined> {
      const { rows } = await db.query<{ method: string; agent_id: string; result: T }>('SELECT method, agent_id, result FROM idempotency_keys WHERE key = $1', [key])
      const row = rows[0]
      if (!row) return undefined
      if (row.method !== method || row.agent_id !== agentId) {
        throw new ConflictError('This request key was already used for another command. Close the dialog and start again.')
      }
      return row.result
    },
    async store(tx: Queryable, key: string, method: string, agentId: string, result: unknown): Promise<void> {
      await tx.query('INSERT INTO idempotency_keys (key, method, agent_id, result, created_at) VALUES ($1, $2, $3, $4, $5)', [
        key,
        method,
        agentId,
        JSON.stringify(result),
        clock.now().toString()
      ])
    }
  }
}

export type Idempotency = ReturnType<typeof createIdempotency>
