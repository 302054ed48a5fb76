import { Temporal } from 'temporal-polyfill'
import { verificationLockout, verifyCaller, type CallerClaim } from '@shared/rules'
import type { Market } from '@shared/ipc/schemas'
import type { SessionAgent } from '../auth/sessions'
import type { Clock } from '../config'
import type { Database } from '../db/database'
import type { Audit } from './audit'
import { ServiceError } from './errors'
import type { VehicleService } from './vehicles'

/**
 * Who is the agent acting for (RULES.md §8, D11)? A hotline agent verifies the caller (exact name, full
 * VIN, customer number or postcode; three failures lock the vehicle for 15 minutes); dealer staff record
 * the identity document they checked. A passed check is valid for the call: 30 minutes, in this session,
 * for this vehicle. Every attempt is kept and audited.
 */
export const CHECK_VALID_MINUTES = 30
export const IDENTITY_DOCUMENTS = ['passport', 'national-id-card', 'driving-licence', 'residence-permit'] as const
export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number]

export interface CallerCheck {
  method: 'caller-verification' | 'identity-document'
  at: string
  validUntil: string
  details: Record<string, unknown>
}

const MARKET_OF_DEALER = /^(DK|SE|PT|BE|LU)-/

/** D2: dealer staff act for vehicles of their own market; the hotline and supervisors for every market. */
export function mayActOnMarket(agent: SessionAgent, market: Market): boolean {
  return agent.role !== 'dealer' || MARKET_OF_DEALER.exec(agent.dealerNumber ?? '')?.[1] === market
}

/** D11: the check each role's command rests on (a supervisor may use either). */
function checkFits(agent: SessionAgent, check: CallerCheck): boolean {
  if (agent.role === 'hotline') return check.method === 'caller-verification'
  if (agent.role === 'dealer') return check.method === 'identity-document'
  return true
}

export interface CallerStatus {
  check: CallerCheck | null
  locked: boolean
  lockedUntil: string | null
  remainingAttempts: number
}

export function createCallerChecks(db: Database, clock: Clock, audit: Audit, vehicles: VehicleService) {
  async function attempts(vin: string) {
    const since = clock.now().subtract({ hours: 24 }).toString()
    const { rows } = await db.query<{ at: string; passed: boolean }>(
      `SELECT at, passed FROM caller_checks WHERE vin = $1 AND method = 'caller-verification' AND at >= $2 ORDER BY at`,
      [vin, since]
    )
    return rows
  }

  async function current(sessionId: string, agentId: string, vin: string): Promise<CallerCheck | null> {
    const since = clock.now().subtract({ minutes: CHECK_VALID_MINUTES }).toString()
    const { rows } = await db.query<{ method: CallerCheck['method']; at: string; details: Record<string, unknown> }>(
      `SELECT method, at, details FROM caller_checks
       WHERE vin = $1 AND session_id = $2 AND agent_id = $3 AND passed AND at > $4 ORDER BY at DESC LIMIT 1`,
      [vin, sessionId, agentId, since]
    )
    const row = rows[0]
    if (!row) return null
    return { ...row, validUntil: Temporal.Instant.from(row.at).add({ minutes: CHECK_VALID_MINUTES }).toString() }
  }

  async function status(sessionId: string, agent: SessionAgent, vin: string): Promise<CallerStatus> {
    const lock = verificationLockout(await attempts(vin), clock.now().toString())
    return { check: await current(sessionId, agent.id, vin), locked: lock.locked, lockedUntil: lock.lockedUntil ?? null, remainingAttempts: lock.remainingAttempts }
  }

  return {
    status,
    current,

    /** The check this agent's command on this vehicle may rest on, or null when there is none yet. */
    async fitting(sessionId: string, agent: SessionAgent, vin: string): Promise<CallerCheck | null> {
      const check = await current(sessionId, agent.id, vin)
      return check && checkFits(agent, check) ? check : null
    },

    async verifyCaller(sessionId: string, agent: SessionAgent, vin: string, claim: CallerClaim): Promise<CallerStatus & { passed: boolean; messages: string[] }> {
      const before = verificationLockout(await attempts(vin), clock.now().toString())
      if (before.locked) {
        await audit.record({ actor: agent, action: 'caller.verify', vin, outcome: 'denied', reason: `verification locked until ${before.lockedUntil}` })
        throw new ServiceError('refused', `Verification for this vehicle is locked after three failed attempts, until ${before.lockedUntil}. (D11)`)
      }
      const vehicle = await vehicles.get(vin)
      const result = verifyCaller(
        {
          firstName: vehicle.customer.firstName ?? '',
          lastName: vehicle.customer.lastName ?? '',
          vin: vehicle.vin,
          customerNumber: vehicle.customer.customerNumber,
          postcode: vehicle.customer.postcode
        },
        claim
      )
      const at = clock.now().toString()
      // What was asked is kept, never what the record says: the log must not become a second copy of it.
      const details = { secondFactor: result.secondFactor, failures: result.failures }
      await db.query(
        `INSERT INTO caller_checks (at, vin, agent_id, session_id, method, passed, details) VALUES ($1, $2, $3, $4, 'caller-verification', $5, $6)`,
        [at, vin, agent.id, sessionId, result.passed, JSON.stringify(details)]
      )
      await audit.record({
        actor: agent,
        action: 'caller.verify',
        vin,
        outcome: result.passed ? 'ok' : 'refused',
        reason: result.passed ? null : result.failures.join(', '),
        verification: { method: 'caller-verification', ...details }
      })
      return { ...(await status(sessionId, agent, vin)), passed: result.passed, messages: result.messages }
    },

    async recordIdentityDocument(sessionId: string, agent: SessionAgent, vin: string, document: { kind: IdentityDocument; reference?: string | undefined }): Promise<CallerStatus> {
      await vehicles.get(vin)
      const details = { document: document.kind, reference: document.reference ?? null }
      await db.query(
        `INSERT INTO caller_checks (at, vin, agent_id, session_id, method, passed, details) VALUES ($1, $2, $3, $4, 'identity-document', true, $5)`,
        [clock.now().toString(), vin, agent.id, sessionId, JSON.stringify(details)]
      )
      await audit.record({ actor: agent, action: 'caller.identity-document', vin, outcome: 'ok', verification: { method: 'identity-document', ...details } })
      return status(sessionId, agent, vin)
    }
  }
}

export type CallerChecks = ReturnType<typeof createCallerChecks>
