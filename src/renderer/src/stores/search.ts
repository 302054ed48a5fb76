import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { cacheDb } from '../cache/db'
import { searchVehicles, type SearchOutcome } from '../cache/search'

/**
 * The search box's state. Each keystroke starts a lookup; an older lookup that finishes after a newer one
 * is dropped, so results always belong to what is in the box.
 */
export const useSearchStore = defineStore('search', () => {
  const query = ref('')
  const outcome = shallowRef<SearchOutcome>({ results: [], truncated: false, vinProblem: null })
  const searching = ref(false)
  const selected = ref(0)
  let generation = 0

  async function setQuery(text: string): Promise<void> {
    query.value = text
    const mine = ++generation
    searching.value = true
    try {
      const result = await searchVehicles(cacheDb(), text)
      if (mine !== generation) return
      outcome.value = result
      selected.value = 0
    } finally {
      if (mine === generation) searching.value = false
    }
  }

  function move(delta: number): void {
    const n = outcome.value.results.length
    if (n) selected.value = (selected.value + delta + n) % n
  }

  return { query, outcome, searching, selected, setQuery, move }
})
