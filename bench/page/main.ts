/**
 * The bench page: the renderer's real cache modules (Dexie schema, sync engine, lookups) running in
 * Chromium against the real backend through the harness bridge (`window.api`), exactly as the app
 * does; only the measuring code around them is the benchmark's. bench/run.ts drives it.
 *
 * This file is typechecked with the Node project (tsconfig.node.json includes bench/), which has no DOM
 * library: the few browser globals it needs are reached through `globalThis` with local types.
 */
import Dexie from 'dexie'
import { CacheDatabase, type CachedVehicle } from '@renderer/cache/db'
import { toCached } from '@renderer/cache/records'
import { searchVehicles } from '@renderer/cache/search'
import { createSyncEngine, type SyncEngine, type SyncSource } from '@renderer/cache/sync'
import type { Api } from '@shared/ipc/contract'
import type { BenchApi, LookupQuery, LookupRun, RawPutRun, SyncRun } from './protocol'

interface PageGlobals {
  api?: Api
  bench?: BenchApi
  benchReady?: boolean
}
const page = globalThis as unknown as PageGlobals

function api(): Api {
  if (!page.api) throw new Error('window.api is missing: the harness bridge did not load')
  return page.api
}

/** What src/renderer/src/api/client.ts `call` does: unwrap the result or throw. */
function unwrap<T>(result: { ok: true; data: T } | { ok: false; error: { code: string; key: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.key}`)
  return result.data
}

const source: SyncSource = {
  async syncChanges(request) {
    return unwrap(await api().syncChanges(request))
  }
}

async function signIn(agent: { username: string; displayName: string; password: string }): Promise<void> {
  const status = unwrap(await api().authStatus({}))
  if (status.agent) return
  if (status.firstRun) unwrap(await api().createFirstSupervisor(agent))
  else unwrap(await api().signIn({ username: agent.username, password: agent.password }))
}

let requests = 0
let fetchMs = 0
const counted: SyncSource = {
  async syncChanges(request) {
    requests++
    const started = performance.now()
    try {
      return await source.syncChanges(request)
    } finally {
      fetchMs += performance.now() - started
    }
  }
}

const databases = new Map<string, CacheDatabase>()
const engines = new Map<string, SyncEngine>()

function database(name: string): CacheDatabase {
  let db = databases.get(name)
  if (!db) databases.set(name, (db = new CacheDatabase(name)))
  return db
}

async function reset(names: string[]): Promise<void> {
  for (const name of names) {
    databases.get(name)?.close()
    databases.delete(name)
    engines.delete(name)
    await Dexie.delete(name)
  }
}

async function sync(name: string, options: { batchSize?: number } = {}): Promise<SyncRun> {
  const db = database(name)
  let engine = engines.get(name)
  if (!engine) engines.set(name, (engine = createSyncEngine(db, counted, options)))
  await db.open()
  requests = 0
  fetchMs = 0
  let firstBatchMs = -1
  const started = performance.now()
  const received = await engine.sync(() => {
    if (firstBatchMs < 0) firstBatchMs = performance.now() - started
  })
  const ms = performance.now() - started
  return { ms, received, count: await db.vehicles.count(), requests, firstBatchMs, fetchMs }
}

async function lookups(name: string, queries: LookupQuery[]): Promise<LookupRun> {
  const db = database(name)
  const times: number[] = []
  const misses: string[] = []
  let results = 0
  for (const query of queries) {
    const started = performance.now()
    const outcome = await searchVehicles(db, query.text)
    times.push(performance.now() - started)
    results += outcome.results.length
    if (query.expect && !outcome.results.slice(0, query.within).some((v) => v.vin === query.expect)) misses.push(query.text)
  }
  return { times, misses, results }
}

async function vinLookups(name: string, queries: LookupQuery[]): Promise<{ search: LookupRun; raw: number[] }> {
  const db = database(name)
  const search: LookupRun = { times: [], misses: [], results: 0 }
  const raw: number[] = []
  for (const query of queries) {
    let started = performance.now()
    const outcome = await searchVehicles(db, query.text)
    search.times.push(performance.now() - started)
    search.results += outcome.results.length
    if (query.expect && !outcome.results.some((v) => v.vin === query.expect)) search.misses.push(query.text)
    started = performance.now()
    const hit = await db.vehicles.get(query.expect ?? query.text)
    raw.push(performance.now() - started)
    if (!hit) throw new Error(`raw get: ${query.expect ?? query.text} is not in the cache`)
  }
  return { search, raw }
}

async function rawBulkPut(to: string): Promise<RawPutRun> {
  const load = performance.now()
  let records: CachedVehicle[] = []
  for (let cursor = 0; ; ) {
    const batch = await source.syncChanges({ cursor, limit: 10_000 })
    records = records.concat(batch.vehicles.map(toCached))
    cursor = batch.cursor
    if (!batch.hasMore) break
  }
  const loadMs = performance.now() - load
  await reset([to])
  const target = database(to)
  await target.open()
  const started = performance.now()
  await target.vehicles.bulkPut(records)
  const ms = performance.now() - started
  const count = await target.vehicles.count()
  if (count !== records.length) throw new Error(`raw bulkPut stored ${count} of ${records.length} records`)
  return { ms, records: records.length, loadMs }
}

page.bench = { signIn, reset, sync, lookups, vinLookups, rawBulkPut }
page.benchReady = true
