import type { Clock } from '../../clock'
import type { Database } from '../../db/database'
import type { Logger } from '../../logger'
import type { Audit } from '../audit'
import type { CallerChecks } from '../callers'
import type { Idempotency } from '../idempotency'
import type { VehicleService } from '../vehicles'
import { createDispatcher } from './dispatcher'
import { createSimRequests, type Actor, type Authority, type CommandOutcome } from './requests'
import type { Settlement } from './settle'
import type { SimulatorSettings, TelematicsPort } from './telematics'

/**
 * SIM commands (RULES.md §2–§4): the agent's requests (requests.ts), decided and stored in one
 * transaction each, and their execution (dispatcher.ts → settle.ts), which sends the stored command to
 * the unit after commit and applies its answer. The legal-eCall invariant is checked when a command is
 * written, when it is sent, when it is confirmed, and by the database.
 */
export interface SimServiceDeps {
  db: Database
  clock: Clock
  audit: Audit
  vehicles: VehicleService
  callers: CallerChecks
  idempotency: Idempotency
  telematics: TelematicsPort
  telematicsSettings: () => SimulatorSettings
  log: Logger
  owner?: string
  /** How long a claimed command stays with this process without a renewal (another takes it over after). */
  leaseMs?: number
  onSettled?: (settlement: Settlement) => void
}

export type { Actor, Authority }

export function createSimCommandService(deps: SimServiceDeps) {
  const timeoutMs = () => deps.telematicsSettings().timeoutMs
  const requests = createSimRequests({ ...deps, timeoutMs })
  const dispatcher = createDispatcher({
    ...deps,
    timeoutMs,
    ...(deps.owner ? { owner: deps.owner } : {}),
    ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}),
    ...(deps.onSettled ? { onSettled: deps.onSettled } : {})
  })

  function sent(outcome: CommandOutcome): { command: CommandOutcome['command'] } {
    if (outcome.fresh && outcome.command.status === 'pending') dispatcher.kick(outcome.command.id)
    return { command: outcome.command }
  }

  return {
    deactivate: async (actor: Actor, request: Parameters<typeof requests.deactivate>[1], authority?: Authority) => sent(await requests.deactivate(actor, request, authority)),
    reactivate: async (actor: Actor, request: Parameters<typeof requests.reactivate>[1], authority?: Authority) => sent(await requests.reactivate(actor, request, authority)),
    retry: async (actor: Actor, request: Parameters<typeof requests.retry>[1]) => sent(await requests.retry(actor, request)),
    /** A command written by another service's transaction (a withdrawal's SIM change), sent after its commit. */
    send: (commandId: string) => dispatcher.kick(commandId),
    start: (options: { exclusive: boolean }) => dispatcher.start(options),
    poll: () => dispatcher.poll(),
    inFlight: () => dispatcher.inFlight(),
    close: () => dispatcher.close()
  }
}

export type SimCommandService = ReturnType<typeof createSimCommandService>
