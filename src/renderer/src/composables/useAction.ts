import { ref } from 'vue'
import { describeError } from '../api/errors'

/**
 * The state of one button's work: busy while it runs (so a second click waits), and what to show when
 * it fails: a sentence in the agent's language, and the problems of the form's own fields (by request
 * path, as listed in `fieldPaths`) to show next to them. `run` resolves with the work's result, or
 * undefined when it failed.
 */
export function useAction(fieldPaths: readonly string[] = []) {
  const busy = ref(false)
  const error = ref<string | null>(null)
  const fieldErrors = ref<Record<string, string>>({})
  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    error.value = null
    fieldErrors.value = {}
    try {
      return await work()
    } catch (e) {
      const shown = describeError(e, fieldPaths)
      error.value = shown.text
      fieldErrors.value = shown.fields
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { busy, error, fieldErrors, run }
}
