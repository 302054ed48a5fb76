import { Temporal } from 'temporal-polyfill'
import { verificationLockout, verifyCaller, type CallerClaim } from '@shared/rules'
import type { Market } from '@shared/ipc/schemas'
import { hashToken, type SessionAgent } from '../auth/sessions'
import type { Clock } from '../clock'
import type { Database, Queryable } from '../db/database'
import { lockVehicle } from '../db/sql-locks'
import type { Audit } from './audit'
import { refuse, runCommand } from './command'
import { notFound, ServiceError } from './errors'
import { mayActOnMarket, otherMarket } from './scope'
import type { VehicleService } from './vehicles'

/**
 * Who is the agent acting for (RULES.md §8, D11)? A hotline agent verifies the caller (exact name, full
 * VIN, customer number or postcode; three failures lock the vehicle for 15 minutes); dealer staff record
 * the identity document they checked. A passed check is valid for the call: 30 minutes, in this session,
 * for this vehicle. Every attempt is kept and audited. Attempts are decided on the locked vehicle row, so
 * parallel attempts are counted one by one and the lock cannot be raced.
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
  async function attempts(tx: Queryable, vin: string) {
    const since = clock.now().subtract({ hours: 24 }).toString()
    const { rows } = await tx.query<{ at: string; passed: boolean }>(
      `SELECT at, passed FROM caller_checks WHERE vin = $1 AND method = 'caller-verification' AND at >= $2 ORDER BY at, id`,
      [vin, since]
    )
    return rows
  }

  async function current(tx: Queryable, token: string | null, agentId: string, vin: string): Promise<CallerCheck | null> {
    if (!token) return null
    const since = clock.now().subtract({ minutes: CHECK_VALID_MINUTES }).toString()
    const { rows } = await tx.query<{ method: CallerCheck['method']; at: string; details: Record<string, unknown> }>(
      `SELECT method, at, details FROM caller_checks
       WHERE vin = $1 AND session_hash = $2 AND agent_id = $3 AND passed AND at > $4 ORDER BY at DESC LIMIT 1`,
      [vin, hashToken(token), agentId, since]
    )
    const row = rows[0]
    if (!row) return null
    return { ...row, validUntil: Temporal.Instant.from(row.at).add({ minutes: CHECK_VALID_MINUTES }).toString() }
  }

  async function statusIn(tx: Queryable, token: string | null, agent: SessionAgent, vin: string): Promise<CallerStatus> {
    const lock = verificationLockout(await attempts(tx, vin), clock.now().toString())
    return { check: await current(tx, token, agent.id, vin), locked: lock.locked, lockedUntil: lock.lockedUntil ?? null, remainingAttempts: lock.remainingAttempts }
  }

  /** Locks the vehicle and checks the agent may act on it; refusals are audited under `action`. */
  async function lockInScope(tx: Queryable, agent: SessionAgent, vin: string, action: string): Promise<Market> {
    if (!(await lockVehicle(tx, vin))) throw notFound('vehicle.notFound', { vin })
    const { rows } = await tx.query<{ market: Market }>('SELECT market FROM vehicles WHERE vin = $1', [vin])
    const market = rows[0]!.market
    if (!mayActOnMarket(agent, market)) refuse(otherMarket(market), { actor: agent, action, vin })
    return market
  }

  return {
    async status(token: string | null, agent: SessionAgent, vin: string): Promise<CallerStatus> {
      await vehicles.getFor(agent, vin)
      return statusIn(db, token, agent, vin)
    },

    /** The check this agent's command on this vehicle may rest on (read in the command's transaction). */
    async fitting(tx: Queryable, token: string | null, agent: SessionAgent, vin: string): Promise<CallerCheck | null> {
      const check = await current(tx, token, agent.id, vin)
      return check && checkFits(agent, check) ? check : null
    },

    async verifyCaller(token: string | null, agent: SessionAgent, vin: string, claim: CallerClaim): Promise<CallerStatus & { passed: boolean; failures: string[] }> {
      const action = 'caller.verify'
      return runCommand(db, audit, async (tx) => {
        await lockInScope(tx, agent, vin, action)
        const before = verificationLockout(await attempts(tx, vin), clock.now().toString())
        if (before.locked) {
          refuse(new ServiceError('refused', 'caller.locked', { until: before.lockedUntil ?? null }), { actor: agent, action, vin, outcome: 'denied' })
        }
        const vehicle = await vehicles.get(vin, tx)
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
        // What was asked is kept, never what the record says: the log must not become a second copy of it.
        const details = { secondFactor: result.secondFactor, failures: result.failures }
        await tx.query(
          `INSERT INTO caller_checks (at, vin, agent_id, session_hash, method, passed, details) VALUES ($1, $2, $3, $4, 'caller-verification', $5, $6)`,
          [clock.now().toString(), vin, agent.id, token ? hashToken(token) : '', result.passed, JSON.stringify(details)]
        )
        await audit.record(
          {
            actor: agent,
            action,
            vin,
            outcome: result.passed ? 'ok' : 'refused',
            reason: result.passed ? null : result.failures.join(', '),
            verification: { method: 'caller-verification', ...details }
          },
          tx
        )
        return { ...(await statusIn(tx, token, agent, vin)), passed: result.passed, failures: result.failures }
      })
    },

    async recordIdentityDocument(token: string | null, agent: SessionAgent, vin: string, document: { kind: IdentityDocument; reference?: string | undefined }): Promise<CallerStatus> {
      const action = 'caller.identity-document'
      return runCommand(db, audit, async (tx) => {
        await lockInScope(tx, agent, vin, action)
        const details = { document: document.kind, reference: document.reference ?? null }
        await tx.query(
          `INSERT INTO caller_checks (at, vin, agent_id, session_hash, method, passed, details) VALUES ($1, $2, $3, $4, 'identity-document', true, $5)`,
          [clock.now().toString(), vin, agent.id, token ? hashToken(token) : '', JSON.stringify(details)]
        )
        await audit.record({ actor: agent, action, vin, outcome: 'ok', verification: { method: 'identity-document', ...details } }, tx)
        return statusIn(tx, token, agent, vin)
      })
    }
  }
}

export type CallerChecks = ReturnType<typeof createCallerChecks>
