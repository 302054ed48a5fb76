import { randomUUID } from 'node:crypto'
import { Temporal } from 'temporal-polyfill'
import type { AgentLanguage, Role } from '@shared/ipc/schemas'
import type { AuditReason } from '@shared/ipc/messages'
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords'
import { newSessionToken, type SessionAgent, type Sessions } from '../auth/sessions'
import type { Clock } from '../clock'
import type { Database, Queryable } from '../db/database'
import { LOCKS } from '../db/sql-locks'
import type { Audit } from './audit'
import { refuse, runCommand } from './command'
import { conflict, ServiceError } from './errors'

/** Repeated wrong passwords lock the account for a while: enough to stop guessing, short enough for a real user. */
export const SIGN_IN_MAX_FAILURES = 5
export const SIGN_IN_LOCK_MINUTES = 15

interface AgentRow extends SessionAgent {
  passwordHash: string
  failedSignIns: number
  lockedUntil: string | null
  demo: boolean
}

const SELECT = `SELECT id, username, display_name AS "displayName", role, dealer_number AS "dealerNumber", language,
  password_hash AS "passwordHash", failed_sign_ins AS "failedSignIns", locked_until AS "lockedUntil", demo FROM agents`

export interface NewAgent {
  username: string
  displayName: string
  role: Role
  dealerNumber?: string | null
  password: string
  demo?: boolean
}

/** Demo accounts exist only with the demo fleet (README lists them as such). */
export const DEMO_AGENTS: NewAgent[] = [
  { username: 'supervisor', displayName: 'Karin Lindqvist (demo supervisor)', role: 'supervisor', password: 'demo-supervisor', demo: true },
  { username: 'hotline', displayName: 'Mads Thomsen (demo hotline)', role: 'hotline', password: 'demo-hotline', demo: true },
  { username: 'dealer.dk', displayName: 'Bilhuset Østjylland (demo dealer)', role: 'dealer', dealerNumber: 'DK-24031', password: 'demo-dealer', demo: true },
  { username: 'dealer.se', displayName: 'MINI Stockholm Värtahamnen (demo dealer)', role: 'dealer', dealerNumber: 'SE-31004', password: 'demo-dealer', demo: true },
  { username: 'dealer.pt', displayName: 'MINI Lisboa Expo (demo dealer)', role: 'dealer', dealerNumber: 'PT-51002', password: 'demo-dealer', demo: true },
  { username: 'dealer.be', displayName: 'MINI Bruxelles Delta (demo dealer)', role: 'dealer', dealerNumber: 'BE-61008', password: 'demo-dealer', demo: true },
  { username: 'dealer.lu', displayName: 'MINI Luxembourg Howald (demo dealer)', role: 'dealer', dealerNumber: 'LU-71003', password: 'demo-dealer', demo: true }
]

export interface AgentRowToInsert {
  id: string
  username: string
  displayName: string
  role: Role
  dealerNumber: string | null
  passwordHash: string
}

async function rowFor(agent: NewAgent): Promise<AgentRowToInsert> {
  return {
    id: randomUUID(),
    username: agent.username.trim().toLowerCase(),
    displayName: agent.displayName.trim(),
    role: agent.role,
    dealerNumber: agent.role === 'dealer' ? (agent.dealerNumber ?? null) : null,
    passwordHash: await hashPassword(agent.password)
  }
}

/** The demo accounts, hashed (for seeding with the demo fleet). */
export function demoAgentRows(): Promise<AgentRowToInsert[]> {
  return Promise.all(DEMO_AGENTS.map(rowFor))
}

function toSessionAgent(row: SessionAgent): SessionAgent {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, dealerNumber: row.dealerNumber, language: row.language ?? null }
}

async function insertAgent(tx: Queryable, row: AgentRowToInsert, createdBy: string | null): Promise<boolean> {
  const { rows } = await tx.query(
    `INSERT INTO agents (id, username, display_name, role, dealer_number, password_hash, demo, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, false, $7) ON CONFLICT (username) DO NOTHING RETURNING id`,
    [row.id, row.username, row.displayName, row.role, row.dealerNumber, row.passwordHash, createdBy]
  )
  return rows.length > 0
}

export interface SignedIn {
  agent: SessionAgent
  /** The new session's token: the transport keeps it (never the renderer). */
  token: string
}

export function createAgentService(db: Database, clock: Clock, sessions: Sessions, audit: Audit) {
  return {
    async count(): Promise<number> {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM agents')
      return rows[0]?.n ?? 0
    },

    /**
     * First run: the very first account must be a supervisor, and only while there is no account at all.
     * The check and the insert hold one advisory lock, so parallel first-run screens create one supervisor.
     */
    async createFirstSupervisor(input: { username: string; displayName: string; password: string }, previousToken: string | null): Promise<SignedIn> {
      const row = await rowFor({ ...input, role: 'supervisor' })
      const token = newSessionToken()
      return runCommand(db, audit, async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.firstSupervisor])
        const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM agents')
        if ((rows[0]?.n ?? 0) > 0) refuse(new ServiceError('forbidden', 'auth.firstSupervisorExists'), { actor: null, action: 'agent.create-first-supervisor', details: { username: row.username } })
        await insertAgent(tx, row, null)
        const agent: SessionAgent = { id: row.id, username: row.username, displayName: row.displayName, role: 'supervisor', dealerNumber: null, language: null }
        await sessions.end(tx, previousToken, 'replaced')
        await sessions.start(tx, token, agent.id)
        await audit.record({ actor: agent, action: 'agent.create-first-supervisor', outcome: 'ok', details: { username: agent.username } }, tx)
        return { agent, token }
      })
    },

    async create(input: NewAgent, by: SessionAgent): Promise<SessionAgent> {
      const row = await rowFor(input)
      return runCommand(db, audit, async (tx) => {
        if (!(await insertAgent(tx, row, by.id))) {
          refuse(conflict('agent.usernameTaken', { username: row.username }), { actor: by, action: 'agent.create', details: { username: row.username } })
        }
        await audit.record({ actor: by, action: 'agent.create', outcome: 'ok', details: { username: row.username, role: row.role, dealerNumber: row.dealerNumber } }, tx)
        return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, dealerNumber: row.dealerNumber, language: null }
      })
    },

    async setLanguage(agent: SessionAgent, language: AgentLanguage): Promise<SessionAgent> {
      return db.transaction(async (tx) => {
        await tx.query('UPDATE agents SET language = $2 WHERE id = $1', [agent.id, language])
        await audit.record({ actor: agent, action: 'agent.set-language', outcome: 'ok', details: { language } }, tx)
        return { ...agent, language }
      })
    },

    async list(): Promise<Array<SessionAgent & { demo: boolean; locked: boolean }>> {
      const { rows } = await db.query<AgentRow>(`${SELECT} ORDER BY role, username`)
      const now = clock.now()
      return rows.map((r) => ({ ...toSessionAgent(r), demo: r.demo, locked: r.lockedUntil !== null && Temporal.Instant.compare(Temporal.Instant.from(r.lockedUntil), now) > 0 }))
    },

    /**
     * One transaction on the locked account row: whether it is locked, the password check and the failure
     * counter are decided together, so parallel guesses are counted one by one and the sixth is refused
     * unheard. The check is deliberately slow (scrypt), and it runs while the row is locked.
     */
    async signIn(username: string, password: string, previousToken: string | null): Promise<SignedIn> {
      const name = username.trim().toLowerCase()
      const token = newSessionToken()
      const action = 'auth.sign-in'
      return runCommand(db, audit, async (tx) => {
        const { rows } = await tx.query<AgentRow>(`${SELECT} WHERE username = $1 FOR UPDATE`, [name])
        const row = rows[0]
        const now = clock.now()
        if (!row) {
          await verifyPassword(password, await decoyHash())
          // Worded exactly like a wrong password, so that the answer does not tell which usernames exist.
          refuse(new ServiceError('unauthenticated', 'auth.wrongPassword', { maxFailures: SIGN_IN_MAX_FAILURES, lockMinutes: SIGN_IN_LOCK_MINUTES }), { actor: null, action, outcome: 'denied', details: { username: name, why: 'unknown username' } })
        }
        const actor = toSessionAgent(row)
        if (row.lockedUntil && Temporal.Instant.compare(Temporal.Instant.from(row.lockedUntil), now) > 0) {
          refuse(new ServiceError('unauthenticated', 'auth.locked', { until: row.lockedUntil }), { actor, action, outcome: 'denied', details: { username: name } })
        }
        if (!(await verifyPassword(password, row.passwordHash))) {
          const failures = row.failedSignIns + 1
          const lock = failures >= SIGN_IN_MAX_FAILURES ? now.add({ minutes: SIGN_IN_LOCK_MINUTES }).toString() : null
          // Written, not rolled back: the refusal is this transaction's result.
          await tx.query('UPDATE agents SET failed_sign_ins = $2, locked_until = $3 WHERE id = $1', [row.id, lock ? 0 : failures, lock])
          await audit.record({ actor, action, outcome: 'denied', reason: lock ? 'auth.wrongPasswordLocked' : 'auth.wrongPassword', details: { username: name, failures } }, tx)
          return lock
            ? { refusal: new ServiceError('unauthenticated', 'auth.wrongPasswordLocked', { minutes: SIGN_IN_LOCK_MINUTES }) }
            : { refusal: new ServiceError('unauthenticated', 'auth.wrongPassword', { maxFailures: SIGN_IN_MAX_FAILURES, lockMinutes: SIGN_IN_LOCK_MINUTES }) }
        }
        await tx.query('UPDATE agents SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1', [row.id])
        await sessions.end(tx, previousToken, 'replaced')
        await sessions.start(tx, token, row.id)
        await audit.record({ actor, action, outcome: 'ok' }, tx)
        return { agent: actor, token }
      }).then((result) => {
        if ('refusal' in result) throw result.refusal
        return result
      })
    },

    async signOut(token: string | null, agent: SessionAgent | null, reason: AuditReason = 'signed-out'): Promise<void> {
      await db.transaction(async (tx) => {
        await sessions.end(tx, token, reason)
        if (agent) await audit.record({ actor: agent, action: 'auth.sign-out', outcome: 'ok', reason }, tx)
      })
    }
  }
}

export type AgentService = ReturnType<typeof createAgentService>
