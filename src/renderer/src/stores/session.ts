import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { mayActOnMarket } from '@shared/domain/agent-scope'
import { mayCall, type AgentSummary, type Method, type Response } from '@shared/ipc/contract'
import type { Market } from '@shared/ipc/schemas'
import { call, callIfOffered, onCallFailure } from '../api/client'
import { errorText } from '../api/errors'
import { currentLocale, isUiLocale, pickLocale, setLocale, type UiLocale } from '../i18n'

type AppInfo = Response<'appInfo'>

/** This computer's last choice, kept until the account keeps it (and while main does not offer that). */
export const LANGUAGE_STORAGE_KEY = 'mini-backoffice.language'

function storedLanguage(): UiLocale | null {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY)
    return isUiLocale(value) ? value : null
  } catch {
    return null
  }
}
function storeLanguage(language: UiLocale): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language)
  } catch {
    // Storage refused (private mode, quota): the choice still holds for this session.
  }
}

/** The language an account keeps, once main sends it with the agent (`agent.language`). */
function accountLanguage(agent: AgentSummary | null): UiLocale | null {
  const language = (agent as { language?: unknown } | null)?.language
  return isUiLocale(language) ? language : null
}

/**
 * Who is signed in, and what main says about the app (its date, whether this is the demo). The session
 * itself lives in main: this store only mirrors it, and learns of an idle sign-out from main's answers.
 * It also holds the agent's language: the account's when main keeps one, else this computer's last
 * choice, else the system's preferred language.
 */
export const useSessionStore = defineStore('session', () => {
  const agent = shallowRef<AgentSummary | null>(null)
  const firstRun = ref(false)
  const info = shallowRef<AppInfo | null>(null)
  const loaded = ref(false)
  const signedOutReason = ref<string | null>(null)
  const unreachable = ref<string | null>(null)
  const language = currentLocale
  let poll: ReturnType<typeof setInterval> | null = null

  /** "Today" as main sees it: legal dates in previews must match what main will decide. */
  const today = computed(() => info.value?.today ?? new Date().toISOString().slice(0, 10))

  /** A newly signed-in (or refreshed) agent: their account's language wins; an account without one is given this computer's. */
  async function adoptAgent(next: AgentSummary | null): Promise<void> {
    agent.value = next
    if (!next) return
    const kept = accountLanguage(next)
    if (kept && kept !== language.value) {
      storeLanguage(kept)
      await setLocale(kept)
    } else if (!kept && 'language' in next) {
      // Main keeps languages but this account has none yet: give it the one in use.
      await keepWithAccount(language.value)
    }
  }

  async function keepWithAccount(choice: UiLocale): Promise<void> {
    try {
      if (agent.value && (await callIfOffered('agentSetLanguage', { language: choice }))) agent.value = { ...agent.value, language: choice } as AgentSummary
    } catch {
      // Not kept with the account this time: this computer still remembers it, and the next choice retries.
    }
  }

  /** The agent's choice from the menu: applied at once (no reload), remembered here and with the account. */
  async function setLanguage(choice: UiLocale): Promise<void> {
    storeLanguage(choice)
    await setLocale(choice)
    await keepWithAccount(choice)
  }

  async function refresh(): Promise<void> {
    try {
      // Main's date is kept even when the session question fails: a preview must never fall back to this
      // computer's clock (a day off around midnight, or a desk whose clock is wrong) while main answered.
      const [status, appInfo] = await Promise.allSettled([call('authStatus', {}), call('appInfo', {})])
      if (appInfo.status === 'fulfilled') info.value = appInfo.value
      if (status.status === 'rejected') throw status.reason
      if (appInfo.status === 'rejected') throw appInfo.reason
      firstRun.value = status.value.firstRun
      const signedIn = status.value.agent
      if (agent.value && !signedIn) signedOutReason.value = 'idle'
      if (signedIn?.id !== agent.value?.id || accountLanguage(signedIn) !== accountLanguage(agent.value)) await adoptAgent(signedIn)
      else agent.value = signedIn
      unreachable.value = null
    } catch (error) {
      unreachable.value = errorText(error)
    } finally {
      loaded.value = true
    }
  }

  function start(): void {
    // The first language before anyone signs in: this computer's last choice, else the system's. Loaded
    // before the first screen shows, so it never flashes in English first.
    const first = storedLanguage() ?? pickLocale(typeof navigator === 'undefined' ? [] : navigator.languages)
    void setLocale(first)
      .catch(() => undefined)
      .then(refresh)
    onCallFailure((failure) => {
      if (failure.code === 'unauthenticated' && agent.value) {
        agent.value = null
        signedOutReason.value = 'idle'
      }
    })
    // Sessions end in main after the idle time; a light poll notices it even when the agent is not clicking.
    poll ??= setInterval(() => void refresh(), 30_000)
    // Work in the page (a lookup reads the offline copy, not main) is the agent's activity too: said to
    // main at most once a minute. The poll above is not, so an unattended desk still signs out.
    for (const type of ['keydown', 'pointerdown'] as const) window.addEventListener(type, reportActivity, { passive: true, capture: true })
  }

  let lastActivity = 0
  function reportActivity(): void {
    const now = Date.now()
    if (!agent.value || now - lastActivity < 60_000) return
    lastActivity = now
    void call('authActivity', {}).catch(() => undefined)
  }

  async function signIn(username: string, password: string): Promise<void> {
    await adoptAgent(await call('signIn', { username, password }))
    signedOutReason.value = null
    await refresh()
  }

  async function createFirstSupervisor(input: { username: string; displayName: string; password: string }): Promise<void> {
    await adoptAgent(await call('createFirstSupervisor', input))
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
  /** Whether the agent acts for vehicles of this market at all (D2: dealer staff their own market only). */
  const actsIn = (market: Market) => !!agent.value && mayActOnMarket(agent.value, market)
  /**
   * Whether to offer `method` on a vehicle of `market`: the role may call it and the vehicle is in the
   * agent's scope (issue 13, defect 12). Main decides again; the renderer only avoids offering a refusal.
   */
  const canOn = (method: Method, market: Market) => can(method) && actsIn(market)

  return { agent, firstRun, info, loaded, signedOutReason, unreachable, today, language, refresh, start, signIn, createFirstSupervisor, signOut, setLanguage, can, actsIn, canOn }
})
