import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { searchCache, type SearchOutcome } from '../cache/search'

/**
 * The search box's state. Each keystroke starts a lookup; an older lookup that finishes after a newer one
 * is dropped, so results always belong to what is in the box. The row selected with ↑/↓ stays selected
 * until the results change.
 */
export const useSearchStore = defineStore('search', () => {
  const query = ref('')
  const outcome = shallowRef<SearchOutcome>({ results: [], truncated: false, vinProblem: null })
  /** The text `outcome` answers. */
  const answered = ref('')
  const searching = ref(false)
  const selected = ref(0)
  let generation = 0
  let latest: Promise<void> = Promise.resolve()

  function setQuery(text: string): Promise<void> {
    query.value = text
    const mine = ++generation
    searching.value = true
    latest = (async () => {
      try {
        const result = await searchCache(text)
        if (mine !== generation) return
        outcome.value = result
        answered.value = text
        selected.value = 0
      } finally {
        if (mine === generation) searching.value = false
      }
    })()
    return latest
  }

  /** Resolves once the results answer what is in the box (at once when they already do). */
  async function settled(): Promise<void> {
    while (answered.value !== query.value || searching.value) {
      const waitingFor = latest
      await waitingFor.catch(() => undefined)
      if (waitingFor === latest && answered.value !== query.value) await setQuery(query.value)
    }
  }

  function move(delta: number): void {
    const n = outcome.value.results.length
    if (n) selected.value = (selected.value + delta + n) % n
  }

  return { query, outcome, searching, selected, setQuery, settled, move }
})
