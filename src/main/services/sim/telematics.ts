import type { SimErrorCode, SimState } from '@shared/ipc/schemas'

/**
 * The port to the vehicle's telematics unit: the one thing this tool cannot reach for real. An answer may
 * come late or never; the SIM command service owns the timeout and ignores answers to attempts that are
 * no longer current.
 */
export interface TelematicsRequest {
  commandId: string
  vin: string
  targetState: SimState
  attempt: number
}

/** Why the unit or the network refused, as codes (the renderer words them; logs and audit keep them). */
export type TelematicsErrorCode = Extract<SimErrorCode, 'unit-rejected' | 'profile-error' | 'network-refused' | 'telematics-failed'>

export type TelematicsAnswer = { ok: true } | { ok: false; error: TelematicsErrorCode }

export interface TelematicsPort {
  send(request: TelematicsRequest): Promise<TelematicsAnswer>
}

export interface SimulatorSettings {
  minLatencyMs: number
  maxLatencyMs: number
  /** Share of attempts the unit rejects (0–1). */
  failureRate: number
  /** Longer than this without an answer and the attempt has timed out (enforced by the service). */
  timeoutMs: number
}

const FAILURES: readonly TelematicsErrorCode[] = ['unit-rejected', 'profile-error', 'network-refused']

/**
 * The embedded default: a simulated unit with configurable latency (uniform between min and max), a
 * failure rate, and silence when the latency exceeds the timeout. Settings are read at each attempt,
 * so a supervisor's change applies to the next command.
 */
export function createTelematicsSimulator(settings: () => SimulatorSettings, random: () => number = Math.random): TelematicsPort {
  return {
    send(request) {
      const s = settings()
      const latency = s.minLatencyMs + random() * Math.max(0, s.maxLatencyMs - s.minLatencyMs)
      const fails = random() < s.failureRate
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          resolve(fails ? { ok: false, error: FAILURES[(request.attempt + request.vin.charCodeAt(16)) % FAILURES.length]! } : { ok: true })
        }, latency)
        timer.unref?.()
      })
    }
  }
}
