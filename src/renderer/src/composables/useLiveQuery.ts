import { liveQuery } from 'dexie'
import { onScopeDispose, shallowRef, watch, type Ref, type WatchSource } from 'vue'

/**
 * A Dexie liveQuery as a Vue ref: re-runs when the tables it read change (a sync batch, a command's
 * result), and when the given Vue sources change (the VIN in the route).
 */
export function useLiveQuery<T>(query: () => T | Promise<T>, sources: WatchSource[] = [], initial?: T): { value: Ref<T | undefined>; loaded: Ref<boolean>; error: Ref<unknown> } {
  const value = shallowRef<T | undefined>(initial)
  const loaded = shallowRef(false)
  const error = shallowRef<unknown>(null)
  let subscription: { unsubscribe(): void } | null = null

  const subscribe = () => {
    subscription?.unsubscribe()
    loaded.value = false
    subscription = liveQuery(query).subscribe({
      next: (v) => {
        value.value = v
        loaded.value = true
        error.value = null
      },
      error: (e: unknown) => {
        error.value = e
        loaded.value = true
      }
    })
  }
  if (sources.length) watch(sources, subscribe, { immediate: true })
  else subscribe()
  onScopeDispose(() => subscription?.unsubscribe())
  return { value, loaded, error }
}
