import { Temporal } from 'temporal-polyfill'
import type { Clock } from '../clock'
import type { Database } from '../db/database'
import { lockKey } from '../db/sql-locks'
import { ServiceError } from './errors'

/**
 * Sliding-window limits kept in the database, so that every server instance counts the same attempts:
 * each attempt is a row, counted under an advisory lock on its key, and written in its own transaction
 * before the attempt is decided (a refused sign-in must count too). The account lockout after five wrong
 * passwords (agents.ts) is a separate, stronger rule; these limits slow down spraying from one address
 * and hammering one account.
 */
export interface Limit {
  key: string
  max: number
  windowSeconds: number
}

export const SIGN_IN_LIMITS = {
  perAccount: { max: 10, windowSeconds: 60 },
  perClient: { max: 30, windowSeconds: 60 }
} as const

export function createRateLimits(db: Database, clock: Clock) {
  let calls = 0
  return {
    /** Counts one attempt against each limit; refuses (rate-limited) when one is already used up. */
    async hit(limits: readonly Limit[]): Promise<void> {
      const now = clock.now()
      const over = await db.transaction(async (tx) => {
        let retryAfter = 0
        for (const limit of limits) {
          await lockKey(tx, 'rate-limit', limit.key)
          const since = now.subtract({ seconds: limit.windowSeconds }).toString()
          const { rows } = await tx.query<{ n: number; oldest: string | null }>('SELECT count(*)::int AS n, min(at) AS oldest FROM rate_limit_hits WHERE key = $1 AND at > $2', [limit.key, since])
          const row = rows[0]!
          if (row.n >= limit.max && row.oldest) {
            const free = Temporal.Instant.from(row.oldest).add({ seconds: limit.windowSeconds })
            retryAfter = Math.max(retryAfter, Math.ceil((free.epochMilliseconds - now.epochMilliseconds) / 1000))
          }
        }
        if (retryAfter > 0) return retryAfter
        for (const limit of limits) await tx.query('INSERT INTO rate_limit_hits (key, at) VALUES ($1, $2)', [limit.key, now.toString()])
        return 0
      })
      // Old hits are useless: drop them now and then (an hour is longer than any window).
      if (++calls % 200 === 0) await db.query('DELETE FROM rate_limit_hits WHERE at < $1', [now.subtract({ hours: 1 }).toString()])
      if (over > 0) throw new ServiceError('rate-limited', 'request.rateLimited', { retryAfterSeconds: Math.max(1, over) })
    }
  }
}

export type RateLimits = ReturnType<typeof createRateLimits>
