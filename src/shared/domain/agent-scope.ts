import { marketOfDealerNumber, type Market, type Role } from '../ipc/schemas'

/**
 * Which markets an agent acts in (RULES.md §3, D2; GDPR art. 5(1)(c), data minimisation): dealer staff
 * their own market, named by their dealer number ('DK-10001'); the hotline and supervisors every market.
 * One definition for main, which enforces it on every read and command, and the renderer, which offers
 * only what the agent may do (issue 13, defect 12).
 */
export interface ScopedAgent {
  role: Role
  dealerNumber: string | null
}

/** The market a dealer works in; 'none' for a dealer number that names none; null: every market. */
export function agentMarket(agent: ScopedAgent): Market | 'none' | null {
  if (agent.role !== 'dealer') return null
  return marketOfDealerNumber(agent.dealerNumber ?? '') ?? 'none'
}

/** D2: dealer staff see and act for vehicles of their own market; the hotline and supervisors for every market. */
export function mayActOnMarket(agent: ScopedAgent, market: Market): boolean {
  const scope = agentMarket(agent)
  return scope === null || scope === market
}
