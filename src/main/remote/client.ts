import { EventSource } from 'eventsource'
import { contract, eventNames, events as eventContract, methodForChannel, type EventName } from '@shared/ipc/contract'
import type { ApiResult } from '@shared/ipc/errors'
import type { Logger } from '../logger'
import type { CallContext, Router } from '../router'

/**
 * The desktop as a client of the shared deployment: main forwards each renderer call to the server
 * (`POST /api/<channel>` with the window's bearer token, which only main holds) and passes the server's
 * events on. The same code serves the e2e harness in its shared mode. When the server cannot be reached
 * the call is answered "unavailable" (nothing was sent), as for an unreachable main: lookups keep working
 * from the offline copy.
 */
export const SESSION_HEADER = 'x-session-token'

export type FetchLike = (input: string, init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
  ok: boolean
  status: number
  headers: { get(name: string): string | null }
  json(): Promise<unknown>
  body?: unknown
}>

export interface RemoteOptions {
  /** The server's address: https://…, or http on loopback (tests, a local server). */
  url: string
  log: Logger
  /** Electron passes `net.fetch` (the system's certificates and proxy); elsewhere the global fetch. */
  fetch?: FetchLike
  /** A call that has not been answered after this long is answered "unavailable". */
  timeoutMs?: number
}

const UNAVAILABLE: ApiResult<never> = { ok: false, error: { code: 'unavailable', key: 'request.unavailable' } }

export function createRemoteRouter(options: RemoteOptions): Router {
  const base = options.url.replace(/\/+$/, '')
  const doFetch = options.fetch ?? (globalThis.fetch as unknown as FetchLike)
  const timeoutMs = options.timeoutMs ?? 30_000
  return {
    async handle(channel: string, payload: unknown, context: CallContext): Promise<ApiResult<unknown>> {
      // Unknown channels are answered here: nothing to send.
      if (!methodForChannel(channel)) return { ok: false, error: { code: 'unknown-channel', key: 'request.unknownChannel' } }
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (context.sessionToken) headers['authorization'] = `Bearer ${context.sessionToken}`
      let response: Awaited<ReturnType<FetchLike>>
      try {
        response = await doFetch(`${base}/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(payload ?? {}),
          signal: AbortSignal.timeout(timeoutMs)
        })
      } catch (error) {
        options.log.warn(`remote: ${channel} could not reach the server: ${(error as Error).message}`)
        return UNAVAILABLE
      }
      let body: unknown
      try {
        body = await response.json()
      } catch {
        options.log.warn(`remote: ${channel} answered ${response.status} without JSON`)
        return UNAVAILABLE
      }
      if (!isApiResult(body)) return UNAVAILABLE
      const token = response.headers.get(SESSION_HEADER)
      if (token) context.setSessionToken(token)
      // A sign-out ends the session on the server; the token is dropped here too.
      const method = methodForChannel(channel)
      if (body.ok && method === 'signOut') context.setSessionToken(null)
      if (!body.ok && body.error.code === 'unauthenticated' && contract[method!].access !== 'public') context.setSessionToken(null)
      return body
    }
  }
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (!value || typeof value !== 'object') return false
  const v = value as { ok?: unknown; error?: { code?: unknown; key?: unknown } }
  return v.ok === true || (v.ok === false && typeof v.error?.code === 'string' && typeof v.error.key === 'string')
}

/**
 * The server's events for one session (one window): re-connects by itself; after a reconnect, pushes may
 * have been missed, so listeners are told to catch up (as the harness bridge does).
 */
export function subscribeRemoteEvents(options: RemoteOptions & { token: string; onEvent: (event: EventName, payload: unknown) => void }): () => void {
  const base = options.url.replace(/\/+$/, '')
  const doFetch = options.fetch ?? (globalThis.fetch as unknown as FetchLike)
  const source = new EventSource(`${base}/api/events`, {
    fetch: (input, init) => doFetch(String(input), { ...(init as object), headers: { ...((init?.headers as Record<string, string>) ?? {}), authorization: `Bearer ${options.token}` } }) as never
  })
  let lost = false
  for (const name of eventNames) {
    source.addEventListener(name, (message) => {
      try {
        options.onEvent(name, eventContract[name].payload.parse(JSON.parse(String((message as { data: unknown }).data))))
      } catch (error) {
        options.log.warn('remote: an event could not be read', error)
      }
    })
  }
  source.addEventListener('error', () => {
    lost = true
  })
  source.addEventListener('open', () => {
    if (!lost) return
    lost = false
    options.onEvent('syncChanged', { head: -1 })
  })
  return () => source.close()
}
