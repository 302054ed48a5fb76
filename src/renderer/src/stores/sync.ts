import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { call } from '../api/client'
import { cacheDb } from '../cache/db'
import { createSyncEngine, type SyncEngine, type SyncProgress } from '../cache/sync'

export type SyncState = 'idle' | 'syncing' | 'offline'

/** Keeps the cache in step with main: a sync at start, another on every "changed" push. */
export const useSyncStore = defineStore('sync', () => {
  const state = ref<SyncState>('syncing')
  const progress = shallowRef<SyncProgress | null>(null)
  const lastError = ref<string | null>(null)
  const lastSyncedAt = ref<string | null>(null)
  const ready = ref(false)
  let engine: SyncEngine | null = null
  let unsubscribe: (() => void) | null = null

  function getEngine(): SyncEngine {
    engine ??= createSyncEngine(cacheDb(), { syncChanges: (r) => call('syncChanges', r) })
    return engine
  }

  async function sync(): Promise<void> {
    state.value = 'syncing'
    try {
      await getEngine().sync((p) => (progress.value = p))
      state.value = 'idle'
      lastError.value = null
      lastSyncedAt.value = new Date().toISOString()
    } catch (error) {
      // Lookups keep working from the cache; only freshness is lost. Say so, and try again later.
      state.value = 'offline'
      lastError.value = error instanceof Error ? error.message : String(error)
    } finally {
      ready.value = true
    }
  }

  async function rebuild(): Promise<void> {
    state.value = 'syncing'
    progress.value = null
    try {
      await getEngine().rebuild((p) => (progress.value = p))
      state.value = 'idle'
      lastError.value = null
    } catch (error) {
      state.value = 'offline'
      lastError.value = error instanceof Error ? error.message : String(error)
    }
  }

  function start(): void {
    unsubscribe?.()
    unsubscribe = window.api?.on('syncChanged', () => void sync()) ?? null
    void sync()
  }

  return { state, progress, lastError, lastSyncedAt, ready, sync, rebuild, start }
})
