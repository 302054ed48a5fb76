import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { ApiFailure } from '@shared/ipc/errors'
import { call } from '../api/client'
import { errorText } from '../api/errors'
import { cacheDb } from '../cache/db'
import { copyIsComplete } from '../cache/lookup'
import { ensureScope, scopeOf } from '../cache/scope'
import { createSyncEngine, type SyncEngine, type SyncProgress } from '../cache/sync'
import type { AgentSummary } from '@shared/ipc/contract'

export type SyncState = 'idle' | 'syncing' | 'offline'

/** Keeps the cache in step with main: a sync at start, another on every "changed" push. */
export const useSyncStore = defineStore('sync', () => {
  const state = ref<SyncState>('syncing')
  const progress = shallowRef<SyncProgress | null>(null)
  const lastError = ref<string | null>(null)
  const lastSyncedAt = ref<string | null>(null)
  const ready = ref(false)
  /** The copy holds only what the signed-in agent may see: nothing is shown before this is true. */
  const scopeReady = ref(false)
  /** Vehicles in the offline copy, counted once per finished sync (a live count would walk the table per batch). */
  const cachedCount = ref<number | null>(null)
  /**
   * The copy holds everything main had at its last sync; false during a first fill or a rebuild, when
   * main answers the lookups the copy cannot (cache/lookup.ts).
   */
  const complete = ref(false)
  let engine: SyncEngine | null = null
  let unsubscribe: (() => void) | null = null
  let retry: ReturnType<typeof setTimeout> | null = null

  /** While main is unreachable, try again now and then: the banner goes away by itself when it is back. */
  function retryLater(): void {
    if (retry) return
    retry = setTimeout(() => {
      retry = null
      void sync()
    }, 10_000)
  }

  function getEngine(): SyncEngine {
    engine ??= createSyncEngine(cacheDb(), { syncChanges: (r) => call('syncChanges', r) })
    return engine
  }

  async function sync(): Promise<void> {
    state.value = 'syncing'
    try {
      await getEngine().sync(onProgress)
      complete.value = await copyIsComplete(cacheDb())
      state.value = 'idle'
      lastError.value = null
      lastSyncedAt.value = new Date().toISOString()
      cachedCount.value = await cacheDb().vehicles.count()
    } catch (error) {
      lastError.value = errorText(error)
      if (error instanceof ApiFailure && error.code !== 'unavailable') {
        // Signed out, say: not a connection problem; the next sign-in syncs again.
        state.value = 'idle'
      } else {
        // Lookups keep working from the cache; only freshness is lost. Say so, and try again later.
        state.value = 'offline'
        retryLater()
      }
    } finally {
      ready.value = true
    }
  }

  function onProgress(p: SyncProgress): void {
    progress.value = p
    complete.value = p.cursor > 0 && p.cursor >= p.head
  }

  async function rebuild(): Promise<void> {
    state.value = 'syncing'
    progress.value = null
    try {
      // Never wipe the offline copy while main cannot refill it: check it answers first.
      await call('appInfo', {})
      complete.value = false
      await getEngine().rebuild(onProgress)
      complete.value = await copyIsComplete(cacheDb())
      cachedCount.value = await cacheDb().vehicles.count()
      state.value = 'idle'
      lastError.value = null
    } catch (error) {
      state.value = 'offline'
      lastError.value = errorText(error)
      retryLater()
    }
  }

  async function start(agent: Pick<AgentSummary, 'role' | 'dealerNumber'>): Promise<void> {
    scopeReady.value = false
    unsubscribe?.()
    if (await ensureScope(cacheDb(), scopeOf(agent))) cachedCount.value = 0
    complete.value = await copyIsComplete(cacheDb())
    scopeReady.value = true
    unsubscribe = window.api?.on('syncChanged', () => void sync()) ?? null
    void sync()
  }

  return { state, progress, lastError, lastSyncedAt, ready, scopeReady, cachedCount, complete, sync, rebuild, start }
})
