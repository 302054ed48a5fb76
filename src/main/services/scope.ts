import { agentMarket, mayActOnMarket as agentMayActOnMarket } from '@shared/domain/agent-scope'
import type { Market } from '@shared/ipc/schemas'
import type { SessionAgent } from '../auth/sessions'
import { forbidden, type ServiceError } from './errors'

/**
 * Which vehicles an agent may see and act on (RULES.md §3, D2; GDPR art. 5(1)(c), data minimisation):
 * dealer staff their own market only, decided here for every read and every command. The rule itself is
 * shared with the renderer (src/shared/domain/agent-scope.ts), which offers only what main will allow.
 */

/** The market a dealer works in; null for the hotline and supervisors, who act in every market. */
export function scopeOf(agent: SessionAgent): Market | null {
  return agentMarket(agent) as Market | null
}

/** D2: dealer staff see and act for vehicles of their own market; the hotline and supervisors for every market. */
export function mayActOnMarket(agent: SessionAgent, market: Market): boolean {
  return agentMayActOnMarket(agent, market)
}

/** The error for a vehicle outside the agent's market (reads and commands alike). */
export function otherMarket(market: Market): ServiceError {
  return forbidden('vehicle.otherMarket', { market })
}
