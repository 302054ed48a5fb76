import { createHash } from 'node:crypto'
import type { Clock } from '../clock'
import type { Queryable } from '../db/database'
import { lockKey } from '../db/sql-locks'

/**
 * Commands carry an idempotency key, which belongs to the agent and the method it was made for. The first
 * result is stored with the command's writes in the same transaction, with a hash of what was asked; a
 * repeat of the key with the same request is answered with that result without doing anything again, and
 * the key with another request (another vehicle, another amount) is refused.
 */
export interface IdempotencyScope {
  agentId: string
  method: string
  key: string
  /** The request as validated, without its key. */
  request: unknown
}

/** JSON with object keys sorted, so the same request always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>).filter(([k, v]) => v !== undefined && k !== 'idempotencyKey')
  return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
}

export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonical(request)).digest('hex')
}

export type Earlier<T> = { kind: 'none' } | { kind: 'same'; result: T } | { kind: 'different' }

export function createIdempotency(clock: Clock) {
  return {
    /** Locks the key for this transaction (first, before any row lock) and says what it was used for. */
    async claim<T>(tx: Queryable, scope: IdempotencyScope): Promise<Earlier<T>> {
      await lockKey(tx, 'idempotency', `${scope.agentId}\u001f${scope.method}\u001f${scope.key}`)
      const { rows } = await tx.query<{ request_hash: string; result: T }>(
        'SELECT request_hash, result FROM idempotency_keys WHERE agent_id = $1 AND method = $2 AND key = $3',
        [scope.agentId, scope.method, scope.key]
      )
      const row = rows[0]
      if (!row) return { kind: 'none' }
      return row.request_hash === requestHash(scope.request) ? { kind: 'same', result: row.result } : { kind: 'different' }
    },

    async store(tx: Queryable, scope: IdempotencyScope, result: unknown): Promise<void> {
      await tx.query('INSERT INTO idempotency_keys (key, method, agent_id, request_hash, result, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        scope.key,
        scope.method,
        scope.agentId,
        requestHash(scope.request),
        JSON.stringify(result),
        clock.now().toString()
      ])
    }
  }
}

export type Idempotency = ReturnType<typeof createIdempotency>
