import type { SimCommandDoc, VehicleDoc } from '../ipc/schemas'
import { contractStateOn, type ContractState, type IsoDate } from '../rules'
import { toVehicleFacts } from './facts'

/**
 * One consistent account of a vehicle's contract and SIM while a command is under way (issue 13,
 * defect 4). Decision (src/shared/rules/README.md, "A SIM command that fails"): a deactivation's contract
 * effect is the customer's request and stands from the moment it is accepted; the command that carries it
 * is retried by itself until the unit confirms. So the card shows the termination as requested, with the
 * day it takes effect, and the SIM as still on its last confirmed state with the deactivation on its way.
 */
export type CommandPhase =
  /** Sent, waiting for the unit's answer. */
  | 'sending'
  /** The last attempt failed or went unanswered; the tool tries again by itself at `nextAttemptAt`. */
  | 'retrying'
  | 'confirmed'
  /** Failed or timed out for good: the SIM kept its last confirmed state, the agent may retry. */
  | 'failed'
  | 'timed-out'

export function commandPhase(c: Pick<SimCommandDoc, 'status' | 'nextAttemptAt'>): CommandPhase {
  if (c.status === 'pending') return c.nextAttemptAt ? 'retrying' : 'sending'
  return c.status
}

export interface ContractProgress {
  state: ContractState
  /** When the termination was requested, where the vehicle's latest command says so (an instant). */
  terminationRequestedAt: string | null
  terminationEffectiveOn: IsoDate | null
}

export function contractProgress(doc: VehicleDoc, today: IsoDate): ContractProgress | null {
  const facts = toVehicleFacts(doc)
  if (!facts || !doc.contract) return null
  const c = doc.simCommand
  const requestedBy = c && c.contractEffect === 'termination' && c.terminationEffectiveOn === doc.contract.terminationEffectiveOn ? c.requestedAt : null
  return { state: contractStateOn(facts, today), terminationRequestedAt: requestedBy, terminationEffectiveOn: doc.contract.terminationEffectiveOn }
}
