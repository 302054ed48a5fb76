/**
 * `npm run bench:server`: the shared deployment under load, measured on the real code. Two server
 * instances (separate processes) on one PostgreSQL (a throwaway cluster, or DATABASE_URL), and N desktops
 * (default 50) speaking the wire protocol, each keeping a synced copy and following the server's events:
 * - sign-in p50/p95 (five at a time, as a shift starts);
 * - a command's round trip p50/p95 (request → answer; the simulated unit answers at once);
 * - fan-out p95: from a command's answer until the change is in every other desktop's synced copy;
 * - the initial sync of a large fleet (BENCH_SERVER_FLEET, default 100 000) over the server, against the
 *   same sync from the embedded backend in process (both without the browser's IndexedDB writes, which are
 *   the same in both: README, Performance).
 * Prints a table and writes bench/results/server-latest.json. Targets are PASS/MISS, never the exit code.
 * Environment: BENCH_DESKTOPS (50), BENCH_SERVER_FLEET (100000), BENCH_COMMANDS (desktops × 4), DATABASE_URL.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { createBackend } from '../src/main/backend'
import { systemClock } from '../src/main/clock'
import { silentLogger } from '../src/main/logger'
import { callerOn } from '../src/main/testing/backend'
import { startCluster, withDatabase, type Cluster } from '../src/main/testing/postgres-cluster'
import { toVehicleFacts } from '../src/shared/domain/facts'
import { generateFleet } from '../src/shared/fleet/generate'
import { assessSimDeactivation } from '../src/shared/rules'
import { WireClient } from '../tests/server/client'
import { startInstance, type Instance } from '../tests/server/instances'
import { median, percentile, round } from './lib/stats'

const ROOT = resolve(import.meta.dirname, '..')
const DESKTOPS = Number(process.env['BENCH_DESKTOPS'] ?? 50)
const BIG_FLEET = Number(process.env['BENCH_SERVER_FLEET'] ?? 100_000)
const SMALL_FLEET = 2_000
const COMMANDS = Number(process.env['BENCH_COMMANDS'] ?? DESKTOPS * 4)
const TODAY = '2026-11-21'
const BATCH = 4_000

const results: Record<string, number | string> = {}
const set = (key: string, value: number | string) => (results[key] = typeof value === 'number' ? round(value) : value)
const log = (message: string) => console.log(`· ${message}`)

async function createDatabase(cluster: Cluster | null, name: string): Promise<string> {
  const adminUrl = process.env['DATABASE_URL'] ?? cluster!.url
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  return withDatabase(adminUrl, name)
}

async function withInstances<T>(url: string, fleet: number, use: (a: Instance, b: Instance) => Promise<T>): Promise<T> {
  const env = { MINI_DEMO_FLEET_SIZE: String(fleet), MINI_TELEMATICS_LATENCY_MS: '0', MINI_TELEMATICS_FAILURE_RATE: '0', MINI_TELEMATICS_TIMEOUT_MS: '30000' }
  const started = performance.now()
  const [a, b] = await Promise.all([startInstance('a', url, env), startInstance('b', url, env)])
  log(`two instances up on ${fleet.toLocaleString('en-GB')} vehicles in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  try {
    return await use(a, b)
  } finally {
    await Promise.all([a.kill(), b.kill()])
  }
}

/** Runs `tasks` with at most `limit` at a time. */
async function pool<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const out: T[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const i = next++
        out[i] = await tasks[i]!()
      }
    })
  )
  return out
}

async function teamPhase(url: string): Promise<void> {
  const fleet = generateFleet({ size: SMALL_FLEET, referenceDate: TODAY })
  await withInstances(url, SMALL_FLEET, async (a, b) => {
    // Sign-in: five desktops at a time, alternating instances (hotline agents and supervisors).
    const desktops = Array.from({ length: DESKTOPS }, (_, i) => new WireClient((i % 2 ? b : a).url))
    const signIns = await pool(
      5,
      desktops.map((d, i) => async () => {
        const t = performance.now()
        await d.signIn(i % 5 === 0 ? 'supervisor' : 'hotline', i % 5 === 0 ? 'demo-supervisor' : 'demo-hotline')
        return performance.now() - t
      })
    )
    set('signIn.p50Ms', median(signIns))
    set('signIn.p95Ms', percentile(signIns, 95))
    log(`sign-in p95 ${round(percentile(signIns, 95))} ms`)

    // Every desktop's copy of the fleet, kept by sync on every push.
    await Promise.all(desktops.map((d) => d.sync()))
    for (const d of desktops) d.follow()
    await new Promise((r) => setTimeout(r, 1_000))

    // Commands: each desktop acts on vehicles of its own (no two on one vehicle), one command at a time.
    const eligible = fleet.records.filter((r) => r.contract && r.contract.status === 'active' && r.vehicle.sim === 'ACTIVE')
    const roundTrips: number[] = []
    const fanOut: number[] = []
    let done = 0
    await Promise.all(
      desktops.map(async (d, n) => {
        const mine = eligible.filter((_, i) => i % DESKTOPS === n)
        const perDesktop = Math.ceil(COMMANDS / DESKTOPS)
        for (const record of mine.slice(0, perDesktop)) {
          const vin = record.vehicle.vin
          const customer = fleet.customers.find((c) => c.id === record.vehicle.customerId)!
          if (n % 5 === 0) await d.call('callerIdentityDocument', { vin, kind: 'passport' })
          else await d.call('callerVerify', { vin, firstName: customer.firstName ?? '', lastName: customer.lastName ?? '', spokenVin: vin, postcode: customer.postcode })
          const doc = d.copy.get(vin)!
          const facts = toVehicleFacts(doc)
          if (!facts) continue
          const assessment = assessSimDeactivation(facts, TODAY)
          if (!assessment.allowed) continue
          const t = performance.now()
          const result = await d.raw('sim:deactivate', { vin, idempotencyKey: randomUUID(), expectedTargetState: assessment.targetState, acknowledgement: { emergencyCallLoss: true, warningsReadOut: true } })
          const answered = performance.now()
          if (!result.ok) continue
          roundTrips.push(answered - t)
          done++
          // Until every other desktop's copy holds this vehicle's newer revision.
          const others = desktops.filter((o) => o !== d)
          const before = doc.rev
          for (;;) {
            if (others.every((o) => (o.copy.get(vin)?.rev ?? 0) > before)) break
            if (performance.now() - answered > 30_000) break
            await new Promise((r) => setTimeout(r, 2))
          }
          fanOut.push(performance.now() - answered)
        }
      })
    )
    set('command.count', done)
    set('command.roundTripP50Ms', median(roundTrips))
    set('command.roundTripP95Ms', percentile(roundTrips, 95))
    set('fanOut.p50Ms', median(fanOut))
    set('fanOut.p95Ms', percentile(fanOut, 95))
    log(`${done} commands: round trip p95 ${round(percentile(roundTrips, 95))} ms, fan-out p95 ${round(percentile(fanOut, 95))} ms`)
    for (const d of desktops) d.close()
  })
}

/** Fetches every batch of the fleet through `sync`, as the renderer's engine asks for them (no writes). */
async function timeInitialSync(sync: (cursor: number, limit: number) => Promise<{ cursor: number; hasMore: boolean; vehicles: unknown[] }>): Promise<{ ms: number; vehicles: number }> {
  const t = performance.now()
  let cursor = 0
  let vehicles = 0
  let limit = 500
  for (;;) {
    const batch = await sync(cursor, limit)
    vehicles += batch.vehicles.length
    cursor = batch.cursor
    limit = Math.min(BATCH, limit * 2)
    if (!batch.hasMore) break
  }
  return { ms: performance.now() - t, vehicles }
}

async function syncPhase(url: string): Promise<void> {
  await withInstances(url, BIG_FLEET, async (a) => {
    const desktop = new WireClient(a.url)
    await desktop.signIn('supervisor', 'demo-supervisor')
    await desktop.call('syncChanges', { cursor: 0, limit: 10 }) // warm-up
    const server = await timeInitialSync((cursor, limit) => desktop.call('syncChanges', { cursor, limit }))
    set('sync.serverMs', server.ms)
    set('sync.serverVehicles', server.vehicles)
    log(`initial sync over the server: ${server.vehicles.toLocaleString('en-GB')} vehicles in ${(server.ms / 1000).toFixed(1)} s`)
  })
  // The embedded backend (PGlite in process, as in the desktop app), same fleet, same batches.
  const backend = await createBackend({
    dataDir: 'memory',
    resourcesDir: join(ROOT, 'resources'),
    demoFleet: { size: BIG_FLEET },
    clock: systemClock({ fixedToday: TODAY }),
    log: silentLogger,
    transport: 'harness',
    version: 'bench',
    resumePendingCommands: false
  })
  try {
    const caller = callerOn(backend)
    await caller.call('signIn', { username: 'supervisor', password: 'demo-supervisor' })
    await caller.call('syncChanges', { cursor: 0, limit: 10 })
    const embedded = await timeInitialSync((cursor, limit) => caller.call('syncChanges', { cursor, limit }))
    set('sync.embeddedMs', embedded.ms)
    log(`initial sync from the embedded backend: ${embedded.vehicles.toLocaleString('en-GB')} vehicles in ${(embedded.ms / 1000).toFixed(1)} s`)
  } finally {
    await backend.close()
  }
}

async function main(): Promise<void> {
  set('env.loadAverageAtStart', os.loadavg()[0]!)
  set('desktops', DESKTOPS)
  console.log(`Server benchmark: ${DESKTOPS} desktops, 2 instances, Node ${process.version}`)
  const cluster = process.env['DATABASE_URL'] ? null : await startCluster()
  try {
    await teamPhase(await createDatabase(cluster, 'bench_team'))
    await syncPhase(await createDatabase(cluster, 'bench_sync'))
  } finally {
    cluster?.stop()
  }
  const ratio = Number(results['sync.serverMs']) / Number(results['sync.embeddedMs'])
  set('sync.ratio', ratio)
  const rows: Array<[string, string, string]> = [
    ['sign-in p50 / p95', `${results['signIn.p50Ms']} / ${results['signIn.p95Ms']} ms`, ''],
    ['command round trip p50 / p95', `${results['command.roundTripP50Ms']} / ${results['command.roundTripP95Ms']} ms`, Number(results['command.roundTripP95Ms']) <= 100 ? 'p95 ≤ 100 ms: PASS' : 'p95 ≤ 100 ms: MISS'],
    ['fan-out to every other desktop p50 / p95', `${results['fanOut.p50Ms']} / ${results['fanOut.p95Ms']} ms`, Number(results['fanOut.p95Ms']) <= 1000 ? 'p95 ≤ 1 s: PASS' : 'p95 ≤ 1 s: MISS'],
    ['initial sync, server / embedded', `${results['sync.serverMs']} / ${results['sync.embeddedMs']} ms (${round(ratio)} ×)`, ratio <= 1.2 ? '≤ 1.2 × embedded: PASS' : '≤ 1.2 × embedded: MISS']
  ]
  console.log('')
  for (const [what, value, target] of rows) console.log(`${what.padEnd(44)} ${value.padEnd(34)} ${target}`)
  set('env.loadAverageAtEnd', os.loadavg()[0]!)
  await mkdir(join(ROOT, 'bench/results'), { recursive: true })
  await writeFile(join(ROOT, 'bench/results/server-latest.json'), JSON.stringify(results, null, 2) + '\n')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
