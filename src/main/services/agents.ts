import { randomUUID } from 'node:crypto'
import { Temporal } from 'temporal-polyfill'
import type { Role } from '@shared/ipc/schemas'
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords'
import type { SessionAgent, Sessions } from '../auth/sessions'
import type { Clock } from '../config'
import type { Database } from '../db/database'
import type { Audit } from './audit'
import { ConflictError, ServiceError } from './errors'

/** Repeated wrong passwords lock the account for a while: enough to stop guessing, short enough for a real user. */
export const SIGN_IN_MAX_FAILURES = 5
export const SIGN_IN_LOCK_MINUTES = 15

interface AgentRow {
  id: string
  username: string
  displayName: string
  role: Role
  dealerNumber: string | null
  passwordHash: string
  failedSignIns: number
  lockedUntil: string | null
  demo: boolean
}

const SELECT = `SELECT id, username, display_name AS "displayName", role, dealer_number AS "dealerNumber",
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

function toSessionAgent(row: AgentRow): SessionAgent {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, dealerNumber: row.dealerNumber }
}

export function createAgentService(db: Database, clock: Clock, sessions: Sessions, audit: Audit) {
  async function byUsername(username: string): Promise<AgentRow | null> {
    const { rows } = await db.query<AgentRow>(`${SELECT} WHERE username = $1`, [username.trim().toLowerCase()])
    return rows[0] ?? null
  }

  async function create(agent: NewAgent, createdBy: string | null): Promise<SessionAgent> {
    if (agent.role === 'dealer' && !agent.dealerNumber) throw new ServiceError('bad-request', 'Dealer staff need a dealer number.')
    const username = agent.username.trim().toLowerCase()
    if (await byUsername(username)) throw new ConflictError(`The username "${username}" is taken.`)
    const id = randomUUID()
    await db.query(
      `INSERT INTO agents (id, username, display_name, role, dealer_number, password_hash, demo, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, username, agent.displayName.trim(), agent.role, agent.role === 'dealer' ? agent.dealerNumber : null, await hashPassword(agent.password), agent.demo ?? false, createdBy]
    )
    return { id, username, displayName: agent.displayName.trim(), role: agent.role, dealerNumber: agent.role === 'dealer' ? (agent.dealerNumber ?? null) : null }
  }

  return {
    async count(): Promise<number> {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM agents')
      return rows[0]?.n ?? 0
    },

    async seedDemoAgents(): Promise<void> {
      for (const agent of DEMO_AGENTS) if (!(await byUsername(agent.username))) await create(agent, null)
    },

    /** First run: the very first account must be a supervisor, and only while there is no account at all. */
    async createFirstSupervisor(input: { username: string; displayName: string; password: string }, sessionId: string): Promise<SessionAgent> {
      if ((await this.count()) > 0) throw new ServiceError('forbidden', 'The first supervisor already exists: sign in instead.')
      const agent = await create({ ...input, role: 'supervisor' }, null)
      sessions.start(sessionId, agent)
      await audit.record({ actor: agent, action: 'agent.create-first-supervisor', outcome: 'ok', details: { username: agent.username } })
      return agent
    },

    async create(input: NewAgent, by: SessionAgent): Promise<SessionAgent> {
      const agent = await create(input, by.id)
      await audit.record({ actor: by, action: 'agent.create', outcome: 'ok', details: { username: agent.username, role: agent.role, dealerNumber: agent.dealerNumber } })
      return agent
    },

    async list(): Promise<Array<SessionAgent & { demo: boolean; locked: boolean }>> {
      const { rows } = await db.query<AgentRow>(`${SELECT} ORDER BY role, username`)
      const now = clock.now()
      return rows.map((r) => ({ ...toSessionAgent(r), demo: r.demo, locked: r.lockedUntil !== null && Temporal.Instant.compare(Temporal.Instant.from(r.lockedUntil), now) > 0 }))
    },

    async signIn(username: string, password: string, sessionId: string): Promise<SessionAgent> {
      const row = await byUsername(username)
      const now = clock.now()
      const refuse = async (reason: string, message: string): Promise<never> => {
        await audit.record({ actor: row ? toSessionAgent(row) : null, action: 'auth.sign-in', outcome: 'denied', reason, details: { username: username.trim().toLowerCase() } })
        throw new ServiceError('unauthenticated', message)
      }
      if (!row) {
        await verifyPassword(password, await decoyHash())
        return refuse('unknown username', 'The username or password is not right.')
      }
      if (row.lockedUntil && Temporal.Instant.compare(Temporal.Instant.from(row.lockedUntil), now) > 0) {
        const until = Temporal.Instant.from(row.lockedUntil).toZonedDateTimeISO(Temporal.Now.timeZoneId()).toPlainTime().toString({ smallestUnit: 'minute' })
        return refuse('locked', `This account is locked after repeated wrong passwords. Try again after ${until}, or ask a supervisor.`)
      }
      if (!(await verifyPassword(password, row.passwordHash))) {
        const failures = row.failedSignIns + 1
        const lock = failures >= SIGN_IN_MAX_FAILURES ? now.add({ minutes: SIGN_IN_LOCK_MINUTES }).toString() : null
        await db.query('UPDATE agents SET failed_sign_ins = $2, locked_until = $3 WHERE id = $1', [row.id, lock ? 0 : failures, lock])
        return refuse(
          lock ? 'wrong password; locked' : 'wrong password',
          lock
            ? `The username or password is not right. The account is now locked for ${SIGN_IN_LOCK_MINUTES} minutes.`
            : `The username or password is not right. ${SIGN_IN_MAX_FAILURES - failures} attempt(s) left before the account is locked.`
        )
      }
      await db.query('UPDATE agents SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1', [row.id])
      const agent = toSessionAgent(row)
      sessions.start(sessionId, agent)
      await audit.record({ actor: agent, action: 'auth.sign-in', outcome: 'ok' })
      return agent
    },

    async signOut(sessionId: string, agent: SessionAgent | null, reason = 'signed out'): Promise<void> {
      sessions.end(sessionId)
      if (agent) await audit.record({ actor: agent, action: 'auth.sign-out', outcome: 'ok', reason })
    }
  }
}

export type AgentService = ReturnType<typeof createAgentService>
