import type { Market } from '@shared/ipc/schemas'
import type { SessionAgent } from '../auth/sessions'
import { forbidden, type ServiceError } from './errors'

/**
 * Which vehicles an agent may see and act on (RULES.md §3, D2; GDPR art. 5(1)(c), data minimisation):
 * dealer staff their own market only, decided here for every read and every command.
 */
const MARKET_OF_DEALER = /^(DK|SE|PT|BE|LU)-/

/** The market a dealer works in; null for the hotline and supervisors, who act in every market. */
export function scopeOf(agent: SessionAgent): Market | null {
  if (agent.role !== 'dealer') return null
  return (MARKET_OF_DEALER.exec(agent.dealerNumber ?? '')?.[1] as Market | undefined) ?? ('none' as Market)
}

/** D2: dealer staff see and act for vehicles of their own market; the hotline and supervisors for every market. */
export function mayActOnMarket(agent: SessionAgent, market: Market): boolean {
  const scope = scopeOf(agent)
  return scope === null || scope === market
}

/** The error for a vehicle outside the agent's market (reads and commands alike). */
export function otherMarket(market: Market): ServiceError {
  return forbidden('vehicle.otherMarket', { market })
}

