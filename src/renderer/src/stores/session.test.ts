import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { currentLocale, setLocale } from '../i18n'
import { LANGUAGE_STORAGE_KEY, useSessionStore } from './session'

/** The agent's language: the account's when main keeps one, else this computer's last choice, else the system's. */
const agent = (language?: string | null) => ({ id: 'a1', username: 'hotline', displayName: 'Hotline', role: 'hotline', dealerNumber: null, ...(language !== undefined ? { language } : {}) })
const info = { version: '0', databaseLocation: '', databaseKind: 'pglite', fleetSize: 0, today: '2026-11-21', transport: 'harness', demo: true }
const ok = <T>(data: T) => Promise.resolve({ ok: true, data })

let saved: unknown[] = []
function fakeMain(options: { signedIn?: object | null; withLanguages?: boolean; sessionFails?: boolean }): void {
  saved = []
  window.api = {
    authStatus: () => (options.sessionFails ? Promise.reject(new Error('main is busy')) : ok({ firstRun: false, agent: options.signedIn ?? null, idleMinutes: 15, expiresAt: null })),
    appInfo: () => ok(info),
    signIn: () => ok(options.signedIn),
    ...(options.withLanguages ? { agentSetLanguage: (r: unknown) => (saved.push(r), ok({})) } : {})
  } as unknown as typeof window.api
}
function systemLanguages(languages: string[]): void {
  Object.defineProperty(navigator, 'languages', { value: languages, configurable: true })
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval'] })
  setActivePinia(createPinia())
  localStorage.clear()
})
afterEach(async () => {
  vi.useRealTimers()
  await setLocale('en')
})

describe('the agent’s language', () => {
  it('starts in the system’s language when nothing was chosen, before anyone signs in', async () => {
    systemLanguages(['da-DK', 'en'])
    fakeMain({})
    useSessionStore().start()
    await vi.waitFor(() => expect(currentLocale.value).toBe('da'))
    expect(document.documentElement.lang).toBe('da')
  })

  it('this computer’s last choice wins over the system’s', async () => {
    systemLanguages(['da-DK'])
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'pt-PT')
    fakeMain({})
    useSessionStore().start()
    await vi.waitFor(() => expect(currentLocale.value).toBe('pt-PT'))
  })

  it('the account’s language wins when main sends one, and becomes this computer’s choice', async () => {
    systemLanguages(['da-DK'])
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr')
    fakeMain({ signedIn: agent('sv'), withLanguages: true })
    useSessionStore().start()
    await vi.waitFor(() => expect(currentLocale.value).toBe('sv'))
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('sv')
    expect(saved).toEqual([])
  })

  it('a choice from the menu applies at once and is kept with the account when main offers it', async () => {
    fakeMain({ signedIn: agent('en'), withLanguages: true })
    const session = useSessionStore()
    session.start()
    await vi.waitFor(() => expect(session.agent).not.toBeNull())
    await session.setLanguage('nl')
    expect(currentLocale.value).toBe('nl')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('nl')
    expect(saved).toEqual([{ language: 'nl' }])
  })

  it('without agentSetLanguage in main, the choice is kept on this computer only, and nothing fails', async () => {
    fakeMain({ signedIn: agent() })
    const session = useSessionStore()
    session.start()
    await vi.waitFor(() => expect(session.agent).not.toBeNull())
    await session.setLanguage('de')
    expect(currentLocale.value).toBe('de')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('de')
  })

  it('an account main keeps languages for, but without one yet, is given the language in use', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr')
    fakeMain({ signedIn: agent(null), withLanguages: true })
    useSessionStore().start()
    await vi.waitFor(() => expect(saved).toEqual([{ language: 'fr' }]))
    expect(currentLocale.value).toBe('fr')
    expect(saved).toEqual([{ language: 'fr' }])
  })
})

describe('main’s date', () => {
  it('is kept when the session question fails, so previews never take this computer’s date instead', async () => {
    fakeMain({ sessionFails: true })
    const session = useSessionStore()
    await session.refresh()
    expect(session.unreachable).not.toBeNull()
    expect(session.today).toBe(info.today)
  })
})
