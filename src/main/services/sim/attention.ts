import type { ParsedRequest, Response } from '@shared/ipc/contract'
import type { Market, SimCommandDoc } from '@shared/ipc/schemas'
import type { SessionAgent } from '../../auth/sessions'
import type { Database } from '../../db/database'
import { scopeOf } from '../scope'
import { COMMAND_COLUMNS } from './store'

/**
 * SIM commands that need attention, in the agent's scope: each vehicle's latest command while it waits
 * for the vehicle, and after it failed or timed out (an older command of a vehicle is history: only the
 * latest can be retried). Those that need someone to act (failed, timed out, or waiting for an automatic
 * retry, which "try now" sends at once) are counted for the top bar's badge, the agent's own apart.
 */
export const ATTENTION_ROWS = 200

type Row = SimCommandDoc & { mine: boolean; vehicle: { model: string; plate: string | null; market: Market; firstName: string | null; lastName: string | null; companyName: string | null } }

/** What needs someone to act, as SQL over the command's own columns. */
const NEEDS_ACTION = `(status IN ('failed', 'timed-out') OR (status = 'pending' AND next_attempt_at IS NOT NULL))`

export function createSimAttention(db: Database) {
  return {
    async list(agent: SessionAgent, filter: ParsedRequest<'simAttention'>): Promise<Response<'simAttention'>> {
      const params = [scopeOf(agent), agent.id, filter.mine, filter.status ?? null]
      // Latest per vehicle: no later command on the same vehicle (sim_commands_vin index).
      const latest = `WITH latest AS (
          SELECT s.* FROM sim_commands s JOIN vehicles v ON v.vin = s.vin
          WHERE s.status IN ('pending', 'failed', 'timed-out') AND ($1::text IS NULL OR v.market = $1)
            AND NOT EXISTS (SELECT 1 FROM sim_commands n WHERE n.vin = s.vin AND (n.requested_at, n.id) > (s.requested_at, s.id)))`
      const [listed, counts] = await Promise.all([
        db.query<Row>(
          `${latest}
           SELECT ${COMMAND_COLUMNS}, agent_id = $2 AS mine,
             (SELECT json_build_object('model', v.model, 'plate', v.plate, 'market', v.market, 'firstName', c.first_name,
                'lastName', c.last_name, 'companyName', c.company_name)
              FROM vehicles v JOIN customers c ON c.id = v.customer_id WHERE v.vin = latest.vin) AS vehicle
           FROM latest
           WHERE (NOT $3::boolean OR agent_id = $2) AND ($4::text IS NULL OR status = $4)
           ORDER BY requested_at DESC, id DESC LIMIT ${ATTENTION_ROWS + 1}`,
          params
        ),
        db.query<{ needsAction: number; mine: number }>(
          `${latest}
           SELECT count(*) FILTER (WHERE ${NEEDS_ACTION})::int AS "needsAction",
                  count(*) FILTER (WHERE ${NEEDS_ACTION} AND agent_id = $2)::int AS mine
           FROM latest`,
          params.slice(0, 2)
        )
      ])
      const rows = listed.rows.slice(0, ATTENTION_ROWS).map(({ mine, vehicle, ...command }) => ({ command, mine, vehicle }))
      return { rows, truncated: listed.rows.length > ATTENTION_ROWS, needsAction: counts.rows[0]?.needsAction ?? 0, mine: counts.rows[0]?.mine ?? 0 }
    }
  }
}

export type SimAttention = ReturnType<typeof createSimAttention>
