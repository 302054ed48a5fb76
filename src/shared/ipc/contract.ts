import { z } from 'zod'
import type { ApiResult } from './errors'
import { isoDate, market, vehicleDoc, vinSchema } from './schemas'

/**
 * The IPC contract: every channel name and the schemas of its request and response, in one module shared
 * by main, preload, the renderer and the e2e harness (the Electron Fiddle pattern). Adding a command means
 * adding it here; the router refuses anything else, and the preload exposes exactly these keys.
 */

const empty = z.strictObject({})

export const contract = {
  appInfo: {
    channel: 'app:info',
    request: empty,
    response: z.object({
      version: z.string(),
      databaseLocation: z.string(),
      databaseKind: z.enum(['pglite', 'postgres']),
      fleetSize: z.number().int(),
      today: isoDate,
      transport: z.enum(['electron', 'harness'])
    })
  },
  syncChanges: {
    channel: 'sync:changes',
    request: z.strictObject({
      cursor: z.number().int().min(0),
      limit: z.number().int().min(1).max(10_000).default(2_000)
    }),
    response: z.object({
      vehicles: z.array(vehicleDoc),
      deletedVins: z.array(z.string()),
      cursor: z.number().int(),
      head: z.number().int(),
      hasMore: z.boolean()
    })
  },
  vehicleGet: {
    channel: 'vehicle:get',
    request: z.strictObject({ vin: vinSchema }),
    response: vehicleDoc
  },
  fleetStats: {
    channel: 'fleet:stats',
    request: empty,
    response: z.object({ byMarket: z.record(market, z.number().int()) })
  }
} as const

/** Main → renderer pushes. Payloads are data only; the renderer never sees Electron's event object. */
export const events = {
  syncChanged: { channel: 'event:sync-changed', payload: z.object({ head: z.number().int() }) }
} as const

export type Contract = typeof contract
export type Method = keyof Contract
export type EventName = keyof typeof events
export type Request<M extends Method> = z.input<Contract[M]['request']>
export type ParsedRequest<M extends Method> = z.output<Contract[M]['request']>
export type Response<M extends Method> = z.output<Contract[M]['response']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>

/** What `window.api` is, in Electron (preload) and in the harness (HTTP bridge) alike. */
export type Api = {
  [M in Method]: (request: Request<M>) => Promise<ApiResult<Response<M>>>
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

export const methods = Object.keys(contract) as Method[]
export const eventNames = Object.keys(events) as EventName[]

const byChannel = new Map<string, Method>(methods.map((m) => [contract[m].channel, m]))
export function methodForChannel(channel: string): Method | undefined {
  return byChannel.get(channel)
}
