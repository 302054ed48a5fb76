import { randomUUID } from 'node:crypto'
import { toServicePurchases } from '@shared/domain/facts'
import { DK_SE_BASIC_SERVICES } from '@shared/rules'
import type { Clock } from '../clock'
import type { Database } from '../db/database'
import { releaseLease, takeLease } from '../db/leases'
import { lockVehicle } from '../db/sql-locks'
import type { Logger } from '../logger'
import type { Audit } from './audit'
import type { VehicleService } from './vehicles'

/**
 * Effects that arrive on their date (RULES.md §7, DK/SE GTC 8.1): a termination the customer gave takes
 * effect on `terminationEffectiveOn` without anyone clicking. The contract becomes 'terminated', the
 * services that end with it end (the contract's basic services, which the rules already date from it, and
 * store services without a term of their own), and the audit says so, with no agent (the tool acted).
 *
 * Applied by one process at a time (a named lease: the desktop, or one server instance), at start (so a
 * date that passed while the app was closed is caught up) and then periodically; each contract in its own
 * transaction on the locked vehicle, re-reading the contract and the date under the lock, so each effect
 * happens exactly once, whoever else runs at the same moment.
 */
export interface DatedEffectsDeps {
  db: Database
  clock: Clock
  audit: Audit
  vehicles: VehicleService
  log: Logger
  owner?: string
  /** How often the dates are looked at again (default every minute). */
  pollMs?: number
}

const LEASE = 'dated-effects'
const BATCH = 500

export function createDatedEffects(deps: DatedEffectsDeps) {
  const { db, clock, audit, vehicles, log } = deps
  const owner = deps.owner ?? `process-${randomUUID()}`
  const pollMs = deps.pollMs ?? 60_000
  let timer: ReturnType<typeof setInterval> | null = null
  let busy = false
  let closed = false

  /** One contract: true when this call ended it. */
  async function endContract(vin: string, today: string): Promise<boolean> {
    return db.transaction(async (tx) => {
      if (!(await lockVehicle(tx, vin))) return false
      const { rows } = await tx.query<{ id: string; status: string; effectiveOn: string | null }>(
        `SELECT id, status, termination_effective_on AS "effectiveOn" FROM contracts WHERE vin = $1 FOR UPDATE`,
        [vin]
      )
      const contract = rows[0]
      if (!contract || contract.status !== 'active' || !contract.effectiveOn || contract.effectiveOn > today) return false
      const before = await vehicles.get(vin, tx)
      const basic = toServicePurchases(before).filter((p) => p.code in DK_SE_BASIC_SERVICES).map((p) => p.name)
      await tx.query(`UPDATE contracts SET status = 'terminated' WHERE vin = $1`, [vin])
      const ended = await tx.query<{ name: string }>(
        `UPDATE purchases SET status = 'ended' WHERE vin = $1 AND status = 'active' AND kind = 'connected-service' AND term_months IS NULL RETURNING name`,
        [vin]
      )
      await audit.record(
        {
          actor: null,
          action: 'contract.ended',
          vin,
          outcome: 'ok',
          reason: 'termination-effective',
          details: { contractId: contract.id, effectiveOn: contract.effectiveOn, appliedOn: today, servicesEnded: [...basic, ...ended.rows.map((r) => r.name)] }
        },
        tx
      )
      return true
    })
  }

  /** Applies every effect due today or earlier; returns how many this process applied. */
  async function applyDue(): Promise<number> {
    if (busy || closed) return 0
    busy = true
    try {
      const now = clock.now()
      // Long enough for a batch; renewed before every one.
      const hold = () => takeLease(db, LEASE, owner, now.toString(), clock.now().add({ minutes: 5 }).toString())
      if (!(await hold())) return 0
      const today = clock.today()
      let applied = 0
      for (;;) {
        const { rows } = await db.query<{ vin: string }>(
          `SELECT vin FROM contracts WHERE status = 'active' AND termination_effective_on IS NOT NULL AND termination_effective_on <= $1
           ORDER BY termination_effective_on, vin LIMIT $2`,
          [today, BATCH]
        )
        let changed = 0
        for (const { vin } of rows) if (await endContract(vin, today)) changed++
        applied += changed
        if (rows.length < BATCH || changed === 0 || closed) break
        if (!(await hold())) break
      }
      await releaseLease(db, LEASE, owner)
      if (applied) log.info(`dated effects: ${applied} termination(s) took effect`)
      return applied
    } finally {
      busy = false
    }
  }

  return {
    owner,
    applyDue,
    async start(): Promise<number> {
      const applied = await applyDue()
      timer = setInterval(() => void applyDue().catch((error: unknown) => log.error('dated effects: could not apply', error)), pollMs)
      timer.unref?.()
      return applied
    },
    close(): void {
      closed = true
      if (timer) clearInterval(timer)
      timer = null
    }
  }
}

export type DatedEffects = ReturnType<typeof createDatedEffects>
