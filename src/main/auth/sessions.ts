import { createHash, randomBytes } from 'node:crypto'
import { Temporal } from 'temporal-polyfill'
import type { AgentLanguage, Role } from '@shared/ipc/schemas'
import type { Clock } from '../clock'
import type { Database, Queryable } from '../db/database'

/**
 * Sessions live in the database, so that every process and every server instance sees the same ones: a
 * token (random, 256 bits) is held by the transport only (Electron's main process per window, an HttpOnly
 * cookie in the harness, a bearer token for server clients) and stored only as a hash. A session ends after
 * `idleMinutes` without an agent's action, at sign-out, or when a new sign-in replaces it.
 */
export interface SessionAgent {
  id: string
  username: string
  displayName: string
  role: Role
  dealerNumber: string | null
  language: AgentLanguage | null
}

export interface ResolvedSession {
  agent: SessionAgent
  expiresAt: string
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

// Activity is written at most this often per session: idle time is counted in minutes, not milliseconds.
const TOUCH_EVERY_MS = 5_000

const AGENT = `a.id, a.username, a.display_name AS "displayName", a.role, a.dealer_number AS "dealerNumber", a.language`

export function createSessions(db: Database, clock: Clock, idleMinutes: () => number) {
  function cutoff(now: Temporal.Instant): string {
    return now.subtract({ minutes: idleMinutes() }).toString()
  }

  return {
    async start(tx: Queryable, token: string, agentId: string): Promise<void> {
      const now = clock.now().toString()
      await tx.query(`INSERT INTO sessions (token_hash, agent_id, created_at, last_active_at) VALUES ($1, $2, $3, $3)`, [hashToken(token), agentId, now])
    },

    /**
     * The session's agent, or null when there is none or it has been idle too long. `touch` counts the call
     * as the agent's activity; status polls, sync and pushes do not (they would keep an unattended desk
     * signed in forever). The idle check and the touch are one statement: no call can revive a session
     * that another has found expired.
     */
    async resolve(token: string | null, touch: boolean): Promise<ResolvedSession | null> {
      if (!token) return null
      const now = clock.now()
      const hash = hashToken(token)
      type Row = SessionAgent & { lastActiveAt: string }
      const { rows } = touch
        ? await db.query<Row>(
            `WITH s AS (
               UPDATE sessions SET last_active_at = CASE WHEN last_active_at < $3 THEN $2::timestamptz ELSE last_active_at END
               WHERE token_hash = $1 AND ended_at IS NULL AND last_active_at > $4
               RETURNING agent_id, last_active_at)
             SELECT ${AGENT}, s.last_active_at AS "lastActiveAt" FROM s JOIN agents a ON a.id = s.agent_id`,
            [hash, now.toString(), now.subtract({ milliseconds: TOUCH_EVERY_MS }).toString(), cutoff(now)]
          )
        : await db.query<Row>(
            `SELECT ${AGENT}, s.last_active_at AS "lastActiveAt" FROM sessions s JOIN agents a ON a.id = s.agent_id
             WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.last_active_at > $2`,
            [hash, cutoff(now)]
          )
      const row = rows[0]
      if (!row) return null
      const { lastActiveAt, ...agent } = row
      return { agent, expiresAt: Temporal.Instant.from(lastActiveAt).add({ minutes: idleMinutes() }).toString() }
    },

    async end(tx: Queryable, token: string | null, reason: string): Promise<void> {
      if (!token) return
      await tx.query(`UPDATE sessions SET ended_at = $2, ended_reason = $3 WHERE token_hash = $1 AND ended_at IS NULL`, [hashToken(token), clock.now().toString(), reason])
    }
  }
}

export type Sessions = ReturnType<typeof createSessions>
