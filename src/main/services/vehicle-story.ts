import { Temporal } from 'temporal-polyfill'
import type { Response } from '@shared/ipc/contract'
import type { SessionAgent } from '../auth/sessions'
import type { Database } from '../db/database'
import type { VehicleService } from './vehicles'

/**
 * The vehicle's story, for every agent who may see the vehicle: its SIM commands with every attempt and
 * outcome, the caller verifications and identity documents checked, its withdrawals and refunds, the
 * forms printed for it, and the agents' notes, newest first. Built from the vehicle's own records and
 * the audit lines about it, as codes and data the renderer words; the audit log itself stays the
 * supervisor's (no refusals, no other vehicle, no document numbers, no verification details beyond what
 * failed).
 */
export type StoryEvent = Response<'vehicleStory'>['events'][number]

/** Events returned at most, newest first. */
export const STORY_EVENTS = 500

type AttemptOutcome = Extract<StoryEvent, { kind: 'sim-attempt' }>['outcome']
const ATTEMPT_ACTIONS: Record<string, AttemptOutcome> = {
  'sim.confirmed': 'confirmed',
  'sim.failed': 'failed',
  'sim.timed-out': 'timed-out',
  'sim.retry': 'retried',
  'sim.resumed': 'resumed',
  'sim.invariant-stop': 'stopped'
}
const SIM_ERRORS = new Set(['unit-rejected', 'profile-error', 'network-refused', 'telematics-failed', 'no-answer', 'invariant-stop'])

interface AuditLine {
  id: number
  at: string
  agentName: string | null
  action: string
  reason: string | null
  caseId: string | null
  details: Record<string, unknown> | null
}

export function createVehicleStory(db: Database, vehicles: VehicleService) {
  return {
    async of(agent: SessionAgent, vin: string): Promise<Response<'vehicleStory'>> {
      const vehicle = await vehicles.getFor(agent, vin)
      const caseIds = vehicle.cases.map((c) => c.id)
      const [notes, checks, commands, refunds, lines] = await Promise.all([
        db.query<{ at: string; agentName: string; text: string }>(
          `SELECT at, agent_name AS "agentName", body AS text FROM vehicle_notes WHERE vin = $1 ORDER BY at DESC, id DESC LIMIT ${STORY_EVENTS}`,
          [vin]
        ),
        db.query<{ at: string; agentName: string; method: string; passed: boolean; details: Record<string, unknown> }>(
          `SELECT k.at, a.display_name AS "agentName", k.method, k.passed, k.details
           FROM caller_checks k JOIN agents a ON a.id = k.agent_id WHERE k.vin = $1 ORDER BY k.at DESC, k.id DESC LIMIT ${STORY_EVENTS}`,
          [vin]
        ),
        db.query<{ id: string; at: string; agentName: string; action: 'deactivate' | 'reactivate'; targetState: string; origin: string; contractEffect: string; caseId: string | null }>(
          `SELECT id, requested_at AS at, agent_name AS "agentName", action, target_state AS "targetState", origin,
                  contract_effect AS "contractEffect", case_id AS "caseId"
           FROM sim_commands WHERE vin = $1 ORDER BY requested_at DESC LIMIT ${STORY_EVENTS}`,
          [vin]
        ),
        db.query<{ at: string; agentName: string; caseId: string; amount: number; currency: string; method: string }>(
          `SELECT r.recorded_at AS at, a.display_name AS "agentName", r.case_id AS "caseId", r.amount, w.currency, r.method
           FROM refund_payments r JOIN withdrawal_cases w ON w.id = r.case_id JOIN agents a ON a.id = r.recorded_by
           WHERE w.vin = $1 ORDER BY r.recorded_at DESC LIMIT ${STORY_EVENTS}`,
          [vin]
        ),
        // SIM attempts carry the vehicle; a form printed from a case carries only the case.
        db.query<AuditLine>(
          `SELECT id, at, agent_name AS "agentName", action, reason, case_id AS "caseId", details FROM audit_log
           WHERE (vin = $1 AND action = ANY($2::text[])) OR (action = 'form.generate' AND outcome = 'ok' AND (vin = $1 OR case_id = ANY($3::text[])))
           ORDER BY at DESC, id DESC LIMIT ${STORY_EVENTS}`,
          [vin, Object.keys(ATTEMPT_ACTIONS), caseIds]
        )
      ])
      const commandOf = new Map(commands.rows.map((c) => [c.id, c]))
      const events: StoryEvent[] = []

      for (const n of notes.rows) events.push({ kind: 'note', at: n.at, agentName: n.agentName, text: n.text })
      for (const k of checks.rows) {
        if (k.method === 'identity-document') {
          events.push({ kind: 'identity-document', at: k.at, agentName: k.agentName, document: k.details['document'] as never })
        } else {
          const failures = Array.isArray(k.details['failures']) ? (k.details['failures'] as never[]) : []
          events.push({ kind: 'caller-verification', at: k.at, agentName: k.agentName, passed: k.passed, failures })
        }
      }
      for (const c of commands.rows) {
        events.push({ kind: 'sim-request', at: c.at, agentName: c.agentName, commandId: c.id, action: c.action, targetState: c.targetState as never, origin: c.origin as never, contractEffect: c.contractEffect as never, caseId: c.caseId })
      }
      for (const w of vehicle.cases) {
        events.push({ kind: 'withdrawal', at: w.createdAt, agentName: w.createdByName, caseId: w.id, subject: w.subject, decision: w.decision, source: w.source })
      }
      for (const r of refunds.rows) events.push({ kind: 'refund', at: r.at, agentName: r.agentName, caseId: r.caseId, amount: r.amount, currency: r.currency as never, method: r.method as never })
      for (const line of lines.rows) {
        const details = line.details ?? {}
        if (line.action === 'form.generate') {
          events.push({ kind: 'form', at: line.at, agentName: line.agentName ?? '', caseId: line.caseId, contract: details['contract'] === 'service-inclusive' ? 'service-inclusive' : 'connected', blank: details['mode'] === 'blank' })
          continue
        }
        const command = commandOf.get(String(details['commandId'] ?? ''))
        if (!command) continue
        const outcome = ATTEMPT_ACTIONS[line.action]!
        const attempt = typeof details['attempt'] === 'number' ? details['attempt'] : null
        const error = outcome === 'stopped' ? 'invariant-stop' : line.reason && SIM_ERRORS.has(line.reason) ? line.reason : null
        const next = typeof details['nextAttemptAt'] === 'string' ? details['nextAttemptAt'] : null
        events.push({
          kind: 'sim-attempt',
          at: line.at,
          // The unit's answers are the tool's to record; a retry is the agent's.
          agentName: outcome === 'retried' ? line.agentName : null,
          commandId: command.id,
          action: command.action,
          targetState: command.targetState as never,
          outcome,
          attempt,
          error: error as never,
          nextAttemptAt: next
        })
      }
      // Newest first; at the same instant, the later record first (a confirmation after its request).
      // Instants come in several ISO spellings (fractions, offsets): compared as instants, sent in one.
      const order = { note: 0, 'caller-verification': 1, 'identity-document': 1, 'sim-request': 2, 'sim-attempt': 3, withdrawal: 2, refund: 4, form: 4 } as const
      const timed = events.map((e) => {
        const instant = Temporal.Instant.from(e.at)
        return { e: { ...e, at: instant.toString() }, ns: instant.epochNanoseconds }
      })
      timed.sort((a, b) => (a.ns === b.ns ? order[b.e.kind] - order[a.e.kind] : a.ns < b.ns ? 1 : -1))
      return { events: timed.slice(0, STORY_EVENTS).map((t) => t.e), truncated: timed.length > STORY_EVENTS }
    }
  }
}

export type VehicleStory = ReturnType<typeof createVehicleStory>
