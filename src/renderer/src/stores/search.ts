import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import { planSearch } from '@shared/search/query'
import { call } from '../api/client'
import { cacheDb } from '../cache/db'
import { asksMain, localOutcome, mergeWithMain, type FoundVehicle, type LookupOutcome } from '../cache/lookup'
import { createReadAhead } from '../cache/read-ahead'
import { searchPlanned } from '../cache/search'
import { useSessionStore } from './session'
import { useSyncStore } from './sync'

/** While typing, main is asked once the keys pause this long (the offline copy answers every key at once). */
const MAIN_PAUSE_MS = 150
/** Vehicles found by main kept for opening their cards (the latest searches'). */
const KEPT_FROM_MAIN = 500

/**
 * The search box's state. Each keystroke starts a lookup in the offline copy; an older lookup that
 * finishes after a newer one is dropped, so results always belong to what is in the box. When the copy
 * cannot answer (cache/lookup.ts), main is asked too, after a short pause in typing (at once for Enter),
 * and its results are merged in. A VIN or last 7 being typed is read ahead (cache/read-ahead.ts), so the
 * key completing it shows its vehicle before the copy's full search is back.
 */
export const useSearchStore = defineStore('search', () => {
  const sync = useSyncStore()
  const query = ref('')
  const outcome = shallowRef<LookupOutcome>({ results: [], truncated: false, vinProblem: null, main: 'not-asked' })
  /** The text whose offline-copy results `outcome` shows. */
  const answered = ref('')
  const searching = ref(false)
  const selected = ref(0)
  /** Vehicles main found that the copy does not hold yet: a card opens from these at once. */
  const fromMain = new Map<string, FoundVehicle>()
  let generation = 0
  let pause: ReturnType<typeof setTimeout> | null = null
  const readAhead = createReadAhead()
  // What was read ahead for one agent is never shown to the next one at a shared desk.
  watch(
    () => useSessionStore().agent?.id,
    () => readAhead.clear(),
    { flush: 'sync' }
  )

  /** `now`: ask main without waiting for a pause (Enter). Resolves when the results for `text` are in. */
  async function setQuery(text: string, options: { now?: boolean } = {}): Promise<void> {
    query.value = text
    const mine = ++generation
    if (pause) clearTimeout(pause)
    pause = null
    searching.value = true
    try {
      const plan = planSearch(text)
      const db = cacheDb()
      const early = readAhead.answer(plan)
      if (early) {
        outcome.value = localOutcome({ results: early.results, truncated: false, vinProblem: null })
        selected.value = 0
        // A provisional answer (the last 7) may still gain rows: Enter waits for the full search.
        if (early.complete) answered.value = text
      }
      // A failed read-ahead only means no early answer for the next key.
      readAhead.follow(db, text).catch(() => undefined)
      const local = await searchPlanned(db, text, plan)
      if (mine !== generation) return
      const asking = asksMain(plan, local, sync.complete)
      // The same rows as the early answer are not shown again: no second render, the selection stays.
      if (!early || !sameRows(outcome.value.results, local.results)) {
        outcome.value = localOutcome(local)
        selected.value = 0
      }
      answered.value = text
      if (!asking) return
      if (!options.now) {
        await new Promise<void>((resolve) => (pause = setTimeout(resolve, MAIN_PAUSE_MS)))
        if (mine !== generation) return
      }
      try {
        const answer = await call('vehicleSearch', { query: text })
        if (mine !== generation) return
        const merged = mergeWithMain(text, plan, local, answer)
        if (fromMain.size > KEPT_FROM_MAIN) fromMain.clear()
        for (const v of merged.results) if (v.fromMain) fromMain.set(v.vin, v)
        // Main's rows may come before the copy's: the vehicle the agent selected stays selected.
        const chosen = outcome.value.results[selected.value]?.vin
        outcome.value = merged
        selected.value = Math.max(0, merged.results.findIndex((v) => v.vin === chosen))
      } catch {
        // Main cannot be reached: the copy's results stand, and the view says main was not asked.
        if (mine === generation) outcome.value = { ...outcome.value, main: 'unreachable' }
      }
    } finally {
      if (mine === generation) searching.value = false
    }
  }

  function sameRows(shown: readonly FoundVehicle[], found: readonly FoundVehicle[]): boolean {
    return shown.length === found.length && shown.every((v, i) => v.vin === found[i]!.vin && v.rev === found[i]!.rev && !v.fromMain)
  }

  function move(delta: number): void {
    const n = outcome.value.results.length
    if (n) selected.value = (selected.value + delta + n) % n
  }

  /** A vehicle main found for a search, while the copy does not hold it. */
  function foundByMain(vin: string): FoundVehicle | undefined {
    return fromMain.get(vin)
  }

  /**
   * Enter: the results on screen answer what is in the box, so the row selected with ↑/↓ is opened
   * (main may still add rows; it does not move the selection). Otherwise the search runs now, main
   * included, and its first row is the selection.
   */
  async function settled(): Promise<void> {
    if (answered.value === query.value && outcome.value.results.length > 0) return
    await setQuery(query.value, { now: true })
  }

  return { query, outcome, searching, selected, setQuery, settled, move, foundByMain }
})
