import type { Database, Queryable } from '../db/database'
import type { Audit, AuditEntry } from './audit'
import { conflict, type ServiceError } from './errors'
import type { Idempotency, IdempotencyScope } from './idempotency'

/**
 * How every command runs (docs/architecture.md, "A command"): one transaction that locks what it decides
 * on, re-reads it, decides with the rules, writes, audits and records its idempotency key, all or nothing.
 * A refusal rolls everything back and is then audited on its own: the answer and what is stored agree.
 */
export class Refusal extends Error {
  constructor(
    readonly error: ServiceError,
    readonly audit: AuditEntry
  ) {
    super(error.message)
    this.name = 'Refusal'
  }
}

/** Ends the command with `error`, recording `audit` (outcome refused or denied) and nothing else. */
export function refuse(error: ServiceError, audit: Omit<AuditEntry, 'outcome' | 'reason'> & { outcome?: AuditEntry['outcome'] }): never {
  throw new Refusal(error, { outcome: error.code === 'forbidden' ? 'denied' : 'refused', reason: error.key, ...audit, details: { ...(audit.details as object | undefined), params: error.params } })
}

export async function runCommand<T>(db: Database, audit: Audit, work: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(work)
  } catch (error) {
    if (!(error instanceof Refusal)) throw error
    await db.transaction((tx) => audit.record(error.audit, tx))
    throw error.error
  }
}

/**
 * A command with an idempotency key: the key is claimed first, a repeat returns the first result, the
 * key reused for another request is refused; the result is stored in the same transaction.
 */
export async function runOnce<T>(
  db: Database,
  audit: Audit,
  idempotency: Idempotency,
  scope: IdempotencyScope & { actor: AuditEntry['actor']; action: string },
  work: (tx: Queryable) => Promise<T>
): Promise<{ result: T; replayed: boolean }> {
  return runCommand(db, audit, async (tx) => {
    const earlier = await idempotency.claim<T>(tx, scope)
    if (earlier.kind === 'same') return { result: earlier.result, replayed: true }
    if (earlier.kind === 'different') refuse(conflict('request.keyReused'), { actor: scope.actor, action: scope.action, details: { method: scope.method } })
    const result = await work(tx)
    await idempotency.store(tx, scope, result)
    return { result, replayed: false }
  })
}
