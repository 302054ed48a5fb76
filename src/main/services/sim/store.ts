import { randomUUID } from 'node:crypto'
import type { SimCommandDoc, SimState } from '@shared/ipc/schemas'
import type { Queryable } from '../../db/database'
import { notFound } from '../errors'

/** The sim_commands table: what a command is, as rows and as the document the renderer sees. */
export const COMMAND_COLUMNS = `id, vin, action, from_state AS "fromState", target_state AS "targetState", status,
  requested_at AS "requestedAt", completed_at AS "completedAt", error, attempts, agent_name AS "agentName",
  contract_effect AS "contractEffect", termination_effective_on AS "terminationEffectiveOn", origin,
  case_id AS "caseId", next_attempt_at AS "nextAttemptAt"`

export type CommandOrigin = SimCommandDoc['origin']

export interface NewCommand {
  vin: string
  action: 'deactivate' | 'reactivate'
  fromState: SimState
  targetState: SimState
  requestedAt: string
  deadlineAt: string
  agent: { id: string; displayName: string }
  contractEffect: SimCommandDoc['contractEffect']
  terminationEffectiveOn: string | null
  acknowledgement: unknown
  reason: string | null
  verification: unknown
  assessment: unknown
  origin: CommandOrigin
  caseId: string | null
  readOut?: unknown
}

export async function insertCommand(tx: Queryable, c: NewCommand): Promise<string> {
  const id = `SIM-${randomUUID()}`
  await tx.query(
    `INSERT INTO sim_commands (id, vin, action, from_state, target_state, status, requested_at, deadline_at, agent_id, agent_name,
       contract_effect, termination_effective_on, acknowledgement, reason, verification, assessment, origin, case_id, read_out)
     VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [
      id, c.vin, c.action, c.fromState, c.targetState, c.requestedAt, c.deadlineAt, c.agent.id, c.agent.displayName,
      c.contractEffect, c.terminationEffectiveOn, c.acknowledgement === undefined ? null : JSON.stringify(c.acknowledgement), c.reason,
      JSON.stringify(c.verification), JSON.stringify(c.assessment), c.origin, c.caseId, c.readOut === undefined ? null : JSON.stringify(c.readOut)
    ]
  )
  return id
}

export async function commandDoc(tx: Queryable, id: string): Promise<SimCommandDoc> {
  const { rows } = await tx.query<SimCommandDoc>(`SELECT ${COMMAND_COLUMNS} FROM sim_commands WHERE id = $1`, [id])
  if (!rows[0]) throw notFound('sim.commandNotFound')
  return rows[0]
}

/** The pending command of a vehicle, if any (at most one: a unique index). */
export async function pendingCommand(tx: Queryable, vin: string): Promise<SimCommandDoc | null> {
  const { rows } = await tx.query<SimCommandDoc>(`SELECT ${COMMAND_COLUMNS} FROM sim_commands WHERE vin = $1 AND status = 'pending'`, [vin])
  return rows[0] ?? null
}

/**
 * Commands that must reach their target: the customer's withdrawal or termination is already in force, so
 * a failed or silent attempt is followed by another, with growing pauses (RULES.md §5 effects; the
 * decision is in src/shared/rules/README.md).
 */
export function retriesByItself(c: { origin: CommandOrigin; contractEffect: SimCommandDoc['contractEffect']; action: string }): boolean {
  return c.action === 'deactivate' && (c.origin === 'withdrawal' || c.origin === 'reconcile' || c.contractEffect === 'withdrawal' || c.contractEffect === 'termination')
}

/** 30 s after the first failure, doubling, at most an hour. */
export function retryDelayMs(failedAttempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failedAttempt - 1), 3_600_000)
}
