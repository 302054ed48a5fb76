import { errorText } from '../api/error-text'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { mayCall, type AgentSummary, type Method, type Response } from '@shared/ipc/contract'
import { call, onCallFailure } from '../api/client'

type AppInfo = Response<'appInfo'>

/**
 * Who is signed in, and what main says about the app (its date, whether this is the demo). The session
 * itself lives in main: this store only mirrors it, and learns of an idle sign-out from main's answers.
 */
export const useSessionStore = defineStore('session', () => {
  const agent = shallowRef<AgentSummary | null>(null)
  const firstRun = ref(false)
  const info = shallowRef<AppInfo | null>(null)
  const loaded = ref(false)
  const signedOutReason = ref<string | null>(null)
  const unreachable = ref<string | null>(null)
  let poll: ReturnType<typeof setInterval> | null = null

  /** "Today" as main sees it: legal dates in previews must match what main will decide. */
  const today = computed(() => info.value?.today ?? new Date().toISOString().slice(0, 10))

  async function refresh(): Promise<void> {
    try {
      const [status, appInfo] = await Promise.all([call('authStatus', {}), call('appInfo', {})])
      info.value = appInfo
      firstRun.value = status.firstRun
      if (agent.value && !status.agent) signedOutReason.value = 'idle'
      agent.value = status.agent
      unreachable.value = null
    } catch (error) {
      unreachable.value = errorText(error)
    } finally {
      loaded.value = true
    }
  }

  function start(): void {
    void refresh()
    onCallFailure((failure) => {
      if (failure.code === 'unauthenticated' && agent.value) {
        agent.value = null
        signedOutReason.value = 'idle'
      }
    })
    // Sessions end in main after the idle time; a light poll notices it even when the agent is not clicking.
    poll ??= setInterval(() => void refresh(), 30_000)
  }

  async function signIn(username: string, password: string): Promise<void> {
    agent.value = await call('signIn', { username, password })
    signedOutReason.value = null
    await refresh()
  }

  async function createFirstSupervisor(input: { username: string; displayName: string; password: string }): Promise<void> {
    agent.value = await call('createFirstSupervisor', input)
    firstRun.value = false
    await refresh()
  }

  async function signOut(): Promise<void> {
    try {
      await call('signOut', {})
    } finally {
      agent.value = null
      signedOutReason.value = null
    }
  }

  const can = (method: Method) => mayCall(method, agent.value?.role ?? null)

  return { agent, firstRun, info, loaded, signedOutReason, unreachable, today, refresh, start, signIn, createFirstSupervisor, signOut, can }
})
