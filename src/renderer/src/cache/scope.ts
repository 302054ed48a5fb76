import { agentMarket } from '@shared/domain/agent-scope'
import type { AgentSummary } from '@shared/ipc/contract'
import type { CacheDatabase } from './db'

/**
 * The offline copy holds what the signed-in agent may see (RULES.md D2; GDPR art. 5(1)(c)): every market
 * for the hotline and supervisors, their own market for dealer staff, which is all main's sync sends them.
 * A desk is shared: when the next agent's scope differs from the copy's, the copy is emptied before the
 * search box opens, and refilled by the sync.
 */
export function scopeOf(agent: Pick<AgentSummary, 'role' | 'dealerNumber'>): string {
  return agentMarket(agent) ?? 'all'
}

/** Makes the copy fit `scope`; true when it had to be emptied. */
export async function ensureScope(db: CacheDatabase, scope: string): Promise<boolean> {
  return db.transaction('rw', db.vehicles, db.nameIndex, db.meta, async () => {
    const current = await db.meta.get('scope')
    if (current?.value === scope) return false
    // A copy from before scopes were kept was filled by whoever used it: its scope is unknown.
    const empty = (await db.vehicles.count()) === 0
    if (!empty) {
      await db.vehicles.clear()
      await db.nameIndex.clear()
      await db.meta.clear()
    }
    await db.meta.put({ key: 'scope', value: scope })
    return !empty
  })
}
