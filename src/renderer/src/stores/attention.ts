import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AttentionRowDoc } from '@shared/ipc/contract'
import { call } from '../api/client'

/**
 * SIM commands that need attention, for the top bar's badge and for telling the agent when a command of
 * theirs fails while they are elsewhere. Main answers (`simAttention`, the agent's own commands); the
 * list is read again on every "changed" push (a command's every status change touches its vehicle).
 */
export const useAttentionStore = defineStore('attention', () => {
  /** Commands someone has to act on, in the agent's scope, and how many of them are the agent's. */
  const needsAction = ref(0)
  const mine = ref(0)
  const myRows = shallowRef<AttentionRowDoc[]>([])
  /** Bumped on every push: views showing a list read it again. */
  const changed = ref(0)
  const listeners = new Set<(failures: AttentionRowDoc[]) => void>()
  let known: Set<string> | null = null
  let unsubscribe: (() => void) | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let running: Promise<void> | null = null
  let again = false

  async function refresh(): Promise<void> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      try {
        do {
          again = false
          const answer = await call('simAttention', { mine: true })
          needsAction.value = answer.needsAction
          mine.value = answer.mine
          myRows.value = answer.rows
          const failures = newFailures(known, answer.rows)
          known = failureKeys(answer.rows, known)
          if (failures.length) for (const listener of listeners) listener(failures)
        } while (again)
      } catch {
        // Main unreachable or signed out: the badge keeps its last count; the next push reads again.
      } finally {
        running = null
      }
    })()
    return running
  }

  /** Starts following a newly signed-in agent: what has already failed is known, not news. */
  function start(): void {
    stop()
    known = null
    unsubscribe =
      window.api?.on('syncChanged', () => {
        changed.value++
        if (timer) clearTimeout(timer)
        // A burst of pushes (a sync batch, a settlement) is read once.
        timer = setTimeout(() => void refresh(), 200)
      }) ?? null
    void refresh()
  }

  function stop(): void {
    unsubscribe?.()
    unsubscribe = null
    if (timer) clearTimeout(timer)
    timer = null
    needsAction.value = 0
    mine.value = 0
    myRows.value = []
  }

  /** `listener` hears of the agent's commands that failed or timed out since the last reading. */
  function onFailure(listener: (failures: AttentionRowDoc[]) => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }

  return { needsAction, mine, myRows, changed, refresh, start, stop, onFailure }
})

/** One failure of a command: a retried command that fails again is news again. */
function failureKey(row: AttentionRowDoc): string | null {
  const c = row.command
  if (c.status === 'failed' || c.status === 'timed-out') return `${c.id}:${c.attempts}:${c.status}`
  // A command that retries by itself: its first failed attempt is news, the next ones are not.
  if (c.status === 'pending' && c.nextAttemptAt) return `${c.id}:retrying`
  return null
}

function failureKeys(rows: readonly AttentionRowDoc[], before: Set<string> | null): Set<string> {
  const keys = new Set(before ?? [])
  for (const row of rows) {
    const key = failureKey(row)
    if (key) keys.add(key)
  }
  return keys
}

/** The agent's failures not seen at an earlier reading (none at the first: those are not news). */
export function newFailures(known: Set<string> | null, rows: readonly AttentionRowDoc[]): AttentionRowDoc[] {
  if (!known) return []
  return rows.filter((row) => {
    const key = failureKey(row)
    return row.mine && key !== null && !known.has(key)
  })
}
