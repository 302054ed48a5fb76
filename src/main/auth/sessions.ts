import { Temporal } from 'temporal-polyfill'
import type { Role } from '@shared/ipc/schemas'
import type { Clock } from '../config'

/**
 * Sessions live only in the main process, keyed by the transport's session id (the window in Electron,
 * an HttpOnly cookie in the harness): the renderer never holds a credential or a token. A session ends
 * after `idleMinutes` without a call.
 */
export interface SessionAgent {
  id: string
  username: string
  displayName: string
  role: Role
  dealerNumber: string | null
}

interface Session {
  agent: SessionAgent
  signedInAt: Temporal.Instant
  lastSeen: Temporal.Instant
}

export function createSessions(clock: Clock, idleMinutes: () => number) {
  const sessions = new Map<string, Session>()

  function expired(session: Session, now: Temporal.Instant): boolean {
    return Temporal.Instant.compare(session.lastSeen.add({ minutes: idleMinutes() }), now) <= 0
  }

  return {
    start(sessionId: string, agent: SessionAgent): void {
      const now = clock.now()
      sessions.set(sessionId, { agent, signedInAt: now, lastSeen: now })
    },
    /** The session's agent, refreshing its idle clock; null when signed out or idle too long. */
    touch(sessionId: string): SessionAgent | null {
      const session = sessions.get(sessionId)
      if (!session) return null
      const now = clock.now()
      if (expired(session, now)) {
        sessions.delete(sessionId)
        return null
      }
      session.lastSeen = now
      return session.agent
    },
    /** Looks without refreshing (for status polls that must not keep an idle session alive). */
    peek(sessionId: string): { agent: SessionAgent; expiresAt: string } | null {
      const session = sessions.get(sessionId)
      if (!session) return null
      if (expired(session, clock.now())) {
        sessions.delete(sessionId)
        return null
      }
      return { agent: session.agent, expiresAt: session.lastSeen.add({ minutes: idleMinutes() }).toString() }
    },
    end(sessionId: string): void {
      sessions.delete(sessionId)
    }
  }
}

export type Sessions = ReturnType<typeof createSessions>
