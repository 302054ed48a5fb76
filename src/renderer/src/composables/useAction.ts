import { ref } from 'vue'
import { errorText } from '../api/error-text'

/** A message fit for the agent from whatever a failed call threw. */
export const messageOf = errorText

/**
 * The state of one button's work: busy while it runs (so a second click waits), and the error to show
 * when it fails. `run` resolves with the work's result, or undefined when it failed.
 */
export function useAction() {
  const busy = ref(false)
  const error = ref<string | null>(null)
  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    error.value = null
    try {
      return await work()
    } catch (e) {
      error.value = messageOf(e)
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { busy, error, run }
}
