/**
 * A desktop speaking the wire protocol, as the tests need it: the same remote router a desktop's main
 * uses, its own session token, and a synced copy of what it may see (vin → document) fed only by
 * `sync:changes` and pushed by the server's events.
 */
import { contract, type Method, type Request, type Response } from '@shared/ipc/contract'
import type { ApiResult } from '@shared/ipc/errors'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { silentLogger } from '@main/logger'
import { createRemoteRouter, subscribeRemoteEvents } from '@main/remote/client'
import type { CallContext } from '@main/router'

export class WireClient {
  token: string | null = null
  readonly copy = new Map<string, VehicleDoc>()
  cursor = 0
  private readonly router
  private unsubscribe: (() => void) | null = null
  private syncing: Promise<void> | null = null
  private again = false

  constructor(readonly url: string) {
    this.router = createRemoteRouter({ url, log: silentLogger })
  }

  private context(): CallContext {
    return {
      transport: 'harness',
      sessionToken: this.token,
      setSessionToken: (token) => {
        this.token = token
      }
    }
  }

  raw(channel: string, payload: unknown): Promise<ApiResult<unknown>> {
    return this.router.handle(channel, payload, this.context())
  }

  async call<M extends Method>(method: M, request: Request<M>): Promise<Response<M>> {
    const result = await this.raw(contract[method].channel, request)
    if (!result.ok) throw Object.assign(new Error(`${result.error.code}: ${result.error.key}`), { error: result.error })
    return result.data as Response<M>
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.call('signIn', { username, password })
  }

  /**
   * Follows the server's events: every "changed" push starts a sync (as the renderer's sync store does).
   * A pushed sync that fails (a server too busy to answer in time, on a loaded machine) is left to the next
   * push or to the test's own awaited sync, which start from the same cursor, as a desktop's retry does.
   */
  follow(): void {
    this.unsubscribe?.()
    this.unsubscribe = subscribeRemoteEvents({ url: this.url, log: silentLogger, token: this.token!, onEvent: () => void this.sync().catch(() => undefined) })
  }

  /** Pulls everything after the cursor; overlapping calls coalesce into one run and one follow-up. */
  sync(): Promise<void> {
    if (this.syncing) {
      this.again = true
      return this.syncing
    }
    this.syncing = (async () => {
      try {
        do {
          this.again = false
          for (;;) {
            const batch = await this.call('syncChanges', { cursor: this.cursor, limit: 200 })
            for (const v of batch.vehicles) this.copy.set(v.vin, v)
            for (const vin of batch.deletedVins) this.copy.delete(vin)
            this.cursor = batch.cursor
            if (!batch.hasMore) break
          }
        } while (this.again)
      } finally {
        this.syncing = null
      }
    })()
    return this.syncing
  }

  close(): void {
    this.unsubscribe?.()
  }
}
