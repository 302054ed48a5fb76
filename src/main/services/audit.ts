import type { Role } from '@shared/ipc/schemas'
import { storable } from '@shared/ipc/text'
import type { Clock } from '../clock'
import type { Database, Queryable } from '../db/database'

/**
 * The audit trail: who (agent, role), when, what, on which vehicle or case, with what outcome and why,
 * and on which verification. Append-only (the database refuses updates and deletes). Writes take the
 * caller's transaction so that a command and its audit record commit or fail together.
 */
export type AuditOutcome = 'ok' | 'refused' | 'failed' | 'denied' | 'error'

export interface AuditActor {
  id: string
  displayName: string
  role: Role
}

export interface AuditEntry {
  actor: AuditActor | null
  action: string
  vin?: string | null
  caseId?: string | null
  outcome: AuditOutcome
  reason?: string | null
  verification?: unknown
  details?: unknown
}

export interface AuditRow {
  id: number
  at: string
  agentId: string | null
  agentName: string | null
  role: Role | null
  action: string
  vin: string | null
  caseId: string | null
  outcome: AuditOutcome
  reason: string | null
  verification: unknown
  details: unknown
}

export interface AuditFilter {
  from?: string
  to?: string
  agentId?: string
  action?: string
  vin?: string
  caseId?: string
  outcome?: AuditOutcome
  limit?: number
  offset?: number
}

/**
 * What a record may hold. A refusal quotes what was asked (a key, a name): quoted values are cut to a few
 * hundred characters and a record's details to a few kilobytes, so that no request can write megabytes
 * into a log nobody may ever delete.
 */
export const AUDIT_LIMITS = { text: 300, reason: 500, items: 50, keys: 50, depth: 8, detailsBytes: 8_192 } as const

export function bounded(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > AUDIT_LIMITS.text ? `${value.slice(0, AUDIT_LIMITS.text)}… (${value.length} characters)` : value
  if (value === null || typeof value !== 'object') return value
  if (depth >= AUDIT_LIMITS.depth) return '…'
  if (Array.isArray(value)) {
    const items = value.slice(0, AUDIT_LIMITS.items).map((v) => bounded(v, depth + 1))
    return value.length > AUDIT_LIMITS.items ? [...items, `… (${value.length - AUDIT_LIMITS.items} more)`] : items
  }
  const entries = Object.entries(value)
  const kept = entries.slice(0, AUDIT_LIMITS.keys).map(([k, v]) => [bounded(k) as string, bounded(v, depth + 1)])
  if (entries.length > AUDIT_LIMITS.keys) kept.push(['…', `${entries.length - AUDIT_LIMITS.keys} more`])
  return Object.fromEntries(kept)
}

function boundedJson(value: unknown): string | null {
  if (value === undefined) return null
  const json = JSON.stringify(bounded(value))
  return json.length > AUDIT_LIMITS.detailsBytes ? JSON.stringify({ truncated: true, preview: json.slice(0, 1_000) }) : json
}

const COLUMNS = `id, at, agent_id AS "agentId", agent_name AS "agentName", role, action, vin, case_id AS "caseId",
  outcome, reason, verification, details`

export function createAudit(db: Database, clock: Clock) {
  function where(filter: AuditFilter): { sql: string; params: unknown[] } {
    const clauses: string[] = []
    const params: unknown[] = []
    const add = (sql: string, value: unknown) => {
      params.push(value)
      clauses.push(sql.replace('?', `$${params.length}`))
    }
    if (filter.from) add('at >= ?::date', filter.from)
    if (filter.to) add(`at < (?::date + 1)`, filter.to)
    if (filter.agentId) add('agent_id = ?', filter.agentId)
    if (filter.action) add('action = ?', filter.action)
    if (filter.vin) add('vin = ?', filter.vin)
    if (filter.caseId) add('case_id = ?', filter.caseId)
    if (filter.outcome) add('outcome = ?', filter.outcome)
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
  }

  return {
    async record(raw: AuditEntry, tx: Queryable = db): Promise<void> {
      // What a refusal quotes back (a bad key, a name) is recorded even when the database could not store it as is.
      const entry = storable(raw)
      const reason = entry.reason ? entry.reason.slice(0, AUDIT_LIMITS.reason) : null
      await tx.query(
        `INSERT INTO audit_log (at, agent_id, agent_name, role, action, vin, case_id, outcome, reason, verification, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          clock.now().toString(),
          entry.actor?.id ?? null,
          entry.actor?.displayName ?? null,
          entry.actor?.role ?? null,
          entry.action,
          entry.vin ?? null,
          entry.caseId ?? null,
          entry.outcome,
          reason,
          boundedJson(entry.verification),
          boundedJson(entry.details)
        ]
      )
    },

    async list(filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
      const w = where(filter)
      const limit = filter.limit ?? 200
      const offset = filter.offset ?? 0
      const { rows } = await db.query<AuditRow>(
        `SELECT ${COLUMNS} FROM audit_log ${w.sql} ORDER BY at DESC, id DESC LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
        w.params
      )
      const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log ${w.sql}`, w.params)
      return { rows, total: count.rows[0]?.n ?? 0 }
    },

    /** RFC 4180 CSV with a header row, every matching entry (no paging), oldest first. */
    async csv(filter: AuditFilter): Promise<string> {
      const w = where(filter)
      const { rows } = await db.query<AuditRow>(`SELECT ${COLUMNS} FROM audit_log ${w.sql} ORDER BY at, id`, w.params)
      const header = ['id', 'at', 'agent_id', 'agent_name', 'role', 'action', 'vin', 'case_id', 'outcome', 'reason', 'verification', 'details']
      const cell = (value: unknown): string => {
        if (value === null || value === undefined) return ''
        const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value)
        // Cells that a spreadsheet would run as a formula are prefixed with a quote (CSV injection).
        const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
        return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
      }
      const lines = rows.map((r) =>
        [r.id, r.at, r.agentId, r.agentName, r.role, r.action, r.vin, r.caseId, r.outcome, r.reason, r.verification, r.details].map(cell).join(',')
      )
      return [header.join(','), ...lines].join('\r\n') + '\r\n'
    }
  }
}

export type Audit = ReturnType<typeof createAudit>
