/**
 * Test support: a real backend (PGlite in memory or on disk, real services, real router) and signed-in
 * callers, so service and router tests exercise exactly what the app runs.
 */
import { randomUUID } from 'node:crypto'
import type { Method, Request, Response } from '@shared/ipc/contract'
import { generateFleet, type Fleet } from '@shared/fleet/generate'
import { createBackend, type Backend, type BackendConfig } from '../backend'
import { manualClock, systemClock, type Clock } from '../config'
import { silentLogger } from '../logger'

export const TEST_TODAY = '2026-11-21'

export interface TestBackend extends Backend {
  fleet: Fleet
  clock: Clock
  /** A caller with its own session (a window or browser page). */
  as(username: string | null): Promise<Caller>
}

export interface Caller {
  sessionId: string
  call<M extends Method>(method: M, request: Request<M>): Promise<Response<M>>
  /** The raw result, for asserting on refusals. */
  raw(channel: string, payload: unknown): ReturnType<Backend['router']['handle']>
}

export const DEMO_PASSWORDS: Record<string, string> = {
  supervisor: 'demo-supervisor',
  hotline: 'demo-hotline',
  'dealer.dk': 'demo-dealer',
  'dealer.se': 'demo-dealer',
  'dealer.pt': 'demo-dealer',
  'dealer.be': 'demo-dealer',
  'dealer.lu': 'demo-dealer'
}

export async function startTestBackend(options: Partial<BackendConfig> & { size?: number; manual?: boolean } = {}): Promise<TestBackend> {
  const size = options.size ?? 40
  const clock = options.clock ?? (options.manual ? manualClock(`${TEST_TODAY}T09:00:00Z`, TEST_TODAY) : systemClock({ fixedToday: TEST_TODAY }))
  const backend = await createBackend({
    dataDir: 'memory',
    resourcesDir: 'resources',
    demoFleet: { size },
    log: silentLogger,
    transport: 'harness',
    version: 'test',
    validateResponses: true,
    defaults: { telematics: { minLatencyMs: 5, maxLatencyMs: 20, failureRate: 0, timeoutMs: 2_000 } },
    ...options,
    clock
  })
  const fleet = generateFleet({ size, referenceDate: clock.today() })
  return {
    ...backend,
    fleet,
    clock,
    async as(username) {
      const sessionId = randomUUID()
      const ctx = { transport: 'harness' as const, sessionId }
      const caller: Caller = {
        sessionId,
        raw: (channel, payload) => backend.router.handle(channel, payload, ctx),
        async call(method, request) {
          const { contract } = await import('@shared/ipc/contract')
          const result = await backend.router.handle(contract[method].channel, request, ctx)
          if (!result.ok) throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), { code: result.error.code })
          return result.data as never
        }
      }
      if (username) await caller.call('signIn', { username, password: DEMO_PASSWORDS[username] ?? '' })
      return caller
    }
  }
}

/** Polls until the check passes (SIM commands settle asynchronously). */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await probe()
    if (accept(value)) return value
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value).slice(0, 500)}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
