/**
 * What the bench page (bench/page/main.ts, built with Vite and served by the harness) exposes as
 * `window.bench` to the Node driver (bench/run.ts), which calls it through Playwright's `page.evaluate`.
 * Types only: shared by both sides.
 */

export type LookupKind = 'vin' | 'shortVin' | 'plate' | 'name'

export interface LookupQuery {
  text: string
  /** A VIN that must be among the results (checked, counted as a miss otherwise). */
  expect?: string
  /** Where it must be: among the first this many results (the rows the app's search page shows first). */
  within?: number
}

export interface SyncRun {
  ms: number
  received: number
  count: number
  requests: number
  /** From the start to the first batch stored: when lookups can start to find something. */
  firstBatchMs: number
  /** Sum of the requests' durations (they overlap the writes, except the first). */
  fetchMs: number
}

export interface LookupRun {
  times: number[]
  misses: string[]
  results: number
}

export interface RawPutRun {
  ms: number
  records: number
  /** Untimed preparation: every change pulled from the backend and prepared as the engine does. */
  loadMs: number
}

export interface BenchApi {
  /**
   * Signs this browser profile's harness session in: creates the first supervisor on an empty database
   * (the app's own first-run path), or signs in as that agent. The app page shares the session cookie.
   */
  signIn(agent: { username: string; displayName: string; password: string }): Promise<void>
  /** Closes and deletes these cache databases. */
  reset(names: string[]): Promise<void>
  /** The app's sync engine against the harness backend, into the cache database `name`. */
  sync(name: string, options?: { batchSize?: number }): Promise<SyncRun>
  /** The app's `searchVehicles` over a list of queries, one at a time. */
  lookups(name: string, queries: LookupQuery[]): Promise<LookupRun>
  /**
   * Full-VIN lookups through `searchVehicles`, each followed by a raw `db.vehicles.get` of the same VIN:
   * interleaved, so that both see the same disturbances from the rest of the machine.
   */
  vinLookups(name: string, queries: LookupQuery[]): Promise<{ search: LookupRun; raw: number[] }>
  /**
   * Pulls every vehicle from the backend and prepares the records as the sync engine does (untimed),
   * then times one raw Dexie bulkPut of them into an empty cache database `to`.
   */
  rawBulkPut(to: string): Promise<RawPutRun>
}
