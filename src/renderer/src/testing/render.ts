import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Component } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { generateFleet } from '@shared/fleet/generate'
import type { AgentSummary, Method, Response } from '@shared/ipc/contract'
import type { ApiError } from '@shared/ipc/errors'
import type { VehicleDoc } from '@shared/ipc/schemas'
import { cacheDb } from '../cache/db'
import { putVehicles } from '../cache/name-index'
import { toCached } from '../cache/records'
import { i18n } from '../i18n'
import { useSessionStore } from '../stores/session'

/**
 * Renderer component tests: the real components, stores, i18n, Element Plus and Dexie (on
 * fake-indexeddb); only main is replaced, by answers the test gives per method.
 */
export const TODAY = '2026-11-21'
export const fleet = generateFleet({ size: 12, referenceDate: TODAY })

/** The demo fleet's vehicle at `index` as main sends it, with changes. */
export function vehicleDoc(index: number, patch: Partial<VehicleDoc> = {}): VehicleDoc {
  const r = fleet.records[index]!
  return {
    ...r.vehicle,
    shortVin: r.vehicle.vin.slice(-7),
    customer: fleet.customers.find((c) => c.id === r.vehicle.customerId)!,
    contract: r.contract,
    purchases: r.purchases,
    simCommand: null,
    cases: [],
    rev: 1,
    ...patch
  }
}

export const AGENTS = {
  hotline: { id: 'a-hotline', username: 'hotline', displayName: 'Hanna Hotline', role: 'hotline', dealerNumber: null, language: null },
  supervisor: { id: 'a-supervisor', username: 'supervisor', displayName: 'Sara Supervisor', role: 'supervisor', dealerNumber: null, language: null },
  'dealer.dk': { id: 'a-dealer-dk', username: 'dealer.dk', displayName: 'Dorte Dealer', role: 'dealer', dealerNumber: 'DK-10001', language: null }
} as const satisfies Record<string, AgentSummary>

type Answer<M extends Method> = Response<M> | { error: ApiError } | ((request: unknown) => Response<M> | { error: ApiError } | Promise<Response<M> | { error: ApiError }>)
export type FakeMain = { [M in Method]?: Answer<M> }

/** window.api answering with what the test says; every call is kept in `calls`. A method without an answer fails as main would for an unknown channel. */
export function fakeMain(answers: FakeMain): { calls: { method: string; request: unknown }[] } {
  const calls: { method: string; request: unknown }[] = []
  const api = new Proxy(
    {},
    {
      get(_target, method: string) {
        if (method === 'on') return () => () => undefined
        return async (request: unknown) => {
          calls.push({ method, request })
          const answer = (answers as Record<string, unknown>)[method]
          if (answer === undefined) return { ok: false, error: { code: 'unavailable', key: 'unavailable.unreachable' } }
          const value = typeof answer === 'function' ? await (answer as (r: unknown) => unknown)(request) : answer
          return value && typeof value === 'object' && 'error' in value ? { ok: false, error: (value as { error: ApiError }).error } : { ok: true, data: value }
        }
      }
    }
  )
  window.api = api as typeof window.api
  return { calls }
}

export async function putInCache(docs: VehicleDoc[]): Promise<void> {
  const db = cacheDb()
  await db.transaction('rw', [db.vehicles, db.nameIndex, db.meta], () => putVehicles(db, docs.map(toCached)))
}

export async function clearCache(): Promise<void> {
  const db = cacheDb()
  await db.transaction('rw', [db.vehicles, db.nameIndex, db.meta], async () => {
    await db.vehicles.clear()
    await db.nameIndex.clear()
    await db.meta.clear()
  })
}

export interface Rendered {
  wrapper: VueWrapper
  router: Router
  pinia: Pinia
}

/** Mounts a component as the signed-in `agent` would see it, on a memory router holding the app's routes. */
export async function render(component: Component, options: { props?: Record<string, unknown>; agent?: keyof typeof AGENTS; route?: string } = {}): Promise<Rendered> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore()
  session.agent = AGENTS[options.agent ?? 'hotline']
  session.info = { version: '0', databaseLocation: '', databaseKind: 'pglite', fleetSize: 12, today: TODAY, transport: 'harness', demo: true }
  const { routes } = await import('../router')
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(options.route ?? '/')
  const wrapper = mount(component, { props: options.props ?? {}, global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router, pinia }
}

/** Waits until `check` passes (Dexie live queries and Element Plus transitions settle asynchronously). */
export async function until(check: () => void, timeoutMs = 5_000): Promise<void> {
  const started = Date.now()
  for (;;) {
    await flushPromises()
    try {
      check()
      return
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error
      await new Promise((r) => setTimeout(r, 20))
    }
  }
}

/** The text as a person reads it (no-break and narrow spaces as spaces). */
export const plain = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim()
