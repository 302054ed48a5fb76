import { computed, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { call } from '../api/client'
import { errorText } from '../api/errors'
import { cacheDb } from '../cache/db'
import { useSearchStore } from '../stores/search'
import { useLiveQuery } from './useLiveQuery'

/**
 * One vehicle for a card: live from the offline copy, and from main while the copy does not hold it (a
 * first start, a rebuild, a vehicle newer than the copy): a card opens at once on main's document, and
 * follows main's "changed" pushes until the copy has the vehicle, then the copy's live record.
 */
export function useVehicle(vin: Ref<string>) {
  const search = useSearchStore()
  const { value: cached, loaded } = useLiveQuery(() => cacheDb().vehicles.get(vin.value), [vin])
  const remote = shallowRef<VehicleDoc | null>(null)
  const remoteError = ref<string | null>(null)
  const remoteLoaded = ref(false)
  let asked = 0

  async function fetchRemote(): Promise<void> {
    const mine = ++asked
    const wanted = vin.value
    try {
      const doc = await call('vehicleGet', { vin: wanted })
      if (mine === asked) {
        remote.value = doc
        remoteError.value = null
      }
    } catch (error) {
      if (mine === asked) remoteError.value = errorText(error)
    } finally {
      if (mine === asked) remoteLoaded.value = true
    }
  }

  const missingFromCopy = computed(() => loaded.value && !cached.value)
  watch(
    [missingFromCopy, vin],
    ([missing], previous) => {
      if (previous && previous[1] !== vin.value) {
        remote.value = null
        remoteLoaded.value = false
        remoteError.value = null
      }
      if (!missing) return
      remote.value ??= search.foundByMain(vin.value) ?? null
      void fetchRemote()
    },
    { immediate: true }
  )
  const unsubscribe = window.api?.on('syncChanged', () => {
    if (missingFromCopy.value) void fetchRemote()
  })
  onScopeDispose(() => unsubscribe?.())

  return {
    vehicle: computed<VehicleDoc | undefined>(() => cached.value ?? remote.value ?? undefined),
    /** Shown from main: the copy does not hold this vehicle (yet). */
    fromMain: computed(() => !cached.value && !!remote.value),
    /** Neither the copy nor main has it (or main refused it: `error` says why). */
    missing: computed(() => missingFromCopy.value && remoteLoaded.value && !remote.value),
    error: remoteError
  }
}
