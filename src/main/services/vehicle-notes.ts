import type { ParsedRequest } from '@shared/ipc/contract'
import type { SessionAgent } from '../auth/sessions'
import type { Clock } from '../clock'
import type { Database } from '../db/database'
import { lockVehicle } from '../db/sql-locks'
import type { Audit } from './audit'
import { refuse, runOnce } from './command'
import { notFound } from './errors'
import type { Idempotency } from './idempotency'
import { mayActOnMarket, otherMarket } from './scope'
import type { Market } from '@shared/ipc/schemas'

/**
 * Agent notes on a vehicle: free text with its author and time, append-only (the database refuses
 * changes, migration 0008), for every agent who may see the vehicle. Adding one is a command like any
 * other: its idempotency key, the locked vehicle in the agent's scope, the note and its audit line in one
 * transaction. The audit line says that a note was added, not what it says: the note is its own record.
 */
export interface NoteDoc {
  id: number
  vin: string
  at: string
  agentName: string
  text: string
}

export function createVehicleNotes(deps: { db: Database; clock: Clock; audit: Audit; idempotency: Idempotency }) {
  const { db, clock, audit, idempotency } = deps
  return {
    async add(agent: SessionAgent, request: ParsedRequest<'vehicleNoteAdd'>): Promise<NoteDoc> {
      const action = 'note.add'
      const { idempotencyKey, ...asked } = request
      const { result } = await runOnce(
        db,
        audit,
        idempotency,
        { agentId: agent.id, method: 'vehicleNoteAdd', key: idempotencyKey, request: asked, actor: agent, action },
        async (tx) => {
          if (!(await lockVehicle(tx, request.vin))) throw notFound('vehicle.notFound', { vin: request.vin })
          const { rows } = await tx.query<{ market: Market }>('SELECT market FROM vehicles WHERE vin = $1', [request.vin])
          if (!mayActOnMarket(agent, rows[0]!.market)) refuse(otherMarket(rows[0]!.market), { actor: agent, action, vin: request.vin })
          const inserted = await tx.query<NoteDoc>(
            `INSERT INTO vehicle_notes (vin, at, agent_id, agent_name, body) VALUES ($1, $2, $3, $4, $5)
             RETURNING id::int AS id, vin, at, agent_name AS "agentName", body AS text`,
            [request.vin, clock.now().toString(), agent.id, agent.displayName, request.text]
          )
          const note = inserted.rows[0]!
          await audit.record({ actor: agent, action, vin: request.vin, outcome: 'ok', details: { noteId: note.id, length: request.text.length } }, tx)
          return note
        }
      )
      return result
    }
  }
}

export type VehicleNotes = ReturnType<typeof createVehicleNotes>
