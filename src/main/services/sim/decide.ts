import type { MessageKey } from '@shared/ipc/messages'
import type { SimDeactivationDetail, SimReactivationDetail, VehicleFacts } from '@shared/rules'

/**
 * Why the rules refuse a SIM change, as the message key the agent reads: one mapping for the agent's own
 * command (requests.ts) and for a bulk job's preview and rows (bulk/), so that both say the same thing.
 */
export function deactivationRefusal(facts: VehicleFacts, assessment: Pick<SimDeactivationDetail, 'allowed' | 'refusal'>): MessageKey | null {
  if (assessment.allowed) return null
  const keys = {
    'already-deactivated': facts.sim === 'ECALL_ONLY' ? 'sim.alreadyRestricted' : 'sim.alreadyDeactivated',
    'contract-withdrawn': 'sim.contractWithdrawn',
    'contract-ended': 'sim.contractEnded'
  } as const
  return keys[assessment.refusal ?? 'contract-ended']
}

export function reactivationRefusal(assessment: Pick<SimReactivationDetail, 'allowed' | 'refusal'>): MessageKey | null {
  if (assessment.allowed) return null
  const keys = { 'already-active': 'sim.alreadyActive', 'contract-withdrawn': 'sim.reactivateWithdrawn', 'contract-ended': 'sim.reactivateEnded' } as const
  return keys[assessment.refusal ?? 'contract-ended']
}
