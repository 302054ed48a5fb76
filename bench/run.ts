/**
 * `npm run bench`: the renderer cache at fleet scale, measured on the real code.
 *
 * 1. Node: generate the deterministic fleet and load it into the harness's PGlite (timed: seeding).
 * 2. Vite: build the app's renderer and the bench page (bench/page) into bench/.build/site.
 * 3. Chromium (Debian's, via playwright-core) on the harness origin:
 *    - bench page: the app's sync engine fills an empty cache from the real backend over HTTP; raw Dexie
 *      bulkPut of the same records; lookups through `searchVehicles` and raw `get`; 100 changes written
 *      with SQL then synced; the page's heap after a GC;
 *    - app page: the real built app fills its own cache on first start, its heap after the sync, and
 *      queries typed key by key into its search box until the results table shows the vehicle.
 * 4. Node: PDF form rendering (if the forms service exists) and the rules module's throughput.
 * 5. Node: bulk SIM jobs on their own embedded backend (BENCH_BULK_FLEET vehicles, default 12000): the
 *    preview of 10 000 rows, and a job of BENCH_BULK_RUN_ROWS rows (default 1000) with telematics latency 0.
 *
 * Prints a table and writes bench/results/latest.json. Targets are reported as PASS/MISS and never
 * change the exit code; only errors do. Environment: BENCH_FLEET (default 100000), BENCH_PORT (4790),
 * CHROMIUM_PATH, BENCH_BATCH (the sync engine's batch size, default: the engine's own),
 * BENCH_VALIDATE=1 (validate every response against the contract, as `npm run harness` does).
 */
import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { startHarness, type Harness } from '../e2e/harness/server'
import { systemClock } from '../src/main/clock'
import { loadFleet } from '../src/main/db/seed'
import type { Logger } from '../src/main/logger'
import { generateFleet, type Fleet } from '../src/shared/fleet/generate'
import { Random } from '../src/shared/fleet/random'
import { SEARCH_FIRST_ROWS } from '../src/renderer/src/search-rows'
import { measureTyping, openAppAndSync } from './lib/app'
import { measureBulk } from './lib/bulk'
import { heapAfterGc, launchBrowser, type BenchBrowser } from './lib/browser'
import { measurePdf, measureRules, type PdfFigures } from './lib/node-figures'
import { lookupQueries, typingTargets, type TypingTarget } from './lib/queries'
import { buildSite } from './lib/site'
import { elapsed, median, percentile, round } from './lib/stats'
import type { BenchApi, LookupRun, RawPutRun, SyncRun } from './page/protocol'

const ROOT = resolve(import.meta.dirname, '..')
const FLEET = Number(process.env['BENCH_FLEET'] ?? 100_000)
const PORT = Number(process.env['BENCH_PORT'] ?? 4790)
const BATCH = process.env['BENCH_BATCH'] ? Number(process.env['BENCH_BATCH']) : undefined
const TODAY = '2026-11-21'
const CACHE = 'bench-cache'
const RAW = 'bench-raw'
const LOOKUPS_PER_KIND = 400
const INCREMENTAL_ROUNDS = 7

const log: Logger = {
  info() {},
  warn: (...args: unknown[]) => console.warn('[harness]', ...args),
  error: (...args: unknown[]) => console.error('[harness]', ...args)
}

type Json = null | number | string | boolean | Json[] | { [key: string]: Json }
const results: Record<string, Json> = {}
const errors: string[] = []

/** Sets a dotted key in the nested results object: set('lookup.vinP95Ms', 1.2). */
function set(key: string, value: Json): void {
  const parts = key.split('.')
  let node = results
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, Json>
  node[parts[parts.length - 1]!] = typeof value === 'number' ? round(value) : value
}
function get(key: string): Json | undefined {
  let node: Json | undefined = results
  for (const part of key.split('.')) node = node && typeof node === 'object' && !Array.isArray(node) ? node[part] : undefined
  return node
}
function num(key: string): number | null {
  const v = get(key)
  return typeof v === 'number' ? v : null
}

function progress(message: string): void {
  console.log(`· ${message}`)
}

async function section(name: string, run: () => Promise<void>): Promise<void> {
  const started = performance.now()
  try {
    await run()
    progress(`${name}: done in ${(elapsed(started) / 1000).toFixed(1)} s`)
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
    errors.push(`${name}: ${message.split('\n')[0]}`)
    console.error(`✗ ${name} failed: ${message}`)
  }
}

function bench(page: Page): { call<K extends keyof BenchApi>(name: K, ...args: Parameters<BenchApi[K]>): Promise<Awaited<ReturnType<BenchApi[K]>>> } {
  return {
    call: (name, ...args) =>
      page.evaluate(
        ([n, a]) => {
          const api = (globalThis as unknown as { bench: Record<string, (...x: unknown[]) => Promise<unknown>> }).bench
          return api[n as string]!(...(a as unknown[]))
        },
        [name, args] as const
      ) as never
  }
}

const AGENT = { username: 'bench', displayName: 'Benchmark', password: 'benchmark-password-2026' }

/**
 * Runs `use` with a browser on a fresh profile (empty IndexedDB, so that no phase pays for another's
 * data), on `path` if given, and closes it afterwards. A failure is recorded, not thrown.
 */
async function withPage(
  state: { browser?: BenchBrowser },
  origin: string,
  session: string,
  path: string | null,
  use: (page: Page) => Promise<void>
): Promise<void> {
  try {
    state.browser = await launchBrowser(origin, session)
    const page = await state.browser.context.newPage()
    if (path) await page.goto(`${origin}${path}`)
    await use(page)
  } catch (error) {
    errors.push(`browser: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
    console.error('✗ browser phase failed:', error)
  } finally {
    await state.browser?.close().catch(() => undefined)
    state.browser = undefined
  }
}

function lookupFigures(prefix: string, run: LookupRun): void {
  set(`${prefix}P50Ms`, median(run.times))
  set(`${prefix}P95Ms`, percentile(run.times, 95))
  if (run.misses.length) console.warn(`  ${prefix}: ${run.misses.length} queries did not list their vehicle, e.g. ${run.misses.slice(0, 3).join(', ')}`)
}

async function main(): Promise<void> {
  const started = performance.now()
  set('fleet', FLEET)
  set('env.loadAverageAtStart', os.loadavg()[0]!)
  console.log(`Benchmark: fleet of ${FLEET.toLocaleString('en-GB')} vehicles, Node ${process.version}, port ${PORT}`)

  const state: { fleet?: Fleet; harness?: Harness; browser?: BenchBrowser } = {}
  try {
    let siteDir = ''
    await section('build', async () => {
      const t = performance.now()
      siteDir = await buildSite()
      set('build.ms', elapsed(t))
    })
    await section('seed', async () => {
      let t = performance.now()
      const fleet = (state.fleet = generateFleet({ size: FLEET, referenceDate: TODAY }))
      set('seed.generateMs', elapsed(t))
      const harness = (state.harness = await startHarness({
        port: PORT,
        rendererDir: siteDir,
        backend: {
          dataDir: 'memory',
          demoFleet: false,
          clock: systemClock({ fixedToday: TODAY }),
          log,
          version: 'bench',
          validateResponses: process.env['BENCH_VALIDATE'] === '1'
        }
      }))
      t = performance.now()
      await harness.backend!.db.transaction((tx) => loadFleet(tx, fleet))
      set('seed.loadMs', elapsed(t))
      progress(`fleet generated in ${num('seed.generateMs')} ms, loaded into PGlite in ${num('seed.loadMs')} ms`)
    })
    const h = state.harness
    const f = state.fleet
    if (!h || !f || !siteDir) throw new Error('no harness: nothing to measure')
    const origin = h.url.replace(/\/$/, '')

    // One harness session for every browser profile: signed in once, through the app's first-run path.
    const session = randomUUID()

    // Profile 1, bench page: the sync engine, lookups, incremental changes.
    let typing: TypingTarget[] = []
    await withPage(state, origin, session, '/bench.html', async (page) => {
      set('env.chromium', state.browser!.version)
      await page.waitForFunction('globalThis.benchReady === true')
      const b = bench(page)
      await b.call('signIn', AGENT)

      await section('sync', async () => {
        const run: SyncRun = await b.call('sync', CACHE, BATCH ? { batchSize: BATCH } : {})
        if (run.count !== FLEET) throw new Error(`the cache holds ${run.count} vehicles after the sync, expected ${FLEET}`)
        set('sync.ms', run.ms)
        set('sync.firstBatchMs', run.firstBatchMs)
        set('sync.requests', run.requests)
        set('sync.vehiclesPerSecond', (run.received / run.ms) * 1000)
        set('heap.benchPageMb', await heapAfterGc(page))
      })

      await section('lookups', async () => {
        const sets = lookupQueries(f, LOOKUPS_PER_KIND)
        // Warm-up: first queries pay for opening the database and compiling the code paths.
        await b.call('lookups', CACHE, [...sets.vin, ...sets.plate, ...sets.name].slice(0, 60))
        const vins = await b.call('vinLookups', CACHE, sets.vin)
        lookupFigures('lookup.vin', vins.search)
        set('lookup.rawGetP50Ms', median(vins.raw))
        set('lookup.rawGetP95Ms', percentile(vins.raw, 95))
        lookupFigures('lookup.shortVin', await b.call('lookups', CACHE, sets.shortVin))
        lookupFigures('lookup.plate', await b.call('lookups', CACHE, sets.plate))
        const names = await b.call('lookups', CACHE, sets.name)
        lookupFigures('lookup.name', names)
        const words = sets.name.map((q) => q.text.trim().split(/\s+/).length)
        const oneWord = names.times.filter((_, i) => words[i] === 1)
        const severalWords = names.times.filter((_, i) => words[i]! > 1)
        set('lookup.nameOneWordP50Ms', median(oneWord))
        set('lookup.nameOneWordP95Ms', percentile(oneWord, 95))
        set('lookup.nameSeveralWordsP50Ms', median(severalWords))
        set('lookup.nameSeveralWordsP95Ms', percentile(severalWords, 95))
        set('lookup.nameQueries', names.times.length)
        // Cold: a fresh page (no copies of name-index rows kept yet) and name queries not asked before.
        await page.reload()
        await page.waitForFunction('globalThis.benchReady === true')
        const cold = await b.call('lookups', CACHE, lookupQueries(f, 100, 777).name)
        set('lookup.nameColdP95Ms', percentile(cold.times, 95))
        // Queries to type in the app: only those whose complete text lists their vehicle among the rows
        // the search page renders first (a common name can match more vehicles than it shows).
        const candidates = typingTargets(f, 8)
        const check = await b.call('lookups', CACHE, candidates.map((t) => ({ text: t.text, expect: t.vin, within: SEARCH_FIRST_ROWS })))
        const missed = new Set(check.misses)
        const perKind = new Map<string, number>()
        typing = candidates.filter((t) => {
          if (missed.has(t.text)) return false
          const n = (perKind.get(t.kind) ?? 0) + 1
          perKind.set(t.kind, n)
          return n <= 5
        })
      })

      await section('incremental', async () => {
        const rng = new Random(99)
        const times: number[] = []
        const fetches: number[] = []
        for (let round = 0; round < INCREMENTAL_ROUNDS; round++) {
          const vins = new Set<string>()
          while (vins.size < 100) vins.add(f.records[rng.int(0, f.records.length - 1)]!.vehicle.vin)
          await h.backend!.db.query('UPDATE vehicles SET plate = plate WHERE vin = ANY($1::text[])', [[...vins]])
          const run: SyncRun = await b.call('sync', CACHE)
          if (run.received !== 100) throw new Error(`incremental sync applied ${run.received} changes, expected 100`)
          times.push(run.ms)
          fetches.push(run.fetchMs)
        }
        set('incremental100Ms', median(times))
        set('incremental100MaxMs', Math.max(...times))
        set('incremental100FetchMs', median(fetches))
      })
    })

    // Profile 2, bench page: raw Dexie bulkPut of the same records into an empty database, as the sync had.
    await withPage(state, origin, session, '/bench.html', async (page) => {
      await page.waitForFunction('globalThis.benchReady === true')
      await section('raw bulkPut', async () => {
        const run: RawPutRun = await bench(page).call('rawBulkPut', RAW)
        if (run.records !== FLEET) throw new Error(`raw bulkPut of ${run.records} records, expected ${FLEET}`)
        set('sync.rawBulkPutMs', run.ms)
      })
    })

    // Profile 3, the real app: first start on an empty cache, then typing.
    await withPage(state, origin, session, null, async () => {
      await section('app', async () => {
        const app = await openAppAndSync(state.browser!.context, origin, FLEET)
        set('app.firstStartSyncMs', app.syncMs)
        set('heapMb', app.heapMb)
        if (!typing.length) throw new Error('no query to type')
        const typed = await measureTyping(app.page, typing)
        set('firstResultsWhileTypingMs', typed.p50)
        set('typing.p95Ms', typed.p95)
        set('typing.maxInputEventMs', typed.maxInputEventMs)
        set('typing.queries', typed.count)
        for (const kind of ['vin', 'shortVin', 'plate', 'name']) {
          set(`typing.${kind}P50Ms`, median(typed.samples.filter((x) => x.kind === kind).map((x) => x.ms)))
        }
      })
    })
  } finally {
    await state.browser?.close().catch(() => undefined)
    await state.harness?.close().catch(() => undefined)
  }

  await section('pdf', async () => {
    const pdf: PdfFigures = await measurePdf(ROOT)
    set('pdf.coldMs', pdf.coldMs)
    set('pdf.warmP50Ms', pdf.warmP50Ms)
    if (pdf.note) set('pdf.note', pdf.note)
  })
  await section('rules', async () => {
    if (!state.fleet) throw new Error('no fleet')
    set('rules.assessmentsPerSecond', await measureRules(state.fleet, TODAY))
  })
  await section('bulk', async () => {
    const b = await measureBulk(ROOT, {
      fleetSize: Number(process.env['BENCH_BULK_FLEET'] ?? 12_000),
      previewRows: 10_000,
      runRows: Number(process.env['BENCH_BULK_RUN_ROWS'] ?? 1_000),
      today: TODAY,
      log
    })
    set('bulk.previewRows', b.previewRows)
    set('bulk.previewMs', b.previewMs)
    set('bulk.previewRowsPerSecond', b.previewRowsPerSecond)
    set('bulk.runRows', b.runRows)
    set('bulk.runMs', b.runMs)
    set('bulk.runRowsPerSecond', b.runRowsPerSecond)
    set('bulk.confirmed', b.confirmed)
  })

  set('env.node', process.version)
  set('env.cpus', os.cpus().length)
  set('env.loadAverageAtEnd', os.loadavg()[0]!)
  set('env.validateResponses', process.env['BENCH_VALIDATE'] === '1')
  set('totalSeconds', elapsed(started) / 1000)
  if (errors.length) set('errors', errors)
  report()
  const dir = join(ROOT, 'bench/results')
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'latest.json'), JSON.stringify(results, null, 2) + '\n')
  console.log(`\nWrote bench/results/latest.json${errors.length ? ` (${errors.length} error(s))` : ''}`)
  process.exitCode = errors.length ? 1 : 0
}

interface Target {
  label: string
  pass: boolean | null
  detail: string
}

function targets(): Target[] {
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? a / b : null)
  const both = (...xs: (boolean | null)[]) => (xs.some((x) => x === null) ? null : xs.every(Boolean))
  const le = (v: number | null, max: number) => (v === null ? null : v <= max)
  const syncRatio = ratio(num('sync.ms'), num('sync.rawBulkPutMs'))
  const vinRatio = ratio(num('lookup.vinP95Ms'), num('lookup.rawGetP95Ms'))
  set('ratios.syncVsRawBulkPut', syncRatio)
  set('ratios.vinP95VsRawGetP95', vinRatio)
  const prefix = [num('lookup.shortVinP95Ms'), num('lookup.plateP95Ms'), num('lookup.nameP95Ms')]
  const worstPrefix = prefix.some((x) => x === null) ? null : Math.max(...(prefix as number[]))
  return [
    { label: 'initial sync ≤ 1.5 × raw bulkPut', pass: le(syncRatio, 1.5), detail: `${fmt(syncRatio, '×')} (${fmt(num('sync.ms'), ' ms')} / ${fmt(num('sync.rawBulkPutMs'), ' ms')})` },
    { label: 'initial sync ≤ 10 s', pass: le(num('sync.ms'), 10_000), detail: fmt(num('sync.ms'), ' ms') },
    { label: 'full-VIN lookup p95 ≤ 2 × raw get and ≤ 5 ms', pass: both(le(vinRatio, 2), le(num('lookup.vinP95Ms'), 5)), detail: `${fmt(vinRatio, '×')}, ${fmt(num('lookup.vinP95Ms'), ' ms')}` },
    { label: 'prefix lookups p95 ≤ 20 ms', pass: le(worstPrefix, 20), detail: `worst ${fmt(worstPrefix, ' ms')}` },
    { label: '100 incremental changes ≤ 100 ms', pass: le(num('incremental100Ms'), 100), detail: fmt(num('incremental100Ms'), ' ms') },
    { label: 'renderer heap ≤ 200 MB after sync', pass: le(num('heapMb'), 200), detail: fmt(num('heapMb'), ' MB') },
    { label: 'warm PDF p50 ≤ 50 ms', pass: le(num('pdf.warmP50Ms'), 50), detail: fmt(num('pdf.warmP50Ms'), ' ms') }
  ]
}

function fmt(value: number | null, unit = ''): string {
  return value === null ? 'n/a' : `${round(value).toLocaleString('en-GB')}${unit}`
}

function report(): void {
  const t = targets()
  const rows: [string, string, string][] = [
    ['fleet', fmt(num('fleet'), ' vehicles'), ''],
    ['seed: generate fleet (Node)', fmt(num('seed.generateMs'), ' ms'), ''],
    ['seed: load into PGlite (loadFleet)', fmt(num('seed.loadMs'), ' ms'), ''],
    ['sync.ms: engine, empty cache ← backend', fmt(num('sync.ms'), ' ms'), `${fmt(num('sync.vehiclesPerSecond'), ' vehicles/s')}, ${fmt(num('sync.requests'))} requests`],
    ['sync.firstBatchMs', fmt(num('sync.firstBatchMs'), ' ms'), 'first batch stored'],
    ['sync.rawBulkPutMs: raw Dexie bulkPut', fmt(num('sync.rawBulkPutMs'), ' ms'), `sync / raw = ${fmt(num('ratios.syncVsRawBulkPut'), '×')} (own fresh profile, same records)`],
    ['lookup.vinP50Ms / vinP95Ms', `${fmt(num('lookup.vinP50Ms'))} / ${fmt(num('lookup.vinP95Ms'), ' ms')}`, `p95 / raw get p95 = ${fmt(num('ratios.vinP95VsRawGetP95'), '×')}`],
    ['lookup.rawGetP95Ms: db.vehicles.get', fmt(num('lookup.rawGetP95Ms'), ' ms'), `p50 ${fmt(num('lookup.rawGetP50Ms'), ' ms')}; interleaved with the VIN lookups`],
    ['lookup.shortVinP95Ms', fmt(num('lookup.shortVinP95Ms'), ' ms'), `p50 ${fmt(num('lookup.shortVinP50Ms'), ' ms')}`],
    ['lookup.plateP95Ms', fmt(num('lookup.plateP95Ms'), ' ms'), `p50 ${fmt(num('lookup.plateP50Ms'), ' ms')}`],
    ['lookup.nameP95Ms', fmt(num('lookup.nameP95Ms'), ' ms'), `p50 ${fmt(num('lookup.nameP50Ms'), ' ms')}; one word p50/p95 ${fmt(num('lookup.nameOneWordP50Ms'))}/${fmt(num('lookup.nameOneWordP95Ms'), ' ms')}, several ${fmt(num('lookup.nameSeveralWordsP50Ms'))}/${fmt(num('lookup.nameSeveralWordsP95Ms'), ' ms')}`],
    ['lookup.nameColdP95Ms: fresh page, new queries', fmt(num('lookup.nameColdP95Ms'), ' ms'), 'name-index rows read from IndexedDB, not yet kept'],
    ['incremental100Ms (median of rounds)', fmt(num('incremental100Ms'), ' ms'), `max ${fmt(num('incremental100MaxMs'), ' ms')}; of which request ${fmt(num('incremental100FetchMs'), ' ms')}`],
    ['app: first start, empty cache → synced', fmt(num('app.firstStartSyncMs'), ' ms'), 'real app page, incl. load'],
    ['heapMb: app renderer after sync + GC', fmt(num('heapMb'), ' MB'), `bench page ${fmt(num('heap.benchPageMb'), ' MB')}`],
    ['firstResultsWhileTypingMs (p50)', fmt(num('firstResultsWhileTypingMs'), ' ms'), `p95 ${fmt(num('typing.p95Ms'), ' ms')}, longest input event ${fmt(num('typing.maxInputEventMs'), ' ms')}`],
    ['pdf.coldMs', get('pdf.coldMs') === null ? 'n/a (forms service not present)' : fmt(num('pdf.coldMs'), ' ms'), typeof get('pdf.note') === 'string' ? String(get('pdf.note')) : ''],
    ['pdf.warmP50Ms', get('pdf.warmP50Ms') === null ? 'n/a (forms service not present)' : fmt(num('pdf.warmP50Ms'), ' ms'), ''],
    ['rules.assessmentsPerSecond', fmt(num('rules.assessmentsPerSecond')), 'assessWithdrawal + assessSimDeactivation'],
    ['bulk.previewRowsPerSecond', fmt(num('bulk.previewRowsPerSecond'), ' rows/s'), `${fmt(num('bulk.previewRows'))} rows in ${fmt(num('bulk.previewMs'), ' ms')} (parse, vehicles, rules)`],
    ['bulk.runRowsPerSecond (telematics latency 0)', fmt(num('bulk.runRowsPerSecond'), ' rows/s'), `${fmt(num('bulk.runRows'))} rows sent and confirmed in ${fmt(num('bulk.runMs'), ' ms')} (${fmt(num('bulk.confirmed'))} confirmed)`]
  ]
  const w0 = Math.max(...rows.map((r) => r[0].length), ...t.map((x) => x.label.length + 7))
  const w1 = Math.max(...rows.map((r) => r[1].length))
  console.log('\n' + 'figure'.padEnd(w0) + '  ' + 'value'.padEnd(w1) + '  notes')
  console.log('-'.repeat(w0 + w1 + 40))
  for (const [a, v, n] of rows) console.log(`${a.padEnd(w0)}  ${v.padEnd(w1)}  ${n}`)
  console.log('\n' + 'target'.padEnd(w0) + '  result')
  console.log('-'.repeat(w0 + w1 + 40))
  const summary: Record<string, Json> = {}
  for (const x of t) {
    const status = x.pass === null ? 'n/a ' : x.pass ? 'PASS' : 'MISS'
    console.log(`${(status + '  ' + x.label).padEnd(w0)}  ${x.detail}`)
    summary[x.label] = x.pass === null ? null : x.pass ? 'PASS' : 'MISS'
  }
  results['targets'] = summary
  if (errors.length) {
    console.log('\nErrors:')
    for (const e of errors) console.log(`  ${e}`)
  }
}

await main()
