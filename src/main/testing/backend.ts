/**
 * Test support: a real backend (a fresh PGlite or PostgreSQL copy of a migrated, seeded template; real
 * services; the real router) and signed-in callers, so service and router tests exercise exactly what the
 * app runs, on both engines.
 */
import type { Method, Request, Response } from '@shared/ipc/contract'
import { contract } from '@shared/ipc/contract'
import { generateFleet, type Fleet } from '@shared/fleet/generate'
import { createBackend, type Backend, type BackendConfig } from '../backend'
import { manualClock, systemClock, type Clock } from '../clock'
import { silentLogger } from '../logger'
import type { CallContext } from '../router'
import { freshDatabase } from './databases'

export const TEST_TODAY = '2026-11-21'

export interface TestBackend extends Backend {
  fleet: Fleet
  clock: Clock
  /** A caller with its own session (a window or browser page). */
  as(username: string | null): Promise<Caller>
}

export interface Caller {
  /** The transport's token for this caller (null when signed out). */
  token(): string | null
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

export class CallFailed extends Error {
  constructor(
    readonly code: string,
    readonly key: string,
    readonly params: unknown
  ) {
    super(`${code}: ${key}${params ? ` ${JSON.stringify(params)}` : ''}`)
  }
}

/** A caller on any router (tests of a backend, or of a server through its router). */
export function callerOn(backend: Pick<Backend, 'router'>, transport: CallContext['transport'] = 'harness', initialToken: string | null = null): Caller {
  let token: string | null = initialToken
  const ctx: CallContext = {
    transport,
    get sessionToken() {
      return token
    },
    setSessionToken(next) {
      token = next
    }
  }
  return {
    token: () => token,
    raw: (channel, payload) => backend.router.handle(channel, payload, ctx),
    async call(method, request) {
      const result = await backend.router.handle(contract[method].channel, request, ctx)
      if (!result.ok) throw new CallFailed(result.error.code, result.error.key, result.error.params)
      return result.data as never
    }
  }
}

export async function startTestBackend(options: Partial<BackendConfig> & { size?: number; manual?: boolean } = {}): Promise<TestBackend> {
  const size = options.size ?? 40
  const clock = options.clock ?? (options.manual ? manualClock(`${TEST_TODAY}T09:00:00Z`, TEST_TODAY) : systemClock({ fixedToday: TEST_TODAY }))
  const database = options.database ?? (await freshDatabase({ size: options.demoFleet === false ? 0 : size, referenceDate: clock.today() }))
  const backend = await createBackend({
    dataDir: 'memory',
    resourcesDir: 'resources',
    demoFleet: { size },
    log: silentLogger,
    transport: 'harness',
    version: 'test',
    validateResponses: true,
    // People sign in a few times a day; tests sign in hundreds of times a minute (rate-limits.test.ts
    // tests the real limits).
    signInLimits: { perAccount: 100_000, perClient: 100_000 },
    // Generous: on a loaded machine a few simulated milliseconds can take seconds; timeout tests set their own.
    ...options,
    // A test's own defaults add to these (a bulk test that sets the bulk settings still gets a unit that
    // answers): replacing them brought back the 5 % failure rate and made such tests fail now and then.
    defaults: { telematics: { minLatencyMs: 5, maxLatencyMs: 20, failureRate: 0, timeoutMs: 60_000 }, ...options.defaults },
    database,
    clock
  })
  const fleet = generateFleet({ size, referenceDate: clock.today() })
  return {
    ...backend,
    fleet,
    clock,
    async as(username) {
      const caller = callerOn(backend)
      if (username) await caller.call('signIn', { username, password: DEMO_PASSWORDS[username] ?? '' })
      return caller
    }
  }
}

/**
 * Polls until the check passes (SIM commands settle asynchronously). Generous by default: on a busy
 * machine the simulated unit's few milliseconds can become seconds, and a test must not fail for that.
 */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await probe()
    if (accept(value)) return value
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value).slice(0, 500)}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
